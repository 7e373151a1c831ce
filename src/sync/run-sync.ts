// The sync: Markdown files under a docs root → entries and assets in the space. Streams the articles in
// chunks (memory stays flat as the knowledge base grows), reads what the space holds for each chunk in pages,
// writes only what changed (children before parents), then publishes in bulk.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { relative, resolve } from 'node:path'
import type { ContentBackend, PublishItem } from '../backends/port.ts'
import { ConflictError } from '../backends/port.ts'
import { type ParseOptions, parseArticleSource, slugOf } from '../markdown/parse-article.ts'
import type { Article, ImageRef } from '../model/article.ts'
import { type AssetRecord, DEFAULT_LOCALE, type EntryRecord } from '../model/contentful-types.ts'
import { classifyEntry, type EntryAction, isPublishedCurrent } from './changeset.ts'
import { describeError } from './describe-error.ts'
import { articleImages, desiredArticle, type SyncedType } from './desired-state.ts'
import { articleId } from './ids.ts'
import { ImageAssets } from './image-assets.ts'
import { mapLimit } from './map-limit.ts'
import { findOrphans } from './orphans.ts'
import { slugFromHref } from './related-slug.ts'
import { emptyReport, type Outcome, type PlannedChange, type SyncReport } from './report.ts'
import { locate, toPosix, unreadable } from './source-file.ts'
import { markdownFiles } from './source-walk.ts'
import { assetsByIds, entriesByIds } from './space-reader.ts'
import { CountingWriter } from './writer.ts'

export interface SyncOptions {
  /** The docs root to sync (MkDocs `docs_dir`). */
  source: string
  force?: boolean
  prune?: boolean
  dryRun?: boolean
  assetBaseUrl?: string | undefined
  variables?: Record<string, string>
  /** Articles per chunk: how many are held in memory at once. */
  chunkSize?: number
  /** Writes in flight at once. */
  concurrency?: number
  onProgress?: (progress: { done: number; total: number }) => void
  env?: NodeJS.ProcessEnv
  /** Called once before the first write: a run with nothing to write never calls it. */
  beforeFirstWrite?: () => Promise<void>
  /** The Markdown parser (default: src/markdown); replaceable so the sync can be tested on its own. */
  parse?: (path: string, text: string, options: ParseOptions) => Article
}

interface Owner {
  file: string
  type: SyncedType
  /** For an article entry: how the article was counted, so a failed publish can recount it. */
  outcome?: Outcome
}

/** Write levels: an entry is written (and published) only after everything it links to. */
const LEVEL: Record<SyncedType, number> = {
  resolutionStep: 0,
  resolution: 1,
  note: 1,
  ctaBanner: 1,
  troubleshootingArticle: 2,
}

