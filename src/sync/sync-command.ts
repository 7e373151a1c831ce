// `sync` as a command: flags → runSync → summary table (or JSON) and diagnostics. Shared by `npm run sync`
// and by `npm run migrate`, which runs it after the schema migrations.
import { existsSync, statSync } from 'node:fs'
import { Command } from 'commander'
import type { ContentBackend } from '../backends/port.ts'
import { parseCommandLine, withConventions } from '../cli/command-line.ts'
import { UsageError } from '../cli/exit-codes.ts'
import { checkSpaceFolder, usesContentful } from '../cli/space-folder.ts'
import { loadVariables } from '../markdown/load-variables.ts'
import { killAfterHook } from './crash-test-hook.ts'
import { findMkdocsYml } from './mkdocs-file.ts'
import { progressBar } from './progress.ts'
import { formatDiagnostic, formatSummary, type SyncReport } from './report.ts'
import { runSync } from './run-sync.ts'
import { lockOnFirstWrite } from './sync-lock.ts'
import { PlanAgain } from './writer.ts'

export interface SyncFlags {
  source: string
  json?: boolean
  dryRun?: boolean
  force?: boolean
  prune?: boolean
  assetBaseUrl?: string
  vars?: string
}

export interface OutStream {
  write(s: string): unknown
  isTTY?: boolean
  columns?: number
}

export interface Io {
  stdout: OutStream
  stderr: OutStream
  /** The process environment, read here only for the crash-test hook (see crash-test-hook.ts). */
  env?: Record<string, string | undefined>
}

export const DEFAULT_SOURCE = 'content/'

/** The options only the sync has (`migrate` accepts them too, and hands them to the sync it runs after). */
export function addSyncOnlyOptions(command: Command): Command {
  return command
    .option('--source <dir>', 'docs root to sync (MkDocs docs folder)', DEFAULT_SOURCE)
    .option('--force', 'overwrite entries an editor changed in the CMS (conflicts)')
    .option('--prune', 'unpublish and archive orphans (entries whose Markdown is gone)')
    .option('--asset-base-url <url>', 'create assets from <url>/<image path> instead of uploading the files')
    .option(
      '--vars <file>',
      'values for {{ name }}: a YAML map or an mkdocs.yml (default: mkdocs.yml beside the source)',
    )
}

/** Every option of the sync (`migrate` has --json and --dry-run of its own and adds the rest). */
export function addSyncOptions(command: Command): Command {
  return addSyncOnlyOptions(
    command
      .option('--json', 'print the report as JSON on stdout')
      .option('--dry-run', 'print the changeset and write nothing'),
  )
}

/** Runs the sync and prints its report; resolves to the exit code (1 when anything failed). */
export async function syncAndReport(backend: ContentBackend, flags: SyncFlags, io: Io): Promise<number> {
  const report = await syncWithLock(backend, flags, io)
  printReport(report, flags, io)
  return exitCodeOf(report)
}

/** Bad sync options fail before anything is opened or written. */
export function checkSyncFlags(flags: SyncFlags): void {
  if (flags.assetBaseUrl !== undefined && !/^https?:\/\/\S+$/i.test(flags.assetBaseUrl))
    throw new SyncUsageError(`--asset-base-url must be an http(s) URL: ${flags.assetBaseUrl}`)
  const source = statSync(flags.source, { throwIfNoEntry: false })
  if (!source) throw new SyncUsageError(`--source does not exist: ${flags.source}`)
  if (!source.isDirectory())
    throw new SyncUsageError(`--source must be a folder (the docs root), not a file: ${flags.source}`)
  if (flags.vars !== undefined && !existsSync(flags.vars))
    throw new SyncUsageError(`--vars does not exist: ${flags.vars}`)
}

export const exitCodeOf = (report: SyncReport) => (report.failed.length > 0 ? 1 : 0)

