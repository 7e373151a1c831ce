// The sync: Markdown files under a docs root → entries and assets in the space, every page kind (articles,
// pages, redirects) plus the menu from mkdocs.yml. Streams the pages in chunks (memory stays flat as the
// knowledge base grows), reads what the space holds for each chunk in pages, writes only what changed
// (children before parents), then publishes in bulk.
import { existsSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import type { ContentBackend } from '../backends/port.ts'
import type { ParseBounds } from '../markdown/bounded-parse.ts'
import { pageUrlPath } from '../markdown/page-url.ts'
import type { Article } from '../model/article.ts'
import { ArticleIntake, type ParseFile } from './article-intake.ts'
import { BulkPublisher } from './bulk-publisher.ts'
import { linkedPaths, TOP_LEVEL } from './desired-state.ts'
import { entryId, idBase } from './ids.ts'
import { ImageAssets } from './image-assets.ts'
import { findMkdocsYml } from './mkdocs-file.ts'
import { desiredMenu, type Nav, navPaths, navTitles, readNav } from './navigation.ts'
import { findOrphans } from './orphans.ts'
import { PageIndex } from './page-index.ts'
import type { SyncReport } from './report.ts'
import { ReportRecorder } from './report-recorder.ts'
import { toPosix } from './source-file.ts'
import { markdownFiles } from './source-walk.ts'
import { registerPage, type SyncRun, syncChunk, syncEntries } from './sync-chunk.ts'
import { leaveUnchanged } from './unchanged-pages.ts'
import { CountingWriter, type WriterHooks } from './writer.ts'

export interface SyncOptions extends WriterHooks {
  /** The docs root to sync (MkDocs `docs_dir`). */
  source: string
  force?: boolean
  prune?: boolean
  dryRun?: boolean
  assetBaseUrl?: string | undefined
  variables?: Record<string, string>
  /** The mkdocs.yml whose `nav` becomes the menu; default: the one beside or in the source; null: no menu. */
  mkdocs?: string | null
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
  // Paths in reports are relative to the working directory, as the user typed them; `sourcePath` is relative
  // to the docs root, so the folder the command runs from changes nothing in the space.
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
    return await syncFiles(backend, options, { root, cwd, display }, recorder, intake)
  } finally {
    await intake.close()
  }
}

async function syncFiles(
  backend: ContentBackend,
  options: SyncOptions,
  where: { root: string; cwd: string; display: (abs: string) => string },
  recorder: ReportRecorder,
  intake: ArticleIntake,
): Promise<SyncReport> {
  const { root, cwd, display } = where
  const writer = new CountingWriter(backend, options)
  const pages = new PageIndex(backend, [root, cwd])
  // The menu is read first: its titles stand in for pages without a heading, as MkDocs shows them.
  const mkdocs = options.mkdocs === undefined ? findMkdocsYml(root) : options.mkdocs
  const nav = loadNav(mkdocs)
  const titles = navTitles(nav.nav)
  const run: SyncRun = {
    inputOf: (article) => intake.inputs.get(article) ?? null,
    backend,
    writer,
    recorder,
    images: new ImageAssets({ docsRoot: root, assetBaseUrl: options.assetBaseUrl }),
    pages,
    publisher: new BulkPublisher(writer, recorder),
    banners: new Set(),
    cwd,
    force: options.force ?? false,
    concurrency: options.concurrency ?? 4,
    navTitle: (path) => titles.get(path.toLowerCase()) ?? null,
  }
  const chunkSize = options.chunkSize ?? 25

  // File names first (no parsing): the URL paths this run may still bring, so that a page linking to a page
  // later in the run waits for it instead of leaving the link unresolved. Paths only.
  const files: string[] = []
  for await (const abs of markdownFiles(root)) {
    pages.addFile(pageUrlPath(toPosix(relative(root, abs))), files.length)
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
    const left = await leaveUnchanged(run, intake, root, files.slice(i, end))
    done += left.size
    for (const abs of files.slice(i, end)) {
      if (left.has(abs)) continue
      const article = await intake.admit(abs)
      if (article) {
        chunk.push(article)
        registerPage(pages, article, entryId(idBase(TOP_LEVEL[article.kind], article.slug)))
      } else done++
    }
    const paths = chunk.flatMap(linkedPaths)
    await pages.lookUp(paths)
    const ready: Article[] = []
    for (const a of chunk) {
      if (linkedPaths(a).some((p) => pages.waitsFor(p, end))) postponed.push(resolve(cwd, a.source))
      else ready.push(a)
    }
    await syncChunk(run, ready)
    done += ready.length
    progress()
  }
  // Pages that link to ones later in the run: every page of the run is known now. Parsed a second time, but
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
  if (mkdocs) await syncMenu(run, root, display(resolve(mkdocs)), mkdocs, nav)
  await run.publisher.publishDeferred()

  const orphans = await findOrphans(backend, {
    root,
    cwd,
    landed: intake.landed,
    prune: (options.prune ?? false) && !recorder.dryRun,
    failed: recorder.report.failed.length > 0,
    writer,
  })
  for (const o of orphans) recorder.orphan(o)
  return recorder.finish(writer.writes)
}

/** The nav of the mkdocs.yml, or why it cannot be read. */
function loadNav(mkdocs: string | null | undefined): { nav: Nav | null; error: string | null } {
  if (!mkdocs) return { nav: null, error: null }
  try {
    return { nav: readNav(mkdocs), error: null }
  } catch (error) {
    return { nav: null, error: (error as Error).message }
  }
}

/** The menu from the mkdocs.yml `nav`, once every page of the run is known. */
async function syncMenu(
  run: SyncRun,
  root: string,
  file: string,
  mkdocs: string,
  loaded: { nav: Nav | null; error: string | null },
): Promise<void> {
  const { nav, error } = loaded
  if (error) {
    run.recorder.articleFailed(file, 'menu', `cannot read the menu: ${error}`)
    return
  }
  if (!nav) {
    run.recorder.skipped(file, 'menu', 'mkdocs.yml has no nav')
    return
  }
  // Pages of the space that the nav names but this run did not bring resolve there.
  await run.pages.lookUp(navPaths(nav))
  const menu = desiredMenu(
    nav,
    {
      sourcePath: toPosix(relative(root, resolve(mkdocs))),
      fileExists: (rel) => existsSync(resolve(root, rel)),
      resolve: (path) => run.pages.resolve(path),
      titleOf: (path) => run.pages.find(path)?.title ?? null,
    },
    file,
  )
  for (const w of menu.warnings) run.recorder.warning(file, w.ruleId, w.message, w)
  run.recorder.report.menu.items = menu.items
  run.recorder.report.menu.missing = menu.missing
  await syncEntries(run, file, 'menu', [menu.entry])
}
