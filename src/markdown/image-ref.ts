// Resolve an image src the way MkDocs serves it, relative to the docs root.
import { basename, dirname, posix, relative, resolve, sep } from 'node:path'

export interface PageLocation {
  /** Page path relative to the docs root, forward slashes, e.g. "ri/fast/articles/X.md"; null when unknown. */
  pagePath: string | null
}

/** The docs root: the option when given, else the nearest ancestor folder named `docs`, else the file's folder. */
export function findDocsRoot(filePath: string, docsRoot?: string): string {
  if (docsRoot) return resolve(docsRoot)
  const abs = resolve(filePath)
  let dir = dirname(abs)
  for (;;) {
    if (basename(dir) === 'docs') return dir
    const parent = dirname(dir)
    if (parent === dir) return dirname(abs)
    dir = parent
  }
}

export function pageLocation(filePath: string, docsRoot: string): PageLocation {
  const rel = relative(docsRoot, resolve(filePath)).split(sep).join('/')
  if (rel.startsWith('../') || rel === '..') return { pagePath: null }
  return { pagePath: rel }
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i

export type ResolveResult = { path: string | null; outside: boolean }

/**
 * HTML <img> resolves against the page URL (X.md is served at X/, one level deeper than the file);
 * Markdown ![]() resolves against the .md file. Backslashes are slashes, as browsers treat them.
 */
export function resolveImagePath(src: string, fromMarkdown: boolean, page: PageLocation): ResolveResult {
  const cleaned = src.trim().replace(/\\/g, '/')
  if (cleaned === '' || EXTERNAL.test(cleaned) || page.pagePath === null)
    return { path: null, outside: false }
  const noQuery = cleaned.replace(/[?#].*$/, '')
  let decoded = noQuery
  try {
    decoded = decodeURI(noQuery)
  } catch {
    // A malformed escape: keep the raw path, it is still a path.
  }
  const pageDir = posix.dirname(page.pagePath)
  const isIndex = /(^|\/)index\.md$/i.test(page.pagePath)
  const base =
    fromMarkdown || isIndex
      ? pageDir
      : posix.join(pageDir, page.pagePath.replace(/^.*\//, '').replace(/\.md$/i, ''))
  const joined = decoded.startsWith('/')
    ? posix.normalize(decoded.slice(1))
    : posix.normalize(posix.join(base, decoded))
  if (joined === '..' || joined.startsWith('../')) return { path: null, outside: true }
  return { path: joined.replace(/^\.\//, ''), outside: false }
}
