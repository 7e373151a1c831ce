// The migration runner: ledger check, lock, plan every pending migration against the live model, apply each
// with its ledger row. The common case (nothing pending) costs one ledger read: the lock and the model are only
// touched when there is work to do, and the ledger is read again under the lock before anything is written.
import type { ContentBackend, EntryQuery, LedgerRow, ModelSnapshot } from '../backends/port.ts'
import type { EntryRecord } from '../model/contentful-types.ts'
import { pendingMigrations } from './ledger-check.ts'
import { acquireMigrationLock, type LockOptions } from './lock.ts'
import { listMigrations, loadOperations, type MigrationFile } from './migration-files.ts'
import {
  contentTypesNeedingEntries,
  type MigrationPlan,
  type PlannedStep,
  planMigration,
  snapshotFromState,
  stateFromSnapshot,
} from './planner.ts'

/** The part of the port the runner uses. */
export type MigrationBackend = Pick<
  ContentBackend,
  'description' | 'acquireLock' | 'releaseLock' | 'readLedger' | 'readModel' | 'applyMigration' | 'getEntries'
>

export type RunEvent =
  | { type: 'waiting'; holder: string }
  | { type: 'took-over'; holder: string }
  | { type: 'planned'; plans: PlanSummary[] }
  | { type: 'applied'; name: string; writes: number; ms: number }

export interface PlanSummary {
  name: string
  file: string
  description: string
  steps: PlannedStep[]
  writes: number
}

export interface RunOptions {
  migrationsDir: string
  dryRun?: boolean
  lock?: LockOptions
  onEvent?: (event: RunEvent) => void
  now?: () => Date
}

export interface RunReport {
  space: string
  dryRun: boolean
  /** Already applied before this run. */
  alreadyApplied: number
  /** Applied by this run (empty in a dry run). */
  applied: string[]
  /** What this run planned: pending migrations, in order. */
  plans: PlanSummary[]
}

export async function runMigrations(backend: MigrationBackend, options: RunOptions): Promise<RunReport> {
  const files = listMigrations(options.migrationsDir)
  const report = (ledger: LedgerRow[], plans: PlanSummary[] = [], applied: string[] = []): RunReport => ({
    space: backend.description,
    dryRun: options.dryRun === true,
    alreadyApplied: ledger.length,
    applied,
    plans,
  })
  const firstLedger = await backend.readLedger()
  if (pendingMigrations(files, firstLedger).length === 0) return report(firstLedger)
  if (options.dryRun) {
    const { summaries } = await planPending(backend, pendingMigrations(files, firstLedger))
    options.onEvent?.({ type: 'planned', plans: summaries })
    return report(firstLedger, summaries)
  }

  const lock = await acquireMigrationLock(backend, {
    ...options.lock,
    onWait: (h) => options.onEvent?.({ type: 'waiting', holder: h.description }),
    onTakeOver: (h) => options.onEvent?.({ type: 'took-over', holder: h.description }),
  })
  try {
    // Another run may have applied them while this one waited.
    const ledger = await backend.readLedger()
    const pending = pendingMigrations(files, ledger)
    if (pending.length === 0) return report(ledger)
    const { plans, summaries } = await planPending(backend, pending)
    options.onEvent?.({ type: 'planned', plans: summaries })
    const applied: string[] = []
    for (const [i, plan] of plans.entries()) {
      const file = pending[i] as MigrationFile
      const started = performance.now()
      if (i > 0) await lock.refresh()
      const appliedAt = (options.now?.() ?? new Date()).toISOString()
      await backend.applyMigration(plan.writes, { name: file.name, checksum: file.checksum, appliedAt })
      applied.push(file.name)
      options.onEvent?.({
        type: 'applied',
        name: file.name,
        writes: plan.writes.length,
        ms: Math.round(performance.now() - started),
      })
    }
    return report(ledger, summaries, applied)
  } finally {
    await lock.release()
  }
}

/**
 * Plans every pending migration before anything is written, each against the model the previous ones leave:
 * an invalid migration anywhere in the queue stops the run with nothing applied.
 */
async function planPending(backend: MigrationBackend, pending: MigrationFile[]) {
  const loaded: ({ file: MigrationFile } & Awaited<ReturnType<typeof loadOperations>>)[] = []
  for (const file of pending) loaded.push({ file, ...(await loadOperations(file)) })
  const snapshot = await backend.readModel()
  const existing = new Set(snapshot.contentTypes.map((c) => c.sys.id))
  const entries = new Map<string, EntryRecord[]>()
  for (const id of contentTypesNeedingEntries(loaded.flatMap((l) => l.ops))) {
    entries.set(id, existing.has(id) ? await readAllEntries(backend, { contentTypeId: id }) : [])
  }
  const state = stateFromSnapshot(snapshot, entries)
  const plans: MigrationPlan[] = loaded.map(({ file, ops }) =>
    planMigration(file.name, file.file, ops, state),
  )
  const model = snapshotFromState(state)
  const summaries: PlanSummary[] = plans.map((plan, i) => {
    const { file, migration } = loaded[i] as (typeof loaded)[number]
    return {
      name: file.name,
      file: file.file,
      description: migration.description,
      steps: plan.steps,
      writes: plan.writes.length,
    }
  })
  return { plans, summaries, model }
}

/** The model the space will have once the pending migrations are applied (the live one when none are). */
export async function modelAfterPending(
  backend: MigrationBackend,
  migrationsDir: string,
): Promise<ModelSnapshot> {
  const pending = pendingMigrations(listMigrations(migrationsDir), await backend.readLedger())
  if (pending.length === 0) return backend.readModel()
  return (await planPending(backend, pending)).model
}

async function readAllEntries(backend: MigrationBackend, query: EntryQuery): Promise<EntryRecord[]> {
  const out: EntryRecord[] = []
  for (;;) {
    const page = await backend.getEntries({ ...query, skip: out.length, limit: 1000 })
    out.push(...page.items)
    if (page.items.length === 0 || out.length >= page.total) return out
  }
}
