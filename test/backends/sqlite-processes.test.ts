// The embedded space shared by real processes: the lock holds across them, and a migration killed inside its
// transaction leaves nothing behind.
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import test from 'ava'
import { SqliteBackend } from '../../src/backends/sqlite/sqlite-backend.ts'
import { startScript } from '../helpers/run-command.ts'

const child = join(import.meta.dirname, 'helpers', 'space-child.ts')
const root = mkdtempSync(join(tmpdir(), 'kb-cms-procs-'))
test.after.always(() => rmSync(root, { recursive: true, force: true }))

function start(...args: string[]): ChildProcess {
  return startScript(child, args, { cwd: process.cwd() })
}

function output(p: ChildProcess): Promise<{ stdout: string; stderr: string; code: number | null }> {
  let stdout = ''
  let stderr = ''
  p.stdout?.on('data', (d) => {
    stdout += d
  })
  p.stderr?.on('data', (d) => {
    stderr += d
  })
  return new Promise((resolve) => p.on('close', (code) => resolve({ stdout, stderr, code })))
}

test('four processes race for the lock of one space: exactly one gets it', async (t) => {
  const dir = join(root, 'race')
  SqliteBackend.open({ space: dir }).space.close() // created up front, so the race is for the lock only
  const results = await Promise.all(['p1', 'p2', 'p3', 'p4'].map((id) => output(start('lock', dir, id))))
  for (const r of results) t.is(r.code, 0, r.stderr)
  const parsed = results.map((r) => JSON.parse(r.stdout))
  t.is(parsed.filter((r) => r.acquired).length, 1)
  const winner = parsed.find((r) => !r.acquired)?.holder.id
  t.true(['p1', 'p2', 'p3', 'p4'].includes(winner))
})

test('kill -9 inside a migration leaves neither its writes nor its ledger row', async (t) => {
  const dir = join(root, 'killed')
  const p = start('hang-mid-migration', dir)
  const done = output(p)
  await new Promise<void>((resolve, reject) => {
    p.stdout?.on('data', (d) => String(d).includes('inside') && resolve())
    p.on('close', () => reject(new Error('the child ended before reaching the migration')))
  })
  p.kill('SIGKILL')
  await done
  const backend = SqliteBackend.open({ space: dir })
  t.teardown(() => backend.close())
  t.deepEqual(await backend.readLedger(), [])
  t.deepEqual((await backend.readModel()).contentTypes, [])
  // And the space is usable: the same migration applies from scratch.
  await backend.applyMigration([], {
    name: '0001-killed',
    checksum: 'x',
    appliedAt: new Date().toISOString(),
  })
  t.is((await backend.readLedger()).length, 1)
})
