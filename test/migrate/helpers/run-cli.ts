// `npm run migrate` for the migration tests: in this process through its entry function (no process start),
// or, where a real process matters (two runs racing for the lock, kill -9), as `node --import=tsx
// scripts/migrate.ts`. Both with CI=true (one line per fact) and --no-sync: the content sync chained after
// the migrations has its own tests.
import type { ChildProcess } from 'node:child_process'
import { runMigrateCommand } from '../../../src/cli/migrate-command.ts'
import { finished, inProcess, type Run, startScript } from '../../helpers/run-command.ts'

export { finished }
export type CliResult = Run

export function startCli(args: string[], cwd: string, env: Record<string, string> = {}): ChildProcess {
  return startScript('migrate', [...args, '--no-sync'], { cwd, env: { CI: 'true', ...env } })
}

export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return inProcess(
    (io) => runMigrateCommand([...args, '--no-sync'], { ...io, env: { ...process.env, CI: 'true', ...env } }),
    { cwd },
  )
}
