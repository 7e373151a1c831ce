// `kb-cms score`: Article JSON predictions against a gold folder (docs/scoring.md); the table on stdout.
import { readFileSync } from 'node:fs'
import { Command } from 'commander'
import { formatScores, loadGold, scoreAll } from '../scoring/score-articles.ts'
import { type CommandOutput, parseCommandLine, withConventions } from './command-line.ts'
import { ExitCode } from './exit-codes.ts'

export function scoreProgram(): Command {
  return new Command('score')
    .description(
      'Score parsed articles (npm run parse -- --json) against hand-written gold (docs/scoring.md)',
    )
    .requiredOption('--gold <dir>', 'the gold folder: one <Page>.json per page')
    .requiredOption('--pred <file>', 'the Article JSON array printed by `npm run parse -- --json`')
}

/** Prints the scores; 0 when both inputs could be read (whatever the scores), 2 when one cannot. */
export function runScoreCommand(argv: string[], io: CommandOutput): number {
  const program = withConventions(scoreProgram(), io)
  const stopped = parseCommandLine(program, argv)
  if (stopped !== undefined) return stopped
  const { gold, pred } = program.opts<{ gold: string; pred: string }>()
  let golds: ReturnType<typeof loadGold>
  let preds: unknown
  try {
    golds = loadGold(gold)
  } catch (error) {
    io.stderr.write(`error: --gold ${gold}: ${(error as Error).message}\n`)
    return ExitCode.usage
  }
  try {
    preds = JSON.parse(readFileSync(pred, 'utf8'))
  } catch (error) {
    io.stderr.write(`error: --pred ${pred}: ${(error as Error).message.split('\n')[0]}\n`)
    return ExitCode.usage
  }
  const lines = formatScores(scoreAll(golds, Array.isArray(preds) ? preds : [preds]))
  io.stdout.write(`${lines.join('\n')}\n`)
  return ExitCode.ok
}
