// A test hook, read by the entry points only: KB_CMS_SYNC_KILL_AFTER_WRITES=N makes the sync SIGKILL its own
// process right after its Nth write, as a crash would, so tests can check that the next run recovers.
export function killAfterWritesHook(
  env: Record<string, string | undefined> | undefined,
): ((writes: number) => void) | undefined {
  const n = Number(env?.KB_CMS_SYNC_KILL_AFTER_WRITES)
  if (!Number.isInteger(n) || n <= 0) return undefined
  return (writes) => {
    if (writes >= n) process.kill(process.pid, 'SIGKILL')
  }
}

/** KB_CMS_MIGRATE_KILL_AFTER_MIGRATIONS=N: the same for `npm run migrate`, right after it applies its Nth migration. */
export function killAfterMigrationsHook(
  env: Record<string, string | undefined> | undefined,
): ((applied: number) => void) | undefined {
  const n = Number(env?.KB_CMS_MIGRATE_KILL_AFTER_MIGRATIONS)
  if (!Number.isInteger(n) || n <= 0) return undefined
  return (applied) => {
    if (applied >= n) process.kill(process.pid, 'SIGKILL')
  }
}
