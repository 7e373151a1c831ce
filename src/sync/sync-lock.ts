// The migration lock keeps a sync and a migration (or two syncs) from interleaving. It is taken just before the
// first write, so a run with nothing to write (the usual re-run, or a dry run) makes read requests only (on
// Contentful the lock is itself a write). A run that had to wait for it planned against a space another run was
// changing: it starts over (PlanAgain) with the lock held. A lock left by a killed run on this machine is taken
// over at once.
import type { ContentBackend } from '../backends/port.ts'
import { acquireMigrationLock, type HeldLock } from '../migrate/lock.ts'
import { PlanAgain } from './writer.ts'

const LOCK_TTL_MS = 60 * 60_000

export function lockOnFirstWrite(backend: ContentBackend, stderr: { write(s: string): unknown }) {
  let lock: HeldLock | null = null
  return {
    /** For the writer's `beforeFirstWrite`: waits for the space to be free, then holds it. */
    take: async () => {
      if (lock) return
      let waited = false
      lock = await acquireMigrationLock(backend, {
        command: 'sync',
        ttlMs: LOCK_TTL_MS,
        onWait: (h) => {
          waited = true
          stderr.write(`sync: waiting for ${h.description} to release the space\n`)
        },
      })
      if (waited) throw new PlanAgain('the space changed while this run waited for the lock')
    },
    /** Releases the lock if it was taken. */
    release: async () => {
      await lock?.release()
    },
  }
}
