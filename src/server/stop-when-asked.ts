// A long-running command ends cleanly however it is asked to: SIGINT (Ctrl-C), SIGTERM (kill, npm, a test),
// SIGHUP (the terminal closed), or the process that started it going away without a word (npm killed with
// SIGKILL would otherwise leave the server orphaned and holding its port).
import { readFileSync } from 'node:fs'

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
const SHELLS = new Set(['sh', 'dash', 'bash', 'zsh'])

/** Calls `close` once on the first reason to stop, then exits 0 (1 when closing fails or hangs). */
export function stopWhenAsked(
  close: () => Promise<void>,
  options: { pollMs?: number; graceMs?: number } = {},
) {
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    clearInterval(watch)
    // A close that hangs must not keep the process (and its port) alive forever.
    setTimeout(() => process.exit(1), options.graceMs ?? 5000).unref()
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  for (const signal of SIGNALS) process.once(signal, stop)
  const watched = launchers()
  const watch = setInterval(() => {
    if (watched.some(({ pid, parent }) => !alive(pid) || parentOf(pid) !== parent)) stop()
  }, options.pollMs ?? 500)
  watch.unref()
}

/**
 * The processes whose end means "stop": the parent, and when the parent is a shell (`npm run` starts scripts
 * through `sh -c`), the shell's parent too. Each with the parent it has now, so a re-parented one counts as gone.
 */
function launchers(): { pid: number; parent: number }[] {
  const parent = { pid: process.pid, parent: process.ppid }
  const chain = [parent]
  const shell = process.ppid
  const grandparent = parentOf(shell)
  if (grandparent !== undefined && grandparent > 1 && SHELLS.has(commandOf(shell) ?? ''))
    chain.push({ pid: shell, parent: grandparent })
  return chain
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The parent of `pid` (Linux /proc; elsewhere only our own parent is known). */
function parentOf(pid: number): number | undefined {
  if (pid === process.pid) return process.ppid
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so cut at the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  } catch {
    return undefined
  }
}

function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim()
  } catch {
    return undefined
  }
}
