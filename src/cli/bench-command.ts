// `kb-cms bench [name…]`: runs every bench/*.bench.ts (or those whose name contains a given word) in its own
// process, one after another, so that each one's timings and peak memory are its own.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Command } from 'commander'
import { type CommandOutput, parseCommandLine, withConventions } from './command-line.ts'

export function benchProgram(): Command {
  return new Command('bench')
    .description(
      'Run the benchmarks in bench/, each printing ratios against a baseline measured in the same run',
    )
    .argument('[names...]', 'run only the benches whose file name contains one of these (e.g. parse, sync)')
}

export function runBenchCommand(argv: string[], io: CommandOutput, dir: string): number {
  const program = withConventions(benchProgram(), io)
  const stopped = parseCommandLine(program, argv)
  if (stopped !== undefined) return stopped
  const wanted = program.args
  const all = readdirSync(dir).filter((f) => f.endsWith('.bench.ts'))
  const benches = all.filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w))).sort()
  if (benches.length === 0) {
    const names = all.map((f) => f.replace('.bench.ts', '')).join(', ')
    io.stderr.write(`error: no bench matches ${wanted.join(' ')}; the benches are ${names}\n`)
    return 2
  }
  let failed = 0
  for (const file of benches) {
    io.stdout.write(`\n## ${file.replace('.bench.ts', '')}\n\n`)
    const run = spawnSync(process.execPath, ['--import=tsx', '--expose-gc', join(dir, file)], {
      stdio: 'inherit',
    })
    if (run.status !== 0) failed++
  }
  return failed === 0 ? 0 : 1
}
