// The per-page pipeline, for one chunk of pages of any kind: images → assets, ids settled (legacy ids adopted),
// link targets looked up, pages → desired entries, what the space holds for them (read in pages), then writes
// level by level (children before parents) and the chunk's publishes. Top-level entries (articles, pages,
// redirects, the menu) are published at the end of the run (see bulk-publisher.ts).
import type { AssetInput, ContentBackend, PublishItem } from '../backends/port.ts'
import type { Article } from '../model/article.ts'
import type { EntryRecord } from '../model/contentful-types.ts'
import { readBase, type SourceStamp } from '../model/sync-base.ts'
import type { BulkPublisher } from './bulk-publisher.ts'
import { classifyEntry } from './changeset.ts'
import {
  articleImages,
  type DesiredEntry,
  desiredEntries,
  linkedPaths,
  type SyncedType,
  TOP_LEVEL,
} from './desired-state.ts'
import { settleIdentities } from './identity.ts'
import { entryId } from './ids.ts'
import type { ImageAssets } from './image-assets.ts'
import { mapLimit } from './map-limit.ts'
import { reportMissingImages } from './missing-images.ts'
import type { PageIndex } from './page-index.ts'
import type { Outcome } from './report.ts'
import type { Owner, PageKind, ReportRecorder } from './report-recorder.ts'
import { contextStamp, type InputStamp } from './source-stamp.ts'
import { assetsByIds, entriesByIds } from './space-reader.ts'
import { writeAssets } from './write-assets.ts'
import { writeEntry } from './write-entry.ts'
import type { CountingWriter } from './writer.ts'

/** What every chunk of a run shares. */
export interface SyncRun {
  backend: ContentBackend
  writer: CountingWriter
  recorder: ReportRecorder
  images: ImageAssets
  pages: PageIndex
  publisher: BulkPublisher
  /** CTA banners written (or being written) by this run: a banner is shared, written once per run. */
  banners: Set<string>
  cwd: string
  force: boolean
  concurrency: number
  /** The nav's title for a page at a URL path (for pages without a heading). */
  navTitle?: (path: string) => string | null
  /** The input stamp of a page's file (see source-stamp.ts); null: none (the page is not left unparsed later). */
  inputOf?: (article: Article) => InputStamp | null
}

/** Write levels: an entry is written (and published) only after everything it links to. */
const LEVEL: Record<SyncedType, number> = {
  resolutionStep: 0,
  resolution: 1,
  note: 1,
  ctaBanner: 1,
  troubleshootingArticle: 2,
  page: 2,
  redirect: 2,
  navigationMenu: 2,
}
const LEVELS = 3

/** Worst last. */
const OUTCOME_RANK: Outcome[] = ['unchanged', 'updated', 'created', 'conflicts', 'failed']

interface PlannedArticle {
  /** The file the entries come from, as shown to the user. */
  file: string
  kind: PageKind
  entries: DesiredEntry[]
  outcome: Outcome
}

export async function syncChunk(run: SyncRun, chunk: Article[]): Promise<void> {
  const newAssets = await resolveImages(run, chunk)
  const { bases, existing } = await settleIdentities(run.backend, chunk)
  for (const [a, base] of bases) registerPage(run.pages, a, entryId(base))
  // Linked pages outside this run may still be in the space.
  await run.pages.lookUp(chunk.flatMap(linkedPaths))
  await writePlanned(run, planArticles(run, chunk, bases, existing), newAssets, existing)
}

/** Entries that belong to no page file (the navigation menu), written and published like a page's. */
export async function syncEntries(run: SyncRun, file: string, kind: PageKind, entries: DesiredEntry[]) {
  await writePlanned(run, [{ file, kind, entries, outcome: 'unchanged' }], [])
}

async function writePlanned(
  run: SyncRun,
  planned: PlannedArticle[],
  newAssets: AssetInput[],
  known: Map<string, EntryRecord> = new Map(),
): Promise<void> {
  const [existingEntries, existingAssets] = await Promise.all([
    entriesByIds(
      run.backend,
      planned.flatMap((p) => p.entries.map((e) => e.id).filter((id) => !known.has(id))),
    ).then((read) => new Map([...known, ...read])),
    assetsByIds(
      run.backend,
      newAssets.map((a) => a.id),
    ),
  ])
  const assets = await writeAssets(newAssets, existingAssets, run)
  failArticlesWithBrokenAssets(run, planned, assets.failed)
  const byLevel = await writeEntries(run, planned, existingEntries)
  if (!run.recorder.dryRun) await publishChunk(run, planned, assets.publish, byLevel)
  for (const p of planned) run.recorder.articleCounted(p.outcome, p.kind)
}

/** Puts a page of the run into the index, so links to it resolve (a redirect with where it leads). */
export function registerPage(index: PageIndex, article: Article, id: string): void {
  if (article.path === null) return
  const type = TOP_LEVEL[article.kind]
  if (type !== 'redirect') {
    index.add(article.path, { id, type, title: article.title })
    return
  }
  const [target] = linkedPaths({ ...article, links: [], related: [] })
  index.add(article.path, { id, type, targetPath: target ?? article.redirectTo })
}

/** Images first: their asset ids go into the entries' fields. Returns the assets new to this run. */
async function resolveImages(run: SyncRun, chunk: Article[]): Promise<AssetInput[]> {
  for (const article of chunk) {
    const refs = articleImages(article)
    await run.images.resolve(refs)
    await reportMissingImages(article, refs, run)
  }
  return run.images.takePending()
}

