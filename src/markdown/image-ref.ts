// Resolve an image src the way MkDocs serves it, relative to the docs root.
import { readFileSync, statSync } from 'node:fs'
import { basename, dirname, join, posix, relative, resolve, sep } from 'node:path'

export interface PageLocation {
  /** Page path relative to the docs root, forward slashes, e.g. "ri/fast/articles/X.md"; null when unknown. */
  pagePath: string | null
}

/**
 * The docs root: the option when given, else the nearest ancestor folder named `docs`, else the nearest ancestor
 * holding an mkdocs.yml (its `docs_dir` when set and existing, else that folder), else the file's folder.
 */
export function findDocsRoot(filePath: string, docsRoot?: string): string {
  if (docsRoot) return resolve(docsRoot)
  const dir = dirname(resolve(filePath))
  return namedDocsAncestor(dir) ?? mkdocsRoot(dir) ?? dir
}

function namedDocsAncestor(start: string): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    if (basename(dir) === 'docs') return dir
    if (dirname(dir) === dir) return null
  }
}

function mkdocsRoot(start: string): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    const config = MKDOCS_NAMES.map((n) => join(dir, n)).find((p) => isFile(p))
    if (config) {
      const docsDir = docsDirOf(config)
      const candidate = docsDir ? resolve(dir, docsDir) : null
      return candidate && isDirectory(candidate) ? candidate : dir
    }
    if (dirname(dir) === dir) return null
  }
}

const MKDOCS_NAMES = ['mkdocs.yml', 'mkdocs.yaml']

/**
 * The top-level `docs_dir:` of an mkdocs.yml, read by line: these files carry Python-specific tags
 * (`!!python/name:`) that a strict YAML load rejects, and only this one key matters here.
 */
function docsDirOf(config: string): string | null {
  let text: string
  try {
    text = readFileSync(config, 'utf8')
  } catch {
    return null
  }
  const m = /^docs_dir:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^#\n]*?))[ \t]*(?:#.*)?$/m.exec(text)
  const value = (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim()
  return value || null
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile()
  } catch {
    return false
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory()
  } catch {
    return false
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
