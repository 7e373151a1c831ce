// `npm run migrate -- --source <docs root> --json [more]` as its own process, for the benches that measure it
// over HTTP: its JSON report, its stderr and its wall time.
import { spawn } from 'node:child_process'
import { join } from 'node:path'

const repo = join(import.meta.dirname, '..')

export function migrateProcess<Report>(
  source: string,
  env: Record<string, string>,
  more: string[] = [],
): Promise<{ ms: number; report: Report; stderr: string }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import=tsx', 'scripts/migrate.ts', '--source', source, '--json', ...more],
      { cwd: repo, env: { ...process.env, CI: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    child.stderr.on('data', (d) => {
      err += d
    })
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`migrate exited ${code}: ${err.slice(-2000)}`))
      else resolve({ ms: performance.now() - started, report: JSON.parse(out), stderr: err })
    })
  })
}
