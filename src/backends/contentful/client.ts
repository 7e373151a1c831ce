// The plain contentful-management client, wired to our one retry policy, and the translation of its errors
// into the port's errors. SDK error messages embed request details (and the token's last characters), so they
// are never passed on as they are: every error leaving this module carries only status, id and the server's
// message, redacted.
import { createClient, type PlainClientAPI } from 'contentful-management'
import { ConfigError, type ContentfulConfig, redact } from '../../config/contentful-config.ts'
import { ConflictError, NotFoundError, ValidationError } from '../port.ts'
import { type Failure, RequestScheduler } from './scheduler.ts'

/** What the server answered, recovered from an SDK error. */
export interface ApiFailure {
  status: number | undefined
  id: string
  message: string
  details: unknown
}

/** Any other API failure: status and Contentful error id, no request details. */
export class ContentfulApiError extends Error {
  override name = 'ContentfulApiError'
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly errorId: string,
  ) {
    super(message)
  }
}

export interface Connection {
  client: PlainClientAPI
  scheduler: RequestScheduler
  config: ContentfulConfig
  /** Runs one API call under the scheduler and translates its error. */
  call<T>(label: string, fn: (client: PlainClientAPI) => Promise<T>, entityId?: string): Promise<T>
  close(): void
}

export interface ConnectOptions {
  ratePerSecond?: number
  concurrency?: number
  maxAttempts?: number
  /** Warnings (retries); default: none. Never given a secret. */
  warn?: (message: string) => void
}

export function connect(config: ContentfulConfig, options: ConnectOptions = {}): Connection {
  // The SDK's error objects lose the response headers; the reset of the last 429 is kept here instead.
  let lastReset = 1
  let scheduler: RequestScheduler
  const observe = (headers: Record<string, unknown> | undefined) => {
    const limit = Number(headers?.['x-contentful-ratelimit-second-limit'])
    if (limit > 0) scheduler.observeLimit(limit)
    const reset = Number(headers?.['x-contentful-ratelimit-reset'])
    if (reset > 0) lastReset = reset
  }
  scheduler = new RequestScheduler({
    ...(options.ratePerSecond === undefined ? {} : { ratePerSecond: options.ratePerSecond }),
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    classify: (err) => classify(err, lastReset),
    onRetry: ({ label, attempt, waitMs, reason }) =>
      options.warn?.(`${label}: ${reason}; retry ${attempt} in ${waitMs} ms`),
  })
  const client = createClient(
    {
      accessToken: config.managementToken,
      host: config.host,
      hostUpload: config.hostUpload,
      insecure: config.insecure,
      retryOnError: false,
      // biome-ignore lint/suspicious/noExplicitAny: the SDK types these loggers loosely
      responseLogger: (r: any) => observe(r?.headers ?? r?.response?.headers),
      logHandler: () => {},
    },
    { type: 'plain', defaults: { spaceId: config.spaceId, environmentId: config.environment } },
  )
  return {
    client,
    scheduler,
    config,
    async call(label, fn, entityId) {
      try {
        return await scheduler.run(label, () => fn(client))
      } catch (err) {
        throw translate(err, label, config, entityId)
      }
    },
    close() {},
  }
}

/** Recovers status, id, message and details from whatever the SDK threw. */
export function apiFailure(err: unknown): ApiFailure {
  const e = err as { name?: string; message?: string; response?: { status?: number }; code?: string }
  if (e?.response === undefined && typeof e?.message === 'string' && e.message.startsWith('{')) {
    try {
      const data = JSON.parse(e.message) as { status?: number; message?: string; details?: unknown }
      return {
        status: data.status,
        id: e.name ?? 'Unknown',
        message: data.message ?? '',
        details: data.details,
      }
    } catch {
      // fall through
    }
  }
  if (e?.response?.status) {
    return { status: e.response.status, id: e.name ?? 'Unknown', message: '', details: undefined }
  }
  // No response at all: the connection failed (reset, refused, timed out).
  return {
    status: undefined,
    id: e?.code ?? e?.name ?? 'Error',
    message: e?.message ?? String(err),
    details: undefined,
  }
}

function classify(err: unknown, lastReset: number): Failure {
  const f = apiFailure(err)
  if (f.status === 429) return { kind: 'rate-limited', resetSeconds: lastReset }
  if (f.status === undefined) return { kind: 'transient', reason: `connection error (${f.id})` }
  if (f.status >= 500) return { kind: 'transient', reason: `server error ${f.status}` }
  return { kind: 'fatal' }
}

/** The port's error for a failed call, with nothing secret in it. */
export function translate(err: unknown, label: string, config: ContentfulConfig, entityId = ''): Error {
  if (err instanceof ConflictError || err instanceof ValidationError || err instanceof NotFoundError)
    return err
  if (err instanceof ConfigError || err instanceof ContentfulApiError) return err
  const f = apiFailure(err)
  const secrets = [config.managementToken]
  const message = redact(`${label}: ${f.message || f.id}`, secrets)
  if (f.status === 401 || f.id === 'AccessTokenInvalid') {
    return new ConfigError(
      `CONTENTFUL_MANAGEMENT_TOKEN was rejected by ${config.host} (401 AccessTokenInvalid): it is not a Content Management token (a Delivery or Preview token cannot write), or it was revoked`,
    )
  }
  if (f.status === 403) {
    return new ConfigError(
      `CONTENTFUL_MANAGEMENT_TOKEN may not access space ${config.spaceId} (403 ${f.id}): check the token's permissions`,
    )
  }
  if (f.status === 409) return new ConflictError(message, entityId)
  if (f.status === 422) {
    const errors = (f.details as { errors?: unknown[] } | undefined)?.errors ?? []
    return new ValidationError(redact(`${message} ${JSON.stringify(errors)}`, secrets), errors)
  }
  if (f.status === 404) return new NotFoundError(message)
  const status = f.status === undefined ? 'connection failed' : `HTTP ${f.status} ${f.id}`
  return new ContentfulApiError(
    redact(`${label}: ${status}${f.message ? `: ${f.message}` : ''}`, secrets),
    f.status,
    f.id,
  )
}
