// The menu of the site: mkdocs.yml `nav` (titles, sections, order) and `site_name`, as one navigationMenu
// entry. Each item names the entry of its page, resolved through the page index, so the site renders the menu
// from content alone; a nav entry whose file is absent stays in the menu without an entry and is reported.
import { readFileSync } from 'node:fs'
import { fromHtml } from 'hast-util-from-html'
import { toString as hastToString } from 'hast-util-to-string'
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml'
import { pageUrlPath } from '../markdown/page-url.ts'
import { link } from '../model/contentful-types.ts'
import type { DesiredEntry, DesiredWarning } from './desired-state.ts'
import { NAVIGATION_MENU_ID } from './ids.ts'
import type { OwnedFields } from './owned-fields.ts'
import type { PageEntry } from './page-index.ts'

/** One item of the menu as stored in `navigationMenu.items`. */
export interface MenuItem {
  title: string
  /** The page's URL path; null for a section and for an outside link. */
  path: string | null
  /** The id of the page's entry (a redirect's target); null when the page is not in the space. */
  entry: string | null
  /** An outside address (`- Blog: https://…`); null otherwise. */
  url: string | null
  children: MenuItem[]
}

/** A nav entry as written: a file below the docs root, an outside URL, or a section. */
export interface NavNode {
  title: string | null
  file: string | null
  url: string | null
  children: NavNode[] | null
  line: number
  column: number
}

export interface Nav {
  siteName: string | null
  nodes: NavNode[]
}

/** Reads `site_name` and `nav` of an mkdocs.yml; null when it has no nav. Python tags (`!!python/name:`) are
 * tolerated as mkdocs.yml files carry them; a file that is not YAML throws with its line and column. */
export function readNav(file: string, text = readFileSync(file, 'utf8')): Nav | null {
  const lines = new LineCounter()
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lines, prettyErrors: false })
  const error = doc.errors[0]
  if (error) {
    const { line, col } = lines.linePos(error.pos[0])
    throw new Error(`${file}:${line}:${col}: ${error.message}`)
  }
  const root = doc.contents
  if (!isMap(root)) return null
  const nav = root.get('nav', true)
  const siteName = root.get('site_name', true)
  const name = isScalar(siteName) ? String(siteName.value ?? '').trim() : ''
  if (!isSeq(nav)) return null
  const at = (node: Node | null | undefined) => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0)
    return { line, column: col }
  }
  const nodesOf = (seq: Node): NavNode[] =>
    isSeq(seq)
      ? seq.items.flatMap((item): NavNode[] => {
          if (isScalar(item)) return [leaf(null, String(item.value ?? ''), at(item))]
          if (!isMap(item)) return []
          return item.items.map((pair) => {
            const title = isScalar(pair.key) ? String(pair.key.value ?? '') : null
            const value = pair.value as Node | null
            if (isSeq(value)) return { title, file: null, url: null, children: nodesOf(value), ...at(value) }
            return leaf(
              title,
              isScalar(value) ? String(value.value ?? '') : '',
              at(value ?? (pair.key as Node)),
            )
          })
        })
      : []
  return { siteName: name || null, nodes: nodesOf(nav) }
}

function leaf(title: string | null, target: string, place: { line: number; column: number }): NavNode {
  const url = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(target) ? target : null
  return {
    title,
    file: url ? null : target.replace(/\\/g, '/').replace(/^\.?\//, ''),
    url,
    children: null,
    ...place,
  }
}

export interface MenuContext {
  /** The mkdocs.yml as stored in sourcePath (relative to the docs root). */
  sourcePath: string
  /** Whether the docs root has this file (docs-relative). */
  fileExists: (rel: string) => boolean
  /** The entry at a URL path (a redirect resolves to its target). */
  resolve: (path: string) => PageEntry | null
  /** The title of the page at a URL path, for nav entries that give none. */
  titleOf: (path: string) => string | null
}

export interface DesiredMenu {
  entry: DesiredEntry
  warnings: DesiredWarning[]
  items: number
  missing: number
}

export function desiredMenu(nav: Nav, ctx: MenuContext, file: string): DesiredMenu {
  const warnings: DesiredWarning[] = []
  const pages: string[] = []
  let items = 0
  let missing = 0
  const toItem = (n: NavNode): MenuItem => {
    items++
    const title = n.title === null ? null : plainTitle(n.title)
    if (n.children)
      return { title: title ?? '', path: null, entry: null, url: null, children: n.children.map(toItem) }
    if (n.url) return { title: title ?? n.url, path: null, entry: null, url: n.url, children: [] }
    const rel = n.file ?? ''
    const path = pageUrlPath(rel)
    const entry = ctx.fileExists(rel) ? ctx.resolve(path) : null
    if (!ctx.fileExists(rel)) {
      missing++
      warnings.push({
        ruleId: 'nav-file-missing',
        message: `nav entry ${JSON.stringify(n.title ?? rel)} names ${rel}, which is not in the docs root; kept in the menu without a page`,
        line: n.line,
        column: n.column,
      })
    } else if (!entry) {
      missing++
      warnings.push({
        ruleId: 'nav-page-not-synced',
        message: `nav entry ${JSON.stringify(n.title ?? rel)} names ${rel}, which did not land; kept in the menu without a page`,
        line: n.line,
        column: n.column,
      })
    }
    if (entry && !pages.includes(entry.id)) pages.push(entry.id)
    return {
      title: title ?? ctx.titleOf(path) ?? rel,
      path,
      entry: entry?.id ?? null,
      url: null,
      children: [],
    }
  }
  const tree = nav.nodes.map(toItem)
  const owned: OwnedFields<'navigationMenu'> = {
    title: nav.siteName ?? 'Knowledge base',
    items: tree,
    pages: pages.map((id) => link('Entry', id)),
    sourcePath: ctx.sourcePath,
  }
  return {
    entry: { id: NAVIGATION_MENU_ID, contentTypeId: 'navigationMenu', owned, source: file },
    warnings,
    items,
    missing,
  }
}

/** Nav titles may carry HTML (`<b>About</b>`, `&#8211;`): the menu keeps the text a reader saw. */
function plainTitle(title: string): string {
  if (!/[<&]/.test(title)) return title.trim()
  return hastToString(fromHtml(title, { fragment: true }))
    .replace(/\s+/g, ' ')
    .trim()
}

/** The URL paths of the pages the nav names (to look up in the space before the menu is planned). */
export function navPaths(nav: Nav): string[] {
  const out: string[] = []
  const walk = (nodes: NavNode[]) => {
    for (const n of nodes) {
      if (n.children) walk(n.children)
      else if (n.file) out.push(pageUrlPath(n.file))
    }
  }
  walk(nav.nodes)
  return out
}

/** The title the nav gives each page it names, by URL path (lowercase), for pages without a heading. */
export function navTitles(nav: Nav | null): Map<string, string> {
  const titles = new Map<string, string>()
  const walk = (nodes: NavNode[]) => {
    for (const n of nodes) {
      if (n.children) walk(n.children)
      else if (n.file && n.title) titles.set(pageUrlPath(n.file).toLowerCase(), plainTitle(n.title))
    }
  }
  if (nav) walk(nav.nodes)
  return titles
}
