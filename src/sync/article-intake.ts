// Source file → Article, sorted: a page to sync (any kind), or a file that cannot be used (failed or skipped,
// with the reason). Never throws: one broken file never stops the others. Claims each page's slug, so two
// files that would share an entry (`X.md` and `X/index.md`) are reported instead of one silently winning.

import { BoundedParser, type ParseBounds } from '../markdown/bounded-parse.ts'
import type { ParseOptions } from '../markdown/parse-article.ts'
import type { Article } from '../model/article.ts'
import { readSourceFile } from '../source/read-source-file.ts'
import { TOP_LEVEL } from './desired-state.ts'
import type { EntryKind } from './ids.ts'
import type { ReportRecorder } from './report-recorder.ts'
import { rejected, unreadable } from './source-file.ts'
import { type InputStamp, inputStamp } from './source-stamp.ts'

export type ParseFile = (path: string, text: string, options: ParseOptions) => Article | Promise<Article>

export interface IntakeOptions {
  /** The docs root as shown to the user. */
  docsRoot: string
  /** Absolute path → the path shown to the user (relative to the working directory). */
  display: (abs: string) => string
  variables?: Record<string, string> | undefined
  parse?: ParseFile | undefined
  /** Memory and time bounds per file (default: bounded-parse.ts's). */
  parseBounds?: ParseBounds | undefined
}

export class ArticleIntake {
  /** Pages of this run: slug → file. */
  readonly slugs = new Map<string, string>()
  /** Files this run landed (absolute path) → the content type of their entry: older entries of another type
   * for the same file are orphans. */
  readonly landed = new Map<string, EntryKind>()
  /** What each page was made from (its input stamp, see source-stamp.ts). */
  readonly inputs = new WeakMap<Article, InputStamp>()
  /** Files of the current chunk read by `inputOf` and not parsed yet. */
  private readonly readAhead = new Map<string, ReturnType<typeof readSourceFile>>()
  private readonly parseFile: ParseFile
  private readonly bounded: BoundedParser

  constructor(
    private readonly options: IntakeOptions,
    private readonly recorder: ReportRecorder,
  ) {
    this.bounded = new BoundedParser(options.parseBounds)
    this.parseFile = options.parse ?? ((path, text, o) => this.bounded.parse(path, text, o))
  }

  /** First sight of a file: parses it and sorts it, claiming its slug; null when it is not to be synced. */
  async admit(abs: string): Promise<Article | null> {
    const article = await this.parse(abs)
    const file = this.options.display(abs)
    if (this.recorder.fatal(article)) return null
    for (const d of article.diagnostics)
      if (RESHAPED.has(d.ruleId))
        this.recorder.warning(file, d.ruleId, d.message, { line: d.line, column: d.column })
    const reason = skipReason(article)
    if (reason) {
      this.recorder.skipped(file, article.kind, reason)
      return null
    }
    const taken = this.slugs.get(article.slug)
    if (taken !== undefined || article.slug === '') {
      this.recorder.articleFailed(
        file,
        article.kind,
        taken !== undefined
          ? `${file}: slug "${article.slug}" (${article.path}) is already used by ${taken}`
          : `${file}: no slug can be made from the file name`,
      )
      return null
    }
    this.slugs.set(article.slug, file)
    this.landed.set(abs, TOP_LEVEL[article.kind])
    return article
  }

  /** The input stamp of a file as it is now, without parsing it; null when it cannot be read (parse reports). */
  inputOf(abs: string): InputStamp | null {
    try {
      const source = readSourceFile(abs)
      // Kept for the parse that follows when the page turns out changed: each file is read once per run.
      this.readAhead.set(abs, source)
      return source.readable ? inputStamp(String(source.file.value), this.options.variables) : null
    } catch {
      return null
    }
  }

  /** A page left as it is in the space, unparsed: its slug claimed and its file landed like a parsed one's. */
  claim(abs: string, slug: string, type: EntryKind): void {
    this.readAhead.delete(abs)
    this.slugs.set(slug, this.options.display(abs))
    this.landed.set(abs, type)
  }

  /** A file admitted before, read again (its slug is already claimed); null if it no longer parses. */
  async readAgain(abs: string): Promise<Article | null> {
    const article = await this.parse(abs)
    return this.landed.get(abs) === TOP_LEVEL[article.kind] && !this.recorder.fatal(article) ? article : null
  }

  /** Stops the parser's worker, if one was started. */
  close(): Promise<void> {
    return this.bounded.close()
  }

  private async parse(abs: string): Promise<Article> {
    const path = this.options.display(abs)
    try {
      // The same checks as `parse`: encoding, NUL bytes, special files and size, each a fatal diagnostic.
      const source = this.readAhead.get(abs) ?? readSourceFile(abs)
      this.readAhead.delete(abs)
      if (!source.readable) return rejected(path, source.file)
      const text = String(source.file.value)
      const article = await this.parseFile(path, text, {
        docsRoot: this.options.docsRoot,
        ...(this.options.variables ? { variables: this.options.variables } : {}),
      })
      this.inputs.set(article, inputStamp(text, this.options.variables))
      return article
    } catch (error) {
      return unreadable(path, error)
    }
  }
}

/** Parse warnings that say the page lands other than written (nesting flattened, markup kept as text): the
 * sync reports them beside the page, as `parse` does; other parse warnings are `parse`'s to show. */
const RESHAPED = new Set(['nesting-too-deep', 'html-too-deep'])

/** Why a parsed page cannot become an entry, or null when it can. */
function skipReason(article: Article): string | null {
  if (article.path === null || article.sourcePath === null)
    return 'outside the docs root: it has no URL on the site'
  if (article.kind === 'redirect' && !article.redirectTo?.trim())
    return 'a redirect stub whose target cannot be read'
  return null
}
