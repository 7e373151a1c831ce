// One request scheduler for a whole run: every HTTP request to Contentful goes through `run`, which paces
// request starts under the space's per-second limit, bounds how many are in flight, waits out 429s for as long
// as the server says, and retries 5xx and connection errors with exponential backoff. The SDK's own retry is
// switched off so that this is the only policy (two stacked policies multiply waits and hide failures).

/** How a failed attempt should be handled. */
export type Failure =
  | { kind: 'rate-limited'; resetSeconds: number }
  | { kind: 'transient'; reason: string }
  | { kind: 'fatal' }

export interface SchedulerOptions {
  /** Requests per second; Contentful's default is 7, adjusted later from X-Contentful-RateLimit-Second-Limit. */
  ratePerSecond?: number
  /** Requests in flight at once. */
  concurrency?: number
  /** Attempts per request for transient failures (429s do not count: the server told us when to come back). */
  maxAttempts?: number
  /** First backoff after a transient failure; doubles each time, with jitter, up to maxBackoffMs. */
  backoffMs?: number
  maxBackoffMs?: number
  classify: (err: unknown) => Failure
  /** Called before each retry, e.g. to print a warning; never gets a secret. */
  onRetry?: (info: { label: string; attempt: number; waitMs: number; reason: string }) => void
}

export interface SchedulerStats {
  requests: number
  retries: number
  rateLimited: number
}

/** Start times are spaced slightly wider than 1/rate so that network jitter cannot crowd a server's second. */
const PACING_MARGIN = 1.03
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

export class RequestScheduler {
  private rate: number
  private readonly concurrency: number
  private readonly maxAttempts: number
  private readonly backoffMs: number
  private readonly maxBackoffMs: number
  private nextStart = 0
  private pausedUntil = 0
  private inFlight = 0
  private readonly waiting: (() => void)[] = []
  readonly stats: SchedulerStats = { requests: 0, retries: 0, rateLimited: 0 }

  constructor(private readonly options: SchedulerOptions) {
    this.rate = options.ratePerSecond ?? 7
    this.concurrency = options.concurrency ?? 7
    this.maxAttempts = options.maxAttempts ?? 10
    this.backoffMs = options.backoffMs ?? 200
    this.maxBackoffMs = options.maxBackoffMs ?? 8000
  }

  get ratePerSecond(): number {
    return this.rate
  }

  /** Adopts the limit the server reports (X-Contentful-RateLimit-Second-Limit). */
  observeLimit(limit: number): void {
    if (Number.isFinite(limit) && limit > 0 && limit !== this.rate) this.rate = limit
  }

  /** Runs `request` (exactly one HTTP request per call) under the policy; retries it when that is safe. */
  async run<T>(label: string, request: () => Promise<T>): Promise<T> {
    let attempt = 0
    for (;;) {
      await this.acquire()
      this.stats.requests++
      try {
        return await request()
      } catch (err) {
        const failure = this.options.classify(err)
        if (failure.kind === 'fatal') throw err
        if (failure.kind === 'rate-limited') {
          this.stats.rateLimited++
          // Everyone waits: the bucket is shared by the whole space.
          const waitMs = Math.max(failure.resetSeconds * 1000, 1000 / this.rate)
          this.pausedUntil = Math.max(this.pausedUntil, Date.now() + waitMs)
          this.options.onRetry?.({ label, attempt, waitMs, reason: 'rate limited (429)' })
          continue
        }
        attempt++
        if (attempt >= this.maxAttempts) throw err
        this.stats.retries++
        const base = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** (attempt - 1))
        const waitMs = Math.round(base / 2 + (Math.random() * base) / 2)
        this.options.onRetry?.({ label, attempt, waitMs, reason: failure.reason })
        await sleep(waitMs)
      } finally {
        this.release()
      }
    }
  }

  private async acquire(): Promise<void> {
    while (this.inFlight >= this.concurrency) await new Promise<void>((r) => this.waiting.push(r))
    this.inFlight++
    const now = Date.now()
    const start = Math.max(now, this.nextStart, this.pausedUntil)
    this.nextStart = start + (1000 / this.rate) * PACING_MARGIN
    if (start > now) await sleep(start - now)
  }

  private release(): void {
    this.inFlight--
    this.waiting.shift()?.()
  }
}
