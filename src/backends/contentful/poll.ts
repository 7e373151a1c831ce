// Waiting on work the server does after answering (asset processing, bulk actions): ask again after a first
// wait, doubling up to 2 s, and give up before the next wait would pass the deadline.

export interface PollOptions {
  timeoutMs: number
  firstWaitMs: number
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/** Calls `check` until `done` holds for what it returns; throws `timeout()` when the time is up. */
export async function poll<T>(
  check: () => Promise<T>,
  done: (value: T) => boolean,
  options: PollOptions,
  timeout: () => Error,
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs
  let wait = options.firstWaitMs
  for (;;) {
    await sleep(wait)
    const value = await check()
    if (done(value)) return value
    if (Date.now() + wait > deadline) throw timeout()
    wait = Math.min(wait * 2, 2000)
  }
}
