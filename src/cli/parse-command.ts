// `kb-cms parse`: Markdown files in, diagnostics on stderr, and with --json the Article array on stdout.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Command } from 'commander'
import { VFile } from 'vfile'
import { report } from '../diagnostics/registry.ts'
import { annotateSource } from '../markdown/annotate.ts'
import { BoundedParser, type ParseBounds } from '../markdown/bounded-parse.ts'
import { loadVariables, VariablesError } from '../markdown/load-variables.ts'
import type { ParseOptions } from '../markdown/parse-article.ts'
import type { Article } from '../model/article.ts'
import { reviewHtml } from '../review/review-report.ts'
import { readSourceFile } from '../source/read-source-file.ts'
import { parseCommandLine, withConventions } from './command-line.ts'
import { ExitCode, UsageError } from './exit-codes.ts'
import { expandInputs } from './expand-inputs.ts'
import { formatReport, hasFatal, wantsColor } from './report-files.ts'

export interface CommandIo {
  stdout: NodeJS.WriteStream
  stderr: NodeJS.WriteStream
}

interface ParseFlags {
  json?: boolean
  vars?: string
  docsRoot?: string
  quiet?: boolean
  annotate?: boolean
  review?: string
}

/** The `parse` command line, for `--help` and for parsing. */
export function parseProgram(): Command {
  return new Command('parse')
    .description(
      'Parse knowledge-base Markdown into troubleshooting articles (the Article JSON of docs/article-json.md).',
    )
    .argument('<inputs...>', 'Markdown files, or directories (every *.md below them, sorted by path)')
    .option('--json', 'print the Article array as JSON on stdout')
    .option('--vars <file>', 'values for {{ name }}: a YAML map, or an mkdocs.yml (its extra: block)')
    .option('--docs-root <dir>', 'the MkDocs docs folder that image paths are resolved against')
    .option('-q, --quiet', 'report only errors and fatal problems, not warnings')
    .option(
      '--annotate',
      'write <!-- kb-cms: … --> markers for the current reading into the files (inserted lines only; idempotent)',
    )
    .option(
      '--review <dir>',
      'write <dir>/index.html: each page beside the fields it became, guesses highlighted, worst first',
    )
    .addHelpText(
      'after',
      '\nThe Article JSON contract, the confidence and the author markers: docs/article-json.md.\n' +
        'Scoring parses against gold: docs/scoring.md.',
    )
}

export interface ParseCommandOptions {
  /** Memory and time bounds per file (default: src/markdown/bounded-parse.ts's, as the sync uses). */
  parseBounds?: ParseBounds
}

/** Runs the command for `argv` (without node and script) and resolves to the exit status. */
export async function runParseCommand(
  argv: string[],
  io: CommandIo,
  { parseBounds }: ParseCommandOptions = {},
): Promise<ExitCode> {
  const program = withConventions(parseProgram(), io)
  const stopped = parseCommandLine(program, argv)
  if (stopped !== undefined) return stopped

  try {
    return await parseFiles(program.args, program.opts<ParseFlags>(), io, parseBounds)
  } catch (error) {
    if (error instanceof UsageError || error instanceof VariablesError) {
      io.stderr.write(`error: ${error.message}\n`)
      return ExitCode.usage
    }
    throw error
  }
}

async function parseFiles(
  inputs: string[],
  flags: ParseFlags,
  io: CommandIo,
  bounds: ParseBounds | undefined,
): Promise<ExitCode> {
  const options = parseOptions(flags)
  const paths = expandInputs(inputs, { extensions: ['.md'] })

  // The sync's code path: the same checked reader, the same parse under a memory and time bound per file.
  const parser = new BoundedParser(bounds)
  const files: VFile[] = []
  const articles: Article[] = []
  const sources: string[] = []
  try {
    for (const path of paths) {
      const source = readSourceFile(path)
      // A file without text has no article: it is reported on stderr and left out of the JSON.
      if (!source.readable) {
        files.push(source.file)
        continue
      }
      if (flags.annotate === true) annotateFile(path, source.file, options, io)
      const text = String(source.file.value)
      const article = await parser.parse(path, text, options)
      files.push(reportedFile(path, article))
      // A file over the bound has no article either: its one fatal diagnostic is all there is.
      if (article.diagnostics.some((d) => d.ruleId === 'parse-over-bound')) continue
      articles.push(article)
      sources.push(text)
    }
  } finally {
    await parser.close()
  }
  if (flags.review !== undefined) writeReview(flags.review, articles, sources, io)

  const printed = formatReport(files, { quiet: flags.quiet === true, color: wantsColor(io.stderr) })
  if (printed !== '') io.stderr.write(printed)
  if (flags.json === true) io.stdout.write(`${JSON.stringify(articles, null, 2)}\n`)
  return hasFatal(files) ? ExitCode.failed : ExitCode.ok
}

/** Writes the markers into the file (only when something is new) and says what it did on stderr. */
function annotateFile(path: string, file: VFile, options: ParseOptions, io: CommandIo): void {
  // The file's own bytes (a byte order mark, CRLF line ends) are kept: only marker lines are inserted.
  const raw = readFileSync(path, 'utf8')
  const result = annotateSource(path, raw, options)
  if (result.text !== raw) writeFileSync(path, result.text)
  const kept = result.skipped.length
    ? ` (not written: ${result.skipped.join(', ')}; markers there would change the reading)`
    : ''
  io.stderr.write(
    `${path}: ${result.written.length} marker${result.written.length === 1 ? '' : 's'} written${kept}\n`,
  )
  file.value = result.text.replace(/^\uFEFF/, '')
}

function writeReview(dir: string, articles: Article[], sources: string[], io: CommandIo): void {
  mkdirSync(dir, { recursive: true })
  const out = join(dir, 'index.html')
  writeFileSync(out, reviewHtml(articles.map((article, i) => ({ article, source: sources[i] ?? '' }))))
  io.stderr.write(`review: ${out} (${articles.length} page${articles.length === 1 ? '' : 's'})\n`)
}

/** The article's diagnostics as vfile messages, for the reporter (the parse may have run in the worker). */
function reportedFile(path: string, article: Article): VFile {
  const file = new VFile({ path })
  for (const d of article.diagnostics)
    report(file, d.ruleId, d.message, d.line === null ? null : { line: d.line, column: d.column ?? 1 })
  return file
}

function parseOptions(flags: ParseFlags): ParseOptions {
  const options: ParseOptions = {}
  if (flags.docsRoot !== undefined) {
    if (statSync(flags.docsRoot, { throwIfNoEntry: false })?.isDirectory() !== true)
      throw new UsageError(`--docs-root is not a directory: ${flags.docsRoot}`)
    options.docsRoot = flags.docsRoot
  }
  if (flags.vars !== undefined) options.variables = loadVariables(flags.vars)
  return options
}