/** An article whose asset could not be made would link to nothing: it fails as a whole. */
function failArticlesWithBrokenAssets(run: SyncRun, planned: PlannedArticle[], failed: Map<string, string>) {
  for (const p of planned) {
    const json = JSON.stringify(p.entries.map((e) => e.owned))
    const broken = [...failed].find(([id]) => json.includes(`"${id}"`))
    if (!broken) continue
    raise(p, 'failed')
    run.recorder.assetFailed(p.file, broken[0], broken[1])
  }
}

/** Writes level by level, so no entry links to one that is not there yet; returns what to publish, by level. */
async function writeEntries(
  run: SyncRun,
  planned: PlannedArticle[],
  existing: Map<string, EntryRecord>,
): Promise<PublishItem[][]> {
  const byLevel: PublishItem[][] = Array.from({ length: LEVELS }, () => [])
  for (let level = 0; level < LEVELS; level++) {
    const work = planned.flatMap((p) =>
      p.entries.filter((e) => LEVEL[e.contentTypeId] === level).map((desired) => ({ p, desired })),
    )
    await mapLimit(work, run.concurrency, async ({ p, desired }) => {
      const current = existing.get(desired.id)
      const action = classifyEntry(desired, current, { force: run.force })
      // A shared banner does not belong to the article that happens to carry it: written even if that fails.
      const shared = desired.contentTypeId === 'ctaBanner'
      if (p.outcome === 'failed' && !shared) return
      if (shared && action.type !== 'failed') run.banners.add(desired.id)
      await writeEntry(desired, action, current, {
        writer: run.writer,
        recorder: run.recorder,
        file: p.file,
        raise: (o) => raise(p, o),
        failed: () => {
          if (shared) run.banners.delete(desired.id)
          raise(p, 'failed')
        },
        publish: (item) => byLevel[level]?.push(item),
      })
    })
  }
  return byLevel
}

/** Assets and children now, level by level; articles wait for the end of the run. */
async function publishChunk(
  run: SyncRun,
  planned: PlannedArticle[],
  assets: PublishItem[],
  byLevel: PublishItem[][],
): Promise<void> {
  // Entry id → the article it is written for, and its type (the first article, should two plan the same id).
  const byId = new Map<string, { p: PlannedArticle; type: SyncedType }>()
  for (const p of planned)
    for (const e of p.entries) if (!byId.has(e.id)) byId.set(e.id, { p, type: e.contentTypeId })
  const ownerOf = (id: string): Owner | undefined => {
    const found = byId.get(id)
    return found && { file: found.p.file, type: found.type }
  }
  await run.publisher.publish(assets, () => undefined)
  for (let level = 0; level < LEVELS - 1; level++) await run.publisher.publish(byLevel[level] ?? [], ownerOf)
  for (const item of byLevel[LEVELS - 1] ?? []) {
    const p = byId.get(item.id)?.p
    if (p)
      run.publisher.defer(item, {
        file: p.file,
        type: p.entries.at(-1)?.contentTypeId ?? 'page',
        outcome: p.outcome,
      })
  }
}

/** An article counts as the worst outcome among its entries. */
function raise(p: PlannedArticle, outcome: Outcome): void {
  if (OUTCOME_RANK.indexOf(outcome) > OUTCOME_RANK.indexOf(p.outcome)) p.outcome = outcome
}

/** The entries each article wants, its warnings reported; a banner goes to the first article that shows it. */
function planArticles(
  run: SyncRun,
  chunk: Article[],
  bases: Map<Article, string>,
  existing: Map<string, EntryRecord>,
): PlannedArticle[] {
  const inChunk = new Set<string>()
  return chunk.map((article) => {
    const base = bases.get(article) as string
    const desired = desiredEntries(article, {
      base,
      previousChildren: previousChildren(existing.get(entryId(base)), TOP_LEVEL[article.kind]),
      stamp: stampOf(run, article),
      assetIdOf: (ref) => run.images.idOf(ref),
      resolve: (path) => run.pages.resolve(path),
      ...(run.navTitle ? { navTitle: run.navTitle } : {}),
    })
    for (const w of desired.warnings) run.recorder.warning(article.source, w.ruleId, w.message, w)
    run.recorder.linksCounted(desired.links)
    const stamp = desired.entries.find((e) => e.id === desired.id)?.stamp
    if (stamp) stamp.linkCounts = desired.links
    const entries = desired.entries.filter(
      (e) => e.contentTypeId !== 'ctaBanner' || !(run.banners.has(e.id) || inChunk.has(e.id)),
    )
    for (const e of entries) if (e.contentTypeId === 'ctaBanner') inChunk.add(e.id)
    return { file: article.source, kind: article.kind, entries, outcome: 'unchanged' }
  })
}

/** The children a page's entry recorded, if the entry is the page's (same type, not archived). */
function previousChildren(entry: EntryRecord | undefined, type: SyncedType) {
  if (!entry || entry.sys.contentType.sys.id !== type || entry.sys.archivedVersion !== undefined)
    return undefined
  return readBase(entry.fields)?.children
}

/** What the page is made from, for the next run to leave it unparsed if nothing changed (see source-stamp.ts). */
function stampOf(run: SyncRun, article: Article): SourceStamp | undefined {
  const input = run.inputOf?.(article)
  if (!input) return undefined
  const links = linkedPaths(article)
  const images = articleImages(article).map(({ src, path, alt }) => ({ src, path, alt }))
  return { ...input, links, images, context: contextStamp(article.path, links, images, resolverOf(run)) }
}

/** How the run resolves what a page depends on beyond its file (see source-stamp.ts). */
export function resolverOf(run: SyncRun) {
  return {
    entryOf: (path: string) => run.pages.resolve(path)?.id ?? null,
    assetOf: (ref: Parameters<SyncRun['images']['idOf']>[0]) => run.images.idOf(ref),
    navTitle: (path: string) => run.navTitle?.(path) ?? null,
  }
}
