// The incremental sync: before a chunk is parsed, the pages whose entries were made from exactly these files
// (same bytes, variables and code) and whose links and images still resolve as they did are left as they are,
// unparsed and unwritten. Two reads per chunk (the entries a file's path can have, their children), so a no-op sync of a large
// knowledge base costs reads, not parses. A page is only left when it and its children are published at their
// latest version with every owned field as kb-cms wrote it (else a cut-short run, an editor's change or a
// conflict needs the full path, which reports them).
import { relative } from 'node:path'
import { legacySlug, pageSlug, pageUrlPath } from '../markdown/page-url.ts'
import { DEFAULT_LOCALE, type EntryRecord } from '../model/contentful-types.ts'
import { fieldHash, isPublishedCurrent, readBase, type SyncBase } from '../model/sync-base.ts'
import type { ArticleIntake } from './article-intake.ts'
import { type EntryKind, entryId, idBase } from './ids.ts'
import { pageEntry } from './page-index.ts'
import { toPosix } from './source-file.ts'
import { contextStamp, type InputStamp, sameInput } from './source-stamp.ts'
import { entriesByIds } from './space-reader.ts'
import { resolverOf, type SyncRun } from './sync-chunk.ts'

const KINDS: EntryKind[] = ['troubleshootingArticle', 'page', 'redirect']

interface Candidate {
  abs: string
  rel: string
  path: string
  input: InputStamp
}

/** The files of the chunk that need no parse; each is claimed, registered and counted as unchanged. */
export async function leaveUnchanged(
  run: SyncRun,
  intake: ArticleIntake,
  root: string,
  files: string[],
): Promise<Set<string>> {
  const candidates: Candidate[] = []
  for (const abs of files) {
    const input = intake.inputOf(abs)
    const rel = toPosix(relative(root, abs))
    if (input !== null) candidates.push({ abs, rel, path: pageUrlPath(rel), input })
  }
  const ids = (c: Candidate) => [
    ...KINDS.map((k) => entryId(idBase(k, pageSlug(c.rel)))),
    entryId(idBase('troubleshootingArticle', legacySlug(c.rel))),
  ]
  const found = await entriesByIds(run.backend, candidates.flatMap(ids))
  const matched: { c: Candidate; entry: EntryRecord; base: SyncBase }[] = []
  for (const c of candidates) {
    for (const entry of ids(c).map((id) => found.get(id))) {
      const base = entry && readBase(entry.fields)
      if (entry && base && madeFrom(entry, base, c)) {
        matched.push({ c, entry, base })
        break
      }
    }
  }
  // Its children too: a page someone changed in the CMS goes the full way, which reports what it keeps.
  const childIds = matched.flatMap(({ base }) => childrenOf(base))
  const children = await entriesByIds(run.backend, childIds)
  const settled = matched.filter(({ base }) =>
    childrenOf(base).every((id) => {
      const child = children.get(id)
      return child !== undefined && untouched(child)
    }),
  )
  // What the pages depend on beyond their files, resolved as the run resolves it now.
  await run.pages.lookUp(settled.flatMap((m) => m.base.source?.links ?? []))
  await run.images.resolve(settled.flatMap((m) => (m.base.source?.images ?? []).map(asRef)))
  const left = new Set<string>()
  for (const { c, entry, base } of settled) {
    const source = base.source
    if (!source || contextStamp(c.path, source.links, source.images, resolverOf(run)) !== source.context)
      continue
    const type = entry.sys.contentType.sys.id as EntryKind
    intake.claim(c.abs, pageSlug(c.rel), type)
    run.pages.add(c.path, pageEntry(entry))
    run.recorder.unparsed(type, base.children)
    if (source.linkCounts) run.recorder.linksCounted(source.linkCounts)
    left.add(c.abs)
  }
  return left
}

/** The live entry of this very file, made from this input, untouched since. */
function madeFrom(entry: EntryRecord, base: SyncBase, c: Candidate): boolean {
  return (
    KINDS.includes(entry.sys.contentType.sys.id as EntryKind) &&
    entry.fields.sourcePath?.[DEFAULT_LOCALE] === c.rel &&
    base.source !== undefined &&
    sameInput(base.source, c.input) &&
    untouched(entry)
  )
}

/** Live, published at its latest version, every owned field still what kb-cms wrote. */
function untouched(entry: EntryRecord): boolean {
  const base = readBase(entry.fields)
  return (
    base !== null &&
    entry.sys.archivedVersion === undefined &&
    isPublishedCurrent(entry.sys) &&
    Object.entries(base.fields).every(([id, hash]) => fieldHash(entry.fields[id]?.[DEFAULT_LOCALE]) === hash)
  )
}

function childrenOf(base: SyncBase): string[] {
  const c = base.children
  if (!c) return []
  return [
    ...c.resolutions.flatMap((r) => [r.id, ...(r.steps ?? []).map((s) => s.id)]),
    ...c.notes.map((n) => n.id),
  ]
}

const asRef = (image: { src: string; path: string | null; alt: string }) => ({ ...image, width: null })
