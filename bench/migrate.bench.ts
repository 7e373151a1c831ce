// The no-op `migrate` (everything applied) against the embedded space, as ratios against baselines measured in
// this run: in-process against a bare SQLite open + ledger read, whole process against node and tsx startup.
// Also counts the backend calls of a no-op run (the aim: one ledger read, no model read).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { environmentFile } from '../src/backends/sqlite/embedded-space.ts'
import { SqliteBackend } from '../src/backends/sqlite/sqlite-backend.ts'
import { countingBackend } from '../src/migrate/counting-backend.ts'
import { runMigrations } from '../src/migrate/run-migrations.ts'

const repo = join(import.meta.dirname, '..')
const migrationsDir = join(repo, 'migrations')
const space = mkdtempSync(join(tmpdir(), 'kb-bench-migrate-'))
const file = environmentFile(space, 'master')

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] as number
}

/** Runs each case `rounds` times, interleaved so drift in machine load hits all of them alike. */
async function measure(
  cases: Record<string, () => unknown>,
  rounds: number,
): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]))
  for (let i = 0; i < rounds; i++) {
    for (const [name, fn] of Object.entries(cases)) {
      const t0 = performance.now()
      await fn()
      times[name]?.push(performance.now() - t0)
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]))
}

function row(name: string, ms: number, baseline: number, label: string): string {
  return `| ${name} | ${ms.toFixed(2)} ms | ${(ms / baseline).toFixed(2)}× ${label} |`
}

try {
  const setup = SqliteBackend.open({ space })
  await runMigrations(setup, { migrationsDir })
  const counted = countingBackend(setup)
  await runMigrations(counted.backend, { migrationsDir })
  await setup.close()

  console.log('Backend calls of a no-op run (target: readLedger 1, nothing else):')
  console.log(`  ${JSON.stringify(counted.calls)}\n`)

  // In-process: each case opens the space, does its read, and closes it.
  const inProcess = await measure(
    {
      'bare SQLite open + ledger read': () => {
        const db = new Database(file)
        db.prepare('SELECT name, checksum, applied_at FROM ledger ORDER BY seq').all()
        db.close()
      },
      'no-op runMigrations (open + run + close)': async () => {
        const backend = SqliteBackend.open({ space })
        await runMigrations(backend, { migrationsDir })
        await backend.close()
      },
    },
    200,
  )
  const bare = inProcess['bare SQLite open + ledger read'] as number
  console.log('In-process, median of 200:\n')
  console.log('| case | median | ratio |\n|---|---|---|')
  for (const [name, ms] of Object.entries(inProcess)) console.log(row(name, ms, bare, 'bare SQLite'))

  // Whole process: what `npm run migrate -- --no-sync` runs, minus npm's own start-up.
  const node = (args: string[]) => () => {
    const r = spawnSync(process.execPath, args, {
      cwd: repo,
      stdio: 'ignore',
      env: { ...process.env, CI: 'true' },
    })
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`)
  }
  const processes = await measure(
    {
      "node -e ''": node(['-e', '']),
      "node --import=tsx -e ''": node(['--import=tsx', '-e', '']),
      'migrate (no-op, --no-sync)': node([
        '--import=tsx',
        'scripts/migrate.ts',
        '--space',
        space,
        '--no-sync',
      ]),
    },
    10,
  )
  const tsx = processes["node --import=tsx -e ''"] as number
  const plainNode = processes["node -e ''"] as number
  console.log('\nWhole process, median of 10:\n')
  console.log('| case | median | vs node | vs tsx start-up |\n|---|---|---|---|')
  for (const [name, ms] of Object.entries(processes)) {
    console.log(
      `| ${name} | ${ms.toFixed(0)} ms | ${(ms / plainNode).toFixed(2)}× | ${(ms / tsx).toFixed(2)}× |`,
    )
  }
} finally {
  rmSync(space, { recursive: true, force: true })
}
