// `npm run bench [-- name…]`: see src/cli/bench-command.ts. Each bench prints its ratios against a baseline it
// measures in the same run.
import { join } from 'node:path'
import { runBenchCommand } from '../src/cli/bench-command.ts'

process.exitCode = runBenchCommand(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr },
  join(import.meta.dirname, '..', 'bench'),
)