export async function runSync(backend: ContentBackend, options: SyncOptions): Promise<SyncReport> {
  // Paths in reports and `sourcePath` are relative to the working directory, as the user typed them.
  const cwd = process.cwd()
  const root = resolve(cwd, options.source)
  const display = (abs: string) => toPosix(relative(cwd, abs)) || '.'
  const report = emptyReport(display(root), backend.description, options.dryRun ?? false)
  const parseFile = options.parse ?? ((path, text, o) => parseArticleSource(path, text, o).article)
  // Never throws: a file that cannot be read or parsed becomes an article with a fatal diagnostic, so one
  // broken file never stops the others.
  const parse = async (abs: string): Promise<Article> => {
    try {
      return parseFile(display(abs), await readFile(abs, 'utf8'), {
        docsRoot: display(root),
        ...(options.variables ? { variables: options.variables } : {}),
      })
    } catch (error) {
      return unreadable(display(abs), error)
    }
  }
  const reportFatal = (article: Article) => {
    const fatal = article.diagnostics.filter((d) => d.severity === 'fatal')
    if (fatal.length === 0) return false
    const file = article.source
    for (const d of fatal) report.diagnostics.push({ file, ...d })
    const first = fatal[0]
    const place = first?.line != null ? `${file}:${first.line}:${first.column ?? 1}` : file
    report.failed.push({ file, id: null, message: `${place}: ${first?.message ?? 'cannot parse'}` })
    report.articles.failed++
    return true
  }

  // File names first (no parsing): the slugs this run may still bring, so that an article whose related link
  // points at an article later in the run waits for it instead of dropping the link. Paths only.
  const files: string[] = []
  const fileSlugAt = new Map<string, number>()
  for await (const abs of markdownFiles(root)) {
    fileSlugAt.set(slugOf(abs), files.length)
    files.push(abs)
  }

  const writer = new CountingWriter(backend, options.env, options.beforeFirstWrite)
  const images = new ImageAssets({ docsRoot: root, assetBaseUrl: options.assetBaseUrl })
  const chunkSize = options.chunkSize ?? 25
  /** Troubleshooting articles of this run: slug → file. */
  const slugs = new Map<string, string>()
  const notArticles = new Set<string>()
  const handledShared = new Set<string>()
  const spaceArticles = new Map<string, boolean>()
  /** Article entries written but not yet published (published at the end of the run): id → item and owner. */
  const deferred = new Map<string, { item: PublishItem; owner: Owner }>()
  const postponed: string[] = []
  let done = 0
  const progress = () => options.onProgress?.({ done, total: files.length })
  progress()

  // One parse per file: each chunk is parsed, sorted out, and synced before the next is read.
  for (let i = 0; i < files.length; i += chunkSize) {
    const end = Math.min(i + chunkSize, files.length)
    const chunk: Article[] = []
    for (let j = i; j < end; j++) {
      const article = await admit(files[j] as string)
      if (article) chunk.push(article)
      else done++
    }
    await lookUpSpaceArticles(chunk.flatMap((a) => a.related.map((r) => r.href)))
    const waitsForLater = (a: Article) =>
      a.related.some((r) => {
        const slug = slugFromHref(r.href)
        if (slug === null || slug === a.slug || slugs.has(slug) || spaceArticles.get(slug) === true)
          return false
        return (fileSlugAt.get(slug) ?? -1) >= end
      })
    const ready: Article[] = []
    for (const a of chunk) {
      if (waitsForLater(a)) postponed.push(resolve(cwd, a.source))
      else ready.push(a)
    }
    await syncChunk(ready)
    done += ready.length
    progress()
  }
  // Articles that link to ones later in the run: every slug of the run is known now. Parsed a second time, but
  // only on a run that creates their targets; afterwards the targets are in the space.
  for (let i = 0; i < postponed.length; i += chunkSize) {
    const chunk: Article[] = []
    for (const abs of postponed.slice(i, i + chunkSize)) {
      const article = await parse(abs)
      if (article.kind === 'troubleshooting' && !reportFatal(article)) chunk.push(article)
    }
    await syncChunk(chunk)
    done += chunk.length
    progress()
  }

  await publishAll(
    [...deferred.values()].map((d) => d.item),
    (id) => deferred.get(id)?.owner,
  )
  deferred.clear()

  const orphans = await findOrphans(backend, {
    root,
    cwd,
    notArticles,
    prune: (options.prune ?? false) && !report.dryRun,
    writer,
  })
  for (const o of orphans) {
    report.orphans.push(o)
    if (o.type === 'troubleshootingArticle') report.articles.orphans++
    report.changes.push({ action: o.pruned ? 'prune' : 'orphan', type: o.type, id: o.id, file: o.sourcePath })
  }
  report.writes = writer.writes
  return report

  /** Parses a file and sorts it: a troubleshooting article to sync, or skipped / failed (counted, reported). */
  async function admit(abs: string): Promise<Article | null> {
    const article = await parse(abs)
    const file = display(abs)
    if (reportFatal(article)) return null
    if (article.kind !== 'troubleshooting') {
      report.skipped.push({ file, kind: article.kind })
      report.articles.skipped++
      notArticles.add(abs)
      return null
    }
    const taken = slugs.get(article.slug)
    if (taken !== undefined || article.slug === '') {
      const message =
        taken !== undefined
          ? `${file}: slug "${article.slug}" is already used by ${taken}`
          : `${file}: no slug can be made from the file name`
      report.failed.push({ file, id: null, message })
      report.articles.failed++
      return null
    }
    slugs.set(article.slug, file)
    return article
  }

  async function syncChunk(chunk: Article[]): Promise<void> {
    // Images first: their asset ids go into the entries' fields.
    for (const article of chunk) {
      const refs = articleImages(article)
      await images.resolve(refs)
      await reportMissingImages(article, refs)
    }
    const newAssets = images.takePending()

    // Related articles outside this run may still be in the space.
    const unknown = chunk.flatMap((a) => a.related.map((r) => r.href))
    await lookUpSpaceArticles(unknown)
    const articleExists = (slug: string) => slugs.has(slug) || spaceArticles.get(slug) === true

    const inChunk = new Set<string>()
    const perArticle = chunk.map((article) => {
      const desired = desiredArticle(article, {
        sourcePath: article.source,
        assetIdOf: (ref) => images.idOf(ref),
        articleExists,
      })
      for (const w of desired.warnings)
        report.diagnostics.push({
          file: article.source,
          line: null,
          column: null,
          severity: 'warning',
          ruleId: 'sync-cta',
          message: w,
        })
      // A CTA banner is shared: written once per run, by the first article of the run that shows it.
      const entries = desired.entries.filter(
        (e) => e.contentTypeId !== 'ctaBanner' || !(handledShared.has(e.id) || inChunk.has(e.id)),
      )
      for (const e of entries) if (e.contentTypeId === 'ctaBanner') inChunk.add(e.id)
      return { article, entries }
    })

    const allEntries = perArticle.flatMap((a) => a.entries)
    const [existingEntries, existingAssets] = await Promise.all([
      entriesByIds(
        backend,
        allEntries.map((e) => e.id),
      ),
      assetsByIds(
        backend,
        newAssets.map((a) => a.id),
      ),
    ])

    // Assets: reuse what the space has (same id = same bytes), upload the rest.
    const publishAssets: PublishItem[] = []
    const failedAssets = new Map<string, string>()
    await mapLimit(newAssets, options.concurrency ?? 4, async (asset) => {
      const existing = existingAssets.get(asset.id)
      if (existing) {
        report.assets.reused++
        if (!isPublishedCurrent(existing.sys) && existing.sys.archivedVersion === undefined)
          publishAssets.push({ linkType: 'Asset', id: asset.id, version: existing.sys.version })
        return
      }
      report.assets.uploaded++
      report.changes.push({ action: 'upload', type: 'asset', id: asset.id, file: null })
      if (report.dryRun) return
      try {
        const record: AssetRecord = await writer.putAsset(asset)
        publishAssets.push({ linkType: 'Asset', id: asset.id, version: record.sys.version })
      } catch (error) {
        failedAssets.set(asset.id, describeError(error))
      }
    })

    // Entries: classify, then write level by level so no entry links to one that is not there yet.
    const actions = new Map<string, EntryAction>()
    for (const e of allEntries)
      actions.set(e.id, classifyEntry(e, existingEntries.get(e.id), { force: options.force ?? false }))
    const outcome = new Map<Article, Outcome>()
    const failedSources = new Set<string>()
    const bump = (article: Article, o: Outcome) => {
      const rank: Outcome[] = ['unchanged', 'updated', 'created', 'conflicts', 'failed']
      const prev = outcome.get(article) ?? 'unchanged'
      if (rank.indexOf(o) > rank.indexOf(prev)) outcome.set(article, o)
    }
    // An article whose asset could not be made would link to nothing: it fails as a whole.
    for (const { article, entries } of perArticle) {
      const json = JSON.stringify(entries.map((e) => e.fields))
      const broken = [...failedAssets].find(([id]) => json.includes(`"${id}"`))
      if (!broken) continue
      failedSources.add(article.source)
      bump(article, 'failed')
      report.failed.push({
        file: article.source,
        id: broken[0],
        message: `asset upload failed: ${broken[1]}`,
      })
    }
    const byLevel: PublishItem[][] = [[], [], []]
    for (let level = 0; level <= 2; level++) {
      const work = perArticle.flatMap(({ article, entries }) =>
        entries.filter((e) => LEVEL[e.contentTypeId] === level).map((e) => ({ article, desired: e })),
      )
      await mapLimit(work, options.concurrency ?? 4, async ({ article, desired }) => {
        const action = actions.get(desired.id) as EntryAction
        const counts = report.entries[desired.contentTypeId]
        // A shared banner does not belong to the article that happens to carry it: written even if that fails.
        const shared = desired.contentTypeId === 'ctaBanner'
        if (failedSources.has(article.source) && !shared) return
        if (shared && action.type !== 'failed') handledShared.add(desired.id)
        const fail = (message: string) => {
          counts.failed++
          if (shared) handledShared.delete(desired.id)
          failedSources.add(article.source)
          bump(article, 'failed')
          report.failed.push({ file: article.source, id: desired.id, message })
          report.changes.push({
            action: 'failed',
            type: desired.contentTypeId,
            id: desired.id,
            file: article.source,
            reason: message,
          })
        }
        switch (action.type) {
          case 'failed':
            return fail(action.reason)
          case 'conflict':
            counts.conflicts++
            bump(article, 'conflicts')
            report.conflicts.push({
              id: desired.id,
              type: desired.contentTypeId,
              file: article.source,
              reason: action.reason,
            })
            report.changes.push({
              action: 'conflict',
              type: desired.contentTypeId,
              id: desired.id,
              file: article.source,
              reason: action.reason,
            })
            return
          case 'unchanged':
            counts.unchanged++
            if (action.publishVersion !== null) {
              bump(article, 'updated')
              byLevel[level]?.push({ linkType: 'Entry', id: desired.id, version: action.publishVersion })
              report.changes.push({
                action: 'publish',
                type: desired.contentTypeId,
                id: desired.id,
                file: article.source,
              })
            }
            return
          default: {
            const isCreate = action.type === 'create'
            const change: PlannedChange = {
              action: isCreate ? 'create' : 'update',
              type: desired.contentTypeId,
              id: desired.id,
              file: article.source,
            }
            if (action.type === 'update' && action.overwritesEdit)
              change.reason = 'overwrites a change made in the CMS (--force)'
            report.changes.push(change)
            if (report.dryRun) {
              counts[isCreate ? 'created' : 'updated']++
              bump(
                article,
                isCreate && desired.contentTypeId === 'troubleshootingArticle' ? 'created' : 'updated',
              )
              return
            }
            try {
              const input = { id: desired.id, contentTypeId: desired.contentTypeId, fields: desired.fields }
              const record: EntryRecord =
                action.type === 'update'
                  ? await writer.putEntry(input, action.version)
                  : await writer.putEntry(input)
              counts[isCreate ? 'created' : 'updated']++
              bump(
                article,
                isCreate && desired.contentTypeId === 'troubleshootingArticle' ? 'created' : 'updated',
              )
              byLevel[level]?.push({ linkType: 'Entry', id: desired.id, version: record.sys.version })
            } catch (error) {
              if (error instanceof ConflictError && action.type === 'update') {
                counts.conflicts++
                bump(article, 'conflicts')
                const reason = `entry ${desired.id} changed in the space during the sync`
                report.conflicts.push({
                  id: desired.id,
                  type: desired.contentTypeId,
                  file: article.source,
                  reason,
                })
                return
              }
              fail(describeError(error))
            }
          }
        }
      })
    }

    if (!report.dryRun) {
      const ownerOf = (id: string): Owner | undefined => {
        const owner = perArticle.find((a) => a.entries.some((e) => e.id === id))
        const type = owner?.entries.find((e) => e.id === id)?.contentTypeId
        return owner && type ? { file: owner.article.source, type } : undefined
      }
      await publishAll(publishAssets, () => undefined)
      await publishAll(byLevel[0] ?? [], ownerOf)
      await publishAll(byLevel[1] ?? [], ownerOf)
      // Articles are published once the whole run is written: a related article may come in a later chunk, and
      // a link to an entry that does not exist yet cannot be published.
      for (const item of byLevel[2] ?? []) {
        const owner = perArticle.find((a) => a.entries.some((e) => e.id === item.id))
        if (owner)
          deferred.set(item.id, {
            item,
            owner: {
              file: owner.article.source,
              type: 'troubleshootingArticle',
              outcome: outcome.get(owner.article) ?? 'unchanged',
            },
          })
      }
    }
    for (const { article } of perArticle) report.articles[outcome.get(article) ?? 'unchanged']++
  }

  /** Publishes in bulk; if a batch is rejected, publishes its items one by one to name the culprits. */
  async function publishAll(items: PublishItem[], ownerOf: (id: string) => Owner | undefined): Promise<void> {
    if (items.length === 0) return
    try {
      await writer.publish(items)
    } catch {
      for (const item of items) {
        try {
          await writer.publish([item])
        } catch (error) {
          const owner = ownerOf(item.id)
          report.failed.push({
            file: owner?.file ?? '',
            id: item.id,
            message: `publish failed: ${describeError(error)}`,
          })
          if (owner?.type) report.entries[owner.type].failed++
          if (owner?.outcome) {
            report.articles[owner.outcome]--
            report.articles.failed++
          }
        }
      }
    }
  }

  async function lookUpSpaceArticles(hrefs: string[]): Promise<void> {
    const wanted = [...new Set(hrefs.map(slugFromHref))].filter(
      (s): s is string => s !== null && !slugs.has(s) && !spaceArticles.has(s),
    )
    if (wanted.length === 0) return
    const found = await entriesByIds(backend, wanted.map(articleId))
    for (const slug of wanted) {
      const entry = found.get(articleId(slug))
      // An article whose Markdown is gone is an orphan (archived by --prune): not a link target any more.
      const sourcePath = entry?.fields.sourcePath?.[DEFAULT_LOCALE]
      const sourceGone = typeof sourcePath === 'string' && !existsSync(resolve(cwd, sourcePath))
      spaceArticles.set(
        slug,
        entry !== undefined &&
          entry.sys.contentType.sys.id === 'troubleshootingArticle' &&
          entry.sys.archivedVersion === undefined &&
          !sourceGone,
      )
    }
  }

  async function reportMissingImages(article: Article, refs: ImageRef[]): Promise<void> {
    const seen = new Set<string>()
    let text: string | null = null
    for (const ref of refs) {
      const result = images.result(ref)
      if (!result || result.ok || seen.has(ref.src)) continue
      seen.add(ref.src)
      text ??= await readFile(resolve(cwd, article.source), 'utf8').catch(() => '')
      const { line, column } = locate(text, ref.src)
      report.assets.missingImages++
      report.diagnostics.push({
        file: article.source,
        line,
        column,
        severity: 'warning',
        ruleId: 'sync-image-missing',
        message: `${result.reason}; the article is synced without it`,
      })
    }
  }
}
