// The sync: Markdown files under a docs root → entries and assets in the space. Streams the articles in
// chunks (memory stays flat as the knowledge base grows), reads what the space holds for each chunk in pages,
// writes only what changed (children before parents), then publishes in bulk.
import { relative, resolve } from 'node:path'
import type { ContentBackend } from '../backends/port.ts'
import type { ParseBounds } from '../markdown/bounded-parse.ts'
import { slugOf } from '../markdown/parse-article.ts'
import type { Article } from '../model/article.ts'
import { ArticleIntake, type ParseFile } from './article-intake.ts'
import { BulkPublisher } from './bulk-publisher.ts'
import { ImageAssets } from './image-assets.ts'
import { LinkTargets } from './link-targets.ts'
import { findOrphans } from './orphans.ts'
import type { SyncReport } from './report.ts'
import { ReportRecorder } from './report-recorder.ts'
import { toPosix } from './source-file.ts'
import { markdownFiles } from './source-walk.ts'
import { type SyncRun, syncChunk } from './sync-chunk.ts'
import { CountingWriter, type WriterHooks } from './writer.ts'

export interface SyncOptions extends WriterHooks {
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
  /** The Markdown parser (default: src/markdown); replaceable so the sync can be tested on its own. */
  parse?: ParseFile
  /** Memory and time bounds per file (default: src/markdown/bounded-parse.ts). */
  parseBounds?: ParseBounds
}

export async function runSync(backend: ContentBackend, options: SyncOptions): Promise<SyncReport> {
  // Paths in reports and `sourcePath` are relative to the working directory, as the user typed them.
  const cwd = process.cwd()
  const root = resolve(cwd, options.source)
  const display = (abs: string) => toPosix(relative(cwd, abs)) || '.'
  const recorder = new ReportRecorder(display(root), backend.description, options.dryRun ?? false)
  const intake = new ArticleIntake(
    {
      docsRoot: display(root),
      display,
      variables: options.variables,
      parse: options.parse,
      parseBounds: options.parseBounds,
    },
    recorder,
  )
  try {
    return await syncFiles(backend, options, root, cwd, recorder, intake)
  } finally {
    await intake.close()
  }
}

async function syncFiles(
  backend: ContentBackend,
  options: SyncOptions,
  root: string,
  cwd: string,
  recorder: ReportRecorder,
  intake: ArticleIntake,
): Promise<SyncReport> {
  const writer = new CountingWriter(backend, options)
  const run: SyncRun = {
    backend,
    writer,
    recorder,
    images: new ImageAssets({ docsRoot: root, assetBaseUrl: options.assetBaseUrl }),
    targets: new LinkTargets(backend, cwd, intake.slugs),
    publisher: new BulkPublisher(writer, recorder),
    banners: new Set(),
    cwd,
    force: options.force ?? false,
    concurrency: options.concurrency ?? 4,
  }
  const chunkSize = options.chunkSize ?? 25

  // File names first (no parsing): the slugs this run may still bring, so that an article whose related link
  // points at an article later in the run waits for it instead of dropping the link. Paths only.
  const files: string[] = []
  const fileIndex = new Map<string, number>()
  for await (const abs of markdownFiles(root)) {
    fileIndex.set(slugOf(abs), files.length)
    files.push(abs)
  }
  let done = 0
  const progress = () => options.onProgress?.({ done, total: files.length })
  progress()

  // One parse per file: each chunk is parsed, sorted out, and synced before the next is read.
  const postponed: string[] = []
  for (let i = 0; i < files.length; i += chunkSize) {
    const end = Math.min(i + chunkSize, files.length)
    const chunk: Article[] = []
    for (const abs of files.slice(i, end)) {
      const article = await intake.admit(abs)
      if (article) chunk.push(article)
      else done++
    }
    await run.targets.lookUp(chunk)
    const ready: Article[] = []
    for (const a of chunk) {
      if (run.targets.waitsForLater(a, fileIndex, end)) postponed.push(resolve(cwd, a.source))
      else ready.push(a)
    }
    await syncChunk(run, ready)
    done += ready.length
    progress()
  }
  // Articles that link to ones later in the run: every slug of the run is known now. Parsed a second time, but
  // only on a run that creates their targets; afterwards the targets are in the space.
  for (let i = 0; i < postponed.length; i += chunkSize) {
    const chunk: Article[] = []
    for (const abs of postponed.slice(i, i + chunkSize)) {
      const article = await intake.readAgain(abs)
      if (article) chunk.push(article)
    }
    await syncChunk(run, chunk)
    done += chunk.length
    progress()
  }
  await run.publisher.publishDeferred()

  const orphans = await findOrphans(backend, {
    root,
    cwd,
    notArticles: intake.notArticles,
    prune: (options.prune ?? false) && !recorder.dryRun,
    writer,
  })
  for (const o of orphans) recorder.orphan(o)
  return recorder.finish(writer.writes)
}
