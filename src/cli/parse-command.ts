// `kb-cms parse`: Markdown files in, diagnostics on stderr, and with --json the Article array on stdout.
import { statSync } from 'node:fs'
import { Command } from 'commander'
import type { VFile } from 'vfile'
import { loadVariables, VariablesError } from '../markdown/load-variables.ts'
import { type ParseOptions, parseArticle } from '../markdown/parse-article.ts'
import type { Article } from '../model/article.ts'
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
    .addHelpText(
      'after',
      '\nThe Article JSON contract: docs/article-json.md. Scoring parses against gold: docs/scoring.md.',
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
  for (const path of paths) {
    const { file, readable } = readSourceFile(path)
    files.push(file)
    // A file without text has no article: it is reported on stderr and left out of the JSON.
    if (readable) articles.push(parseArticle(file, options))
  }

  const report = formatReport(files, { quiet: flags.quiet === true, color: wantsColor(io.stderr) })
  if (report !== '') io.stderr.write(report)
  if (flags.json === true) io.stdout.write(`${JSON.stringify(articles, null, 2)}\n`)
  return hasFatal(files) ? ExitCode.failed : ExitCode.ok
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
