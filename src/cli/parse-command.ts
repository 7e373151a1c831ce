// `kb-cms parse`: Markdown files in, diagnostics on stderr, and with --json the Article array on stdout.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Command } from 'commander'
import type { VFile } from 'vfile'
import { annotateSource } from '../markdown/annotate.ts'
import { loadVariables, VariablesError } from '../markdown/load-variables.ts'
import { type ParseOptions, parseArticle } from '../markdown/parse-article.ts'
import type { Article } from '../model/article.ts'
import { reviewHtml } from '../review/review-report.ts'
import { parseErrorStatus, withConventions } from './command-line.ts'
import { ExitCode, UsageError } from './exit-codes.ts'
import { expandInputs } from './expand-inputs.ts'
import { readSourceFile } from './read-source-file.ts'
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

/** Runs the command for `argv` (without node and script) and resolves to the exit status. */
export async function runParseCommand(argv: string[], io: CommandIo): Promise<ExitCode> {
  const program = withConventions(parseProgram(), io)
  try {
    program.parse(argv, { from: 'user' })
  } catch (error) {
    // Commander has already printed its one-line message (or the help, which is not a failure).
    const status = parseErrorStatus(error)
    if (status === undefined) throw error
    return status
  }

  try {
    return parseFiles(program.args, program.opts<ParseFlags>(), io)
  } catch (error) {
    if (error instanceof UsageError || error instanceof VariablesError) {
      io.stderr.write(`error: ${error.message}\n`)
      return ExitCode.usage
    }
    throw error
  }
}

function parseFiles(inputs: string[], flags: ParseFlags, io: CommandIo): ExitCode {
  const options = parseOptions(flags)
  const paths = expandInputs(inputs, { extensions: ['.md'] })

  const files: VFile[] = []
  const articles: Article[] = []
  const sources: string[] = []
  for (const path of paths) {
    const { file, readable } = readSourceFile(path)
    // A file without text has no article: it is reported on stderr and left out of the JSON.
    if (readable && flags.annotate === true) annotateFile(path, file, options, io)
    files.push(file)
    if (!readable) continue
    const text = String(file.value)
    articles.push(parseArticle(file, options))
    sources.push(text)
  }
  if (flags.review !== undefined) writeReview(flags.review, articles, sources, io)

  const report = formatReport(files, { quiet: flags.quiet === true, color: wantsColor(io.stderr) })
  if (report !== '') io.stderr.write(report)
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