/** Runs the sync under the migration lock (a dry run takes none) with a progress bar on stderr. */
export async function syncWithLock(backend: ContentBackend, flags: SyncFlags, io: Io): Promise<SyncReport> {
  checkSyncFlags(flags)
  const varsFile = flags.vars ?? findMkdocsYml(flags.source)
  const variables = varsFile ? loadVariables(varsFile) : undefined
  const bar = progressBar(io.stderr)
  const lock = lockOnFirstWrite(backend, io.stderr)
  const run = () =>
    runSync(backend, {
      source: flags.source,
      dryRun: flags.dryRun ?? false,
      force: flags.force ?? false,
      prune: flags.prune ?? false,
      assetBaseUrl: flags.assetBaseUrl,
      ...(variables ? { variables } : {}),
      onProgress: (p) => bar.update(p),
      beforeFirstWrite: lock.take,
      afterWrite: killAfterHook(io.env, 'KB_CMS_SYNC_KILL_AFTER_WRITES'),
    })
  try {
    return await run().catch((error: unknown) => {
      if (!(error instanceof PlanAgain)) throw error
      io.stderr.write('sync: the space is free; reading it again before writing\n')
      return run()
    })
  } finally {
    bar.end()
    await lock.release()
  }
}

export function printReport(report: SyncReport, flags: SyncFlags, io: Io): void {
  for (const d of report.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`)
  for (const c of report.conflicts)
    io.stderr.write(
      `conflict: ${c.type} ${c.id} (${c.file}): ${c.reason}; kept the CMS value${c.fields.length > 0 ? ' (--force overwrites)' : ''}\n`,
    )
  for (const k of report.kept)
    io.stderr.write(`kept: ${k.type} ${k.id} (${k.file}): ${k.fields.join(', ')} as changed in the CMS\n`)
  for (const o of report.orphans)
    io.stderr.write(
      `orphan: ${o.type} ${o.id}${o.sourcePath ? ` (${o.sourcePath} is gone)` : ''}${o.pruned ? ': archived' : o.kept ? `: ${o.kept}` : '; --prune archives it'}\n`,
    )
  for (const f of report.failed) io.stderr.write(`failed: ${f.file}${f.id ? ` ${f.id}` : ''}: ${f.message}\n`)
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    return
  }
  if (report.dryRun) {
    for (const c of report.changes)
      io.stdout.write(`${c.action.padEnd(8)} ${c.type.padEnd(22)} ${c.id}${c.file ? `  ${c.file}` : ''}\n`)
  }
  io.stdout.write(`${formatSummary(report)}\n`)
}

export class SyncUsageError extends Error {
  override name = 'SyncUsageError'
}

/** The `sync` command line, for `--help` and for parsing. */
export function syncProgram(): Command {
  return addSyncOptions(
    new Command('sync')
      .description('sync the Markdown knowledge base into the space (content only; `migrate` also runs it)')
      .option('--space <dir>', "the embedded space's folder (Contentful: CONTENTFUL_SPACE_ID)", '.cms')
      .option('--env <name>', 'the environment', 'master'),
  )
}

/** The `sync` command line: parses argv, opens the space, syncs, closes. */
export async function runSyncCommand(
  argv: string[],
  io: Io,
  openBackend: (options: { space?: string; env?: string }) => Promise<ContentBackend>,
): Promise<number> {
  const program = withConventions(syncProgram(), io)
  const stopped = parseCommandLine(program, argv)
  if (stopped !== undefined) return stopped
  const flags = program.opts<SyncFlags & { space?: string; env?: string }>()
  let backend: ContentBackend | null = null
  try {
    checkSyncFlags(flags)
    if (!usesContentful(io.env ?? {})) checkSpaceFolder(flags.space ?? '.cms')
    backend = await openBackend({
      ...(flags.space ? { space: flags.space } : {}),
      ...(flags.env ? { env: flags.env } : {}),
    })
    return await syncAndReport(backend, flags, io)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    io.stderr.write(`sync: ${message.replace(/\s*\n\s*/g, ' ')}\n`)
    return error instanceof SyncUsageError || error instanceof UsageError ? 2 : 1
  } finally {
    await backend?.close()
  }
}
