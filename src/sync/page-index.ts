// Which entry each URL path of the site is: the pages of this run (by their file) and what the space already
// holds (looked up by the ids a path can have, in pages of 100, once per path). Links, related pages, redirect
// targets and the menu all resolve through here; a redirect resolves to its target.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ContentBackend } from '../backends/port.ts'
import { DEFAULT_LOCALE, type EntryRecord } from '../model/contentful-types.ts'
import { articleId, type EntryKind, entryId, idBase } from './ids.ts'
import { slugOfPath } from './link-path.ts'
import { entriesByIds } from './space-reader.ts'

/** A page of the site as an entry: a redirect's own target, when known, is where links to it go. */
export interface PageEntry {
  id: string
  type: EntryKind
  /** The page's title, for menu items that give none. */
  title?: string
  /** For a redirect: where it sends readers (a URL path, or an https:// address). */
  targetPath?: string | null
  /** For a redirect in the space: the entry its `target` links to. */
  targetId?: string | null
}

const key = (path: string) => path.toLowerCase()
const MAX_HOPS = 8

export class PageIndex {
  /** URL path (lowercase) → the entry this run writes for it; id null until the chunk settles identities. */
  private readonly run = new Map<string, PageEntry>()
  /** URL path (lowercase) → the live entry the space holds for it, or null when it holds none. */
  private readonly space = new Map<string, PageEntry | null>()
  /** URL path (lowercase) → the index of its file in the run: a page linking ahead waits for its target. */
  private readonly files = new Map<string, number>()

  constructor(
    private readonly backend: ContentBackend,
    /** Where stored sourcePaths resolve: the docs root (and, for entries of older runs, the working folder). */
    private readonly roots: string[] = [],
  ) {}

  addFile(path: string, index: number): void {
    if (!this.files.has(key(path))) this.files.set(key(path), index)
  }

  /** A page of this run, once its id is settled. */
  add(path: string, entry: PageEntry): void {
    this.run.set(key(path), entry)
  }

  /** The entry a link to `path` should point at: the page itself, or for a redirect its target; null if none. */
  resolve(path: string): PageEntry | null {
    let found = this.find(path)
    for (let hops = 0; found?.type === 'redirect' && hops < MAX_HOPS; hops++) {
      if (found.targetId) return { id: found.targetId, type: 'page' }
      const next: string | null | undefined = found.targetPath
      found = next?.startsWith('/') ? this.find(next) : null
    }
    return found?.type === 'redirect' ? null : found
  }

  /** The entry for `path` itself (a redirect stays a redirect). */
  find(path: string): PageEntry | null {
    return this.run.get(key(path)) ?? this.space.get(key(path)) ?? null
  }

  /** Whether the run has a file for this path (or for where its redirect leads) that it reaches only at
   * index `laterFrom` or after. */
  waitsFor(path: string, laterFrom: number, hops = 0): boolean {
    const found = this.find(path)
    if (found?.type === 'redirect' && !found.targetId && found.targetPath?.startsWith('/') && hops < MAX_HOPS)
      return this.waitsFor(found.targetPath, laterFrom, hops + 1)
    if (found) return false
    return (this.files.get(key(path)) ?? -1) >= laterFrom
  }

  /** An entry whose Markdown is gone is an orphan (archived by --prune): not a link target any more. */
  private sourceGone(entry: EntryRecord): boolean {
    const source = value(entry, 'sourcePath')
    if (typeof source !== 'string' || this.roots.length === 0) return false
    return !this.roots.some((root) => existsSync(resolve(root, source)))
  }

  /** Looks up in the space the paths not known yet (one read per 100 candidate ids). */
  async lookUp(paths: Iterable<string>): Promise<void> {
    const wanted = [...new Set([...paths].map(key))].filter((p) => !this.run.has(p) && !this.space.has(p))
    if (wanted.length === 0) return
    const candidates = new Map(wanted.map((p) => [p, candidateIds(p)]))
    const found = await entriesByIds(this.backend, [...candidates.values()].flat())
    for (const [path, ids] of candidates) {
      const entry = ids.map((id) => found.get(id)).find((e) => e !== undefined && isPageOf(e, path))
      this.space.set(path, entry && !this.sourceGone(entry) ? pageEntry(entry) : null)
    }
  }
}

/** Every id a page at `path` can have: as an article, a page, a redirect (all from the path's slug). */
function candidateIds(path: string): string[] {
  const slug = slugOfPath(path)
  return [
    articleId(slug),
    entryId(idBase('page', slug)),
    entryId(idBase('redirect', slug)),
    // An article synced before identity came from the path keeps its id from the file name alone.
    articleId(slug.split('/').at(-1) ?? slug),
  ]
}

const TYPES = new Set<string>(['troubleshootingArticle', 'page', 'redirect'])

function value(entry: EntryRecord, field: string): unknown {
  return entry.fields[field]?.[DEFAULT_LOCALE]
}

/**
 * A live entry of a page kind whose URL path is `path`. An article written before entries had paths is known
 * by its source file instead: its sourcePath ends with the file this path is served from.
 */
function isPageOf(entry: EntryRecord, path: string): boolean {
  const type = entry.sys.contentType.sys.id
  if (entry.sys.archivedVersion !== undefined || !TYPES.has(type)) return false
  const own = value(entry, type === 'redirect' ? 'from' : 'path')
  if (typeof own === 'string') return key(own) === path
  const source = value(entry, 'sourcePath')
  if (typeof source !== 'string') return false
  const file = source.toLowerCase().replace(/\\/g, '/')
  const inner = path.slice(1)
  return [`${inner.replace(/\/$/, '')}.md`, `${inner}index.md`].some(
    (f) => f !== '.md' && (file === f || file.endsWith(`/${f}`)),
  )
}

export function pageEntry(entry: EntryRecord): PageEntry {
  const type = entry.sys.contentType.sys.id as EntryKind
  const title = value(entry, 'title')
  if (type !== 'redirect') return { id: entry.sys.id, type, ...(typeof title === 'string' ? { title } : {}) }
  const target = value(entry, 'target') as { sys?: { id?: unknown } } | undefined
  const targetPath = value(entry, 'targetPath')
  return {
    id: entry.sys.id,
    type,
    targetPath: typeof targetPath === 'string' ? targetPath : null,
    targetId: typeof target?.sys?.id === 'string' ? target.sys.id : null,
  }
}
