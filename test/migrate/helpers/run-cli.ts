// Runs `scripts/migrate.ts` as a real process, as `npm run migrate` does (tsx loader, no shell).
import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { repo } from './temp-project.ts'

export const script = join(repo, 'scripts', 'migrate.ts')
const loader = import.meta.resolve('tsx')

export interface CliResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export function startCli(args: string[], cwd: string, env: Record<string, string> = {}): ChildProcess {
  // --no-sync: these tests are about the migrations; the content sync chained after them has its own.
  return spawn(process.execPath, [`--import=${loader}`, script, ...args, '--no-sync'], {
    cwd,
    env: { ...process.env, CI: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (d) => {
    stdout += d
  })
  child.stderr?.on('data', (d) => {
    stderr += d
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}

export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return finished(startCli(args, cwd, env))
}
