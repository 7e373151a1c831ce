// A test hook, read by the entry points only: KB_CMS_SYNC_KILL_AFTER_WRITES=N makes the sync SIGKILL its own
// process right after its Nth write, and KB_CMS_MIGRATE_KILL_AFTER_MIGRATIONS=N makes `npm run migrate` do so
// right after it applies its Nth migration, as a crash would, so tests can check that the next run recovers.
export type KillAfterVariable = 'KB_CMS_SYNC_KILL_AFTER_WRITES' | 'KB_CMS_MIGRATE_KILL_AFTER_MIGRATIONS'

export function killAfterHook(
  env: Record<string, string | undefined> | undefined,
  variable: KillAfterVariable,
): ((count: number) => void) | undefined {
  const n = Number(env?.[variable])
  if (!Number.isInteger(n) || n <= 0) return undefined
  return (count) => {
    if (count >= n) process.kill(process.pid, 'SIGKILL')
  }
}
