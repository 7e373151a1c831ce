// `npm run migrate` = schema migrations, then the content sync. The migrate CLI keeps its own options; the
// sync-only ones (--source, --force, --prune, --asset-base-url, --vars) are taken out before it sees them, and
// the shared ones (--space, --env, --json, --dry-run) go to both. With --json, stdout carries one document:
// the migration report with the sync report under `sync`.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ContentBackend } from '../backends/port.ts'
import { environmentFile } from '../backends/sqlite/embedded-space.ts'
import {
  checkSyncFlags,
  DEFAULT_SOURCE,
  exitCodeOf,
  type Io,
  printReport,
  type SyncFlags,
  syncWithLock,
} from './sync-command.ts'

type MigrateCli = (argv: string[], io: MigrateIo) => Promise<number>
interface MigrateIo {
  stdout: { write(s: string): unknown; isTTY?: boolean }
  stderr: { write(s: string): unknown }
  env: Record<string, string | undefined>
}

/** The sync-only options (taken out of what the migrate CLI sees) and the field each one sets. */
const SYNC_VALUE_OPTIONS = new Map<string, 'source' | 'assetBaseUrl' | 'vars'>([
  ['--source', 'source'],
  ['--asset-base-url', 'assetBaseUrl'],
  ['--vars', 'vars'],
])
const SYNC_FLAGS = new Map<string, 'force' | 'prune' | 'skip'>([
  ['--force', 'force'],
  ['--prune', 'prune'],
  ['--no-sync', 'skip'],
])
/** The migrate CLI's options that take a value, so their values are not mistaken for subcommands. */
const MIGRATE_VALUE_OPTIONS = ['--space', '--env', '--migrations', '--content-types', '--lock-wait']
const SUBCOMMANDS = ['status', 'check', 'new', 'help']

export interface SplitArgs {
  migrate: string[]
  sync: SyncFlags & { space: string; env: string; skip: boolean }
  /** A subcommand or --help: only the migrate CLI runs. */
  migrateOnly: boolean
}

export function splitArgs(argv: string[]): SplitArgs {
  const migrate: string[] = []
  const sync: SplitArgs['sync'] = { source: DEFAULT_SOURCE, space: '.cms', env: 'master', skip: false }
  let migrateOnly = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined]
    const value = () => (inline !== undefined ? inline : (argv[++i] ?? ''))
    const syncValue = SYNC_VALUE_OPTIONS.get(name)
    const syncFlag = SYNC_FLAGS.get(name)
    if (syncValue) sync[syncValue] = value()
    else if (syncFlag) sync[syncFlag] = true
    else if (MIGRATE_VALUE_OPTIONS.includes(name)) {
      const v = value()
      if (name === '--space') sync.space = v
      if (name === '--env') sync.env = v
      migrate.push(name, v)
    } else {
      if (name === '--json') sync.json = true
      if (name === '--dry-run') sync.dryRun = true
      if (name === '--help' || name === '-h' || SUBCOMMANDS.includes(name)) migrateOnly = true
      migrate.push(arg)
    }
  }
  return { migrate, sync, migrateOnly }
}

export async function migrateThenSync(
  argv: string[],
  io: MigrateIo & Io,
  runMigrateCli: MigrateCli,
  openBackend: (options: { space: string; env: string }) => Promise<ContentBackend>,
): Promise<number> {
  const { migrate, sync, migrateOnly } = splitArgs(argv)
  if (migrateOnly || sync.skip) return runMigrateCli(migrate, io)

  try {
    checkSyncFlags(sync)
  } catch (error) {
    io.stderr.write(`migrate: ${(error as Error).message}\n`)
    return 2
  }
  let captured = ''
  const capture = {
    write: (s: string) => {
      captured += s
      return true
    },
  }
  const migrateIo = sync.json ? { ...io, stdout: capture } : io
  const code = await runMigrateCli(migrate, migrateIo)
  if (code !== 0) {
    io.stdout.write(captured)
    return code
  }
  // A dry run against an embedded space that does not exist yet: nothing to compare with, and nothing created.
  const embedded = !process.env.CONTENTFUL_SPACE_ID
  if (sync.dryRun && embedded && !existsSync(environmentFile(resolve(sync.space), sync.env))) {
    io.stdout.write(captured)
    io.stderr.write('sync: the space does not exist yet; a real run creates every article\n')
    return 0
  }
  let backend: ContentBackend | null = null
  try {
    backend = await openBackend({ space: sync.space, env: sync.env })
    const report = await syncWithLock(backend, sync, io)
    if (sync.json) {
      const migration = captured.trim() === '' ? {} : (JSON.parse(captured) as Record<string, unknown>)
      printReport(report, { ...sync, json: false }, { ...io, stdout: { write: () => true } })
      io.stdout.write(`${JSON.stringify({ ...migration, sync: report }, null, 2)}\n`)
    } else printReport(report, sync, io)
    return exitCodeOf(report)
  } catch (error) {
    io.stderr.write(
      `sync: ${(error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ')}\n`,
    )
    return 1
  } finally {
    await backend?.close()
  }
}
