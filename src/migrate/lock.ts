// The migration lock, held for a whole run. A second run waits a bounded time and then gives up naming the
// holder; a lock whose holder died is taken over: at once when the holder was a process on this machine that
// no longer exists, otherwise when it expires.
import { randomUUID } from 'node:crypto'
import { hostname, userInfo } from 'node:os'
import type { ContentBackend, LockHolder } from '../backends/port.ts'

export interface LockOptions {
  /** How long to wait for another run to finish (default 30 s). */
  waitMs?: number
  /** How long a lock lives without a refresh; a killed run's lock expires after this (default 10 min). */
  ttlMs?: number
  pollMs?: number
  /** Names the command in the holder's description, e.g. `migrate`. */
  command?: string
  onWait?: (holder: LockHolder) => void
  onTakeOver?: (holder: LockHolder) => void
}

export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError'
  constructor(
    readonly holder: LockHolder,
    waitedMs: number,
  ) {
    super(
      `the space is locked by ${holder.description} since ${holder.acquiredAt} (waited ${Math.round(waitedMs / 1000)} s; ` +
        `the lock expires at ${holder.expiresAt} if that run died)`,
    )
  }
}

type LockBackend = Pick<ContentBackend, 'acquireLock' | 'releaseLock'>

export interface HeldLock {
  holder: LockHolder
  /** Pushes the expiry forward; called between migrations of a long run. */
  refresh(): Promise<void>
  release(): Promise<void>
}

export async function acquireMigrationLock(
  backend: LockBackend,
  options: LockOptions = {},
): Promise<HeldLock> {
  const { waitMs = 30_000, ttlMs = 10 * 60_000, pollMs = 100, command = 'migrate' } = options
  const id = randomUUID()
  const description = `${safeUser()}@${hostname()} pid ${process.pid}, ${command}`
  const makeHolder = (): LockHolder => {
    const now = Date.now()
    return {
      id,
      description,
      acquiredAt: new Date(now).toISOString(),
      expiresAt: new Date(now + ttlMs).toISOString(),
    }
  }
  const started = Date.now()
  let waited = false
  for (;;) {
    const holder = makeHolder()
    const result = await backend.acquireLock(holder)
    if (result.acquired) {
      return {
        holder,
        refresh: async () => {
          const again = await backend.acquireLock(makeHolder())
          if (!again.acquired) throw new Error(`lost the migration lock to ${again.holder.description}`)
        },
        release: () => backend.releaseLock(id),
      }
    }
    if (holderIsDeadHere(result.holder)) {
      options.onTakeOver?.(result.holder)
      await backend.releaseLock(result.holder.id)
      continue
    }
    const elapsed = Date.now() - started
    if (elapsed >= waitMs) throw new LockTimeoutError(result.holder, elapsed)
    if (!waited) options.onWait?.(result.holder)
    waited = true
    await new Promise((r) => setTimeout(r, Math.min(pollMs, waitMs - elapsed)))
  }
}

function safeUser(): string {
  try {
    return userInfo().username
  } catch {
    return 'unknown'
  }
}

/** True when the holder says it is a process on this host, and no such process exists. */
export function holderIsDeadHere(holder: LockHolder): boolean {
  const match = /^[^@]*@(.+) pid (\d+),/.exec(holder.description)
  if (!match || match[1] !== hostname()) return false
  const pid = Number(match[2])
  if (pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}
