// Source file → Article, sorted: a troubleshooting article to sync, or a page that is not one (skipped), or a
// file that cannot be used (failed). Never throws: one broken file never stops the others.
import { readSourceFile } from '../cli/read-source-file.ts'
import { BoundedParser, type ParseBounds } from '../markdown/bounded-parse.ts'
import type { ParseOptions } from '../markdown/parse-article.ts'
import type { Article } from '../model/article.ts'
import type { ReportRecorder } from './report-recorder.ts'
import { rejected, unreadable } from './source-file.ts'

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
  /** Troubleshooting articles of this run: slug → file. */
  readonly slugs = new Map<string, string>()
  /** Files found that are not troubleshooting articles (absolute paths): their old entries are orphans. */
  readonly notArticles = new Set<string>()
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
    if (article.kind !== 'troubleshooting') {
      this.recorder.skipped(file, article.kind)
      this.notArticles.add(abs)
      return null
    }
    const taken = this.slugs.get(article.slug)
    if (taken !== undefined || article.slug === '') {
      this.recorder.articleFailed(
        file,
        taken !== undefined
          ? `${file}: slug "${article.slug}" is already used by ${taken}`
          : `${file}: no slug can be made from the file name`,
      )
      return null
    }
    this.slugs.set(article.slug, file)
    return article
  }

  /** A file admitted before, read again (its slug is already claimed); null if it no longer parses. */
  async readAgain(abs: string): Promise<Article | null> {
    const article = await this.parse(abs)
    return article.kind === 'troubleshooting' && !this.recorder.fatal(article) ? article : null
  }

  /** Stops the parser's worker, if one was started. */
  close(): Promise<void> {
    return this.bounded.close()
  }

  private async parse(abs: string): Promise<Article> {
    const path = this.options.display(abs)
    try {
      // The same checks as `parse`: encoding, NUL bytes, special files and size, each a fatal diagnostic.
      const source = readSourceFile(abs)
      if (!source.readable) return rejected(path, source.file)
      return await this.parseFile(path, String(source.file.value), {
        docsRoot: this.options.docsRoot,
        ...(this.options.variables ? { variables: this.options.variables } : {}),
      })
    } catch (error) {
      return unreadable(path, error)
    }
  }
}
