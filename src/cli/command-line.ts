// The conventions every kb-cms command line shares, on top of commander (which parses and writes the help):
// errors are one line on stderr, bad usage names the nearest valid option or command and points at --help,
// and the exit status is 0 (done), 1 (failed) or 2 (bad usage).
import { type Command, CommanderError } from 'commander'
import { ExitCode } from './exit-codes.ts'

export interface CommandOutput {
  stdout: { write(s: string): unknown }
  stderr: { write(s: string): unknown }
}

export const HELP_HINT = 'run with --help for usage'

/** Commander's message folded to one line: `error: unknown option '--jsn' (did you mean --json?); run with --help…`. */
export function oneLineUsageError(message: string): string {
  const folded = message
    .trim()
    .replace(/\s*\n\(Did you mean (.+)\?\)$/, ' (did you mean $1?)')
    .replace(/\s*\n\s*/g, ' ')
  return `${folded}; ${HELP_HINT}`
}

/**
 * Applies the conventions to a program and every subcommand it has (call it after defining them): output
 * through `io`, no process.exit (the caller returns the status), one-line errors.
 */
export function withConventions(program: Command, io: CommandOutput): Command {
  program
    .exitOverride()
    .showSuggestionAfterError(true)
    // A subcommand's help lists the options of its parent too: `migrate status --space x` accepts them.
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`${oneLineUsageError(s)}\n`),
    })
  for (const sub of program.commands) withConventions(sub, io)
  return program
}

/** The exit status for an error thrown while parsing: help and version are not failures, the rest is usage. */
export function parseErrorStatus(error: unknown): ExitCode | undefined {
  if (!(error instanceof CommanderError)) return undefined
  return error.code === 'commander.helpDisplayed' ||
    error.code === 'commander.version' ||
    error.code === 'commander.help'
    ? ExitCode.ok
    : ExitCode.usage
}

/**
 * Parses `argv` with `program`; the exit status when the command line ends the run there (commander has then
 * printed its one-line message, or the help, which is no failure), else undefined.
 */
export function parseCommandLine(program: Command, argv: string[]): ExitCode | undefined {
  try {
    program.parse(argv, { from: 'user' })
    return undefined
  } catch (error) {
    const status = parseErrorStatus(error)
    if (status === undefined) throw error
    return status
  }
}

/** Fails the parse of `program` naming the unknown subcommand and the nearest known one. */
export function unknownCommand(program: Command, name: string): never {
  const known = program.commands.map((c) => c.name())
  const near = nearest(name, known)
  program.error(`error: unknown command '${name}'${near ? ` (did you mean '${near}'?)` : ''}`, {
    code: 'commander.unknownCommand',
    exitCode: ExitCode.usage,
  })
  throw new Error('unreachable')
}

/** The candidate within a few edits of `word` (transpositions count as one), or undefined. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1
  for (const candidate of candidates) {
    const d = editDistance(word, candidate)
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best
}

function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[]
    const up = d[i - 1] as number[]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1)
    }
  }
  return (d[a.length] as number[])[b.length] as number
}

/** The options a program accepts, as their long names (`--space`), help and version excluded. */
export function optionNames(program: Command): string[] {
  return program.options.map((o) => o.long ?? o.short ?? '').filter((n) => n !== '' && n !== '--version')
}
