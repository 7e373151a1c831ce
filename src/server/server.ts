// The local HTTP face of the embedded space: one port, two API faces told apart by the token (ADR 3), plus
// public pages and asset files. This module owns what is common to every request: authentication, the
// environment and its store, Contentful-shaped errors, rate-limit headers, CORS, and the test switches
// (a requests-per-second limit, injected faults, a request log).
import { randomBytes } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ConflictError, NotFoundError, ValidationError } from '../backends/port.ts'
import { handleDelivery } from './delivery/index.ts'
import { HttpError } from './http-error.ts'
import { handlePages } from './pages/index.ts'
import type { ErrorId, RequestContext, RouteHandler, SpaceStore } from './types.ts'

export const SPACE_ID = 'local'
const MANAGEMENT_MEDIA = 'application/vnd.contentful.management.v1+json'
const DELIVERY_MEDIA = 'application/vnd.contentful.delivery.v1+json'
/** Contentful caps request bodies at 1 MB; uploads are raw bytes and may be larger. */
const JSON_BODY_LIMIT = 1024 * 1024
const UPLOAD_BODY_LIMIT = 64 * 1024 * 1024

/** The environments of the space on disk: aliases resolved, stores opened once and cached. */
export interface SpaceRegistry {
  /** An alias (e.g. `master`) → the environment it points at; any other id unchanged. */
  resolve(env: string): string
  /** The store of an environment; throws NotFoundError when it does not exist. */
  open(envId: string): SpaceStore
  close(): void
  /** The space folder on disk: never shown to a client (error messages are scrubbed of it). */
  readonly dir?: string
}

export interface RequestLogEntry {
  /** ISO time the request arrived. */
  t: string
  method: string
  path: string
  /** `management`, `delivery`, `pages` or `none` (rejected before a face was chosen). */
  face: string
  status: number
  /** `500`, `drop` (before handling) or `drop-after` (handled, response lost) when a fault was injected. */
  fault?: string
  ms: number
}

export interface ServerOptions {
  registry: SpaceRegistry
  managementToken: string
  deliveryToken: string
  /** The Preview API's token: the Delivery API's reads over the latest drafts. */
  previewToken?: string
  /**
   * Tokens of API keys created through the Management API (api_keys, preview_api_keys), read per request:
   * each token → the environments (or aliases) its key may read.
   */
  keyTokens?: () => { delivery: Map<string, string[]>; preview: Map<string, string[]> }
  /** Management face routes (issue 5); tried before answering 404. */
  management?: RouteHandler
  host?: string
  /** 0 picks a free port. */
  port?: number
  /** API requests per second before answering 429; 0 or undefined: no limit (headers still sent). */
  rateLimit?: number
  /** Share of API requests (0..1) answered with a 500 or a dropped connection. */
  faultRatio?: number
  /** Seed for the fault dice, so a failing run can be replayed. */
  faultSeed?: number
  /** A JSON-lines file that gets one RequestLogEntry per request, or a callback. */
  requestLog?: string | ((entry: RequestLogEntry) => void)
  /** `Access-Control-Allow-Origin` for the Delivery face; `*` by default (development). */
  corsOrigin?: string
  /** The clock requests are timed and rate-limited by (ms since the epoch); tests pin it. */
  clock?: () => number
}

export interface RunningServer {
  server: Server
  port: number
  /** `127.0.0.1:PORT`: what the SDKs take as `host` (with `insecure: true`). */
  hostPort: string
  close(): Promise<void>
}

/** The limit reported in headers when no limit is configured: generous, so clients do not throttle for nothing. */
const UNLIMITED_REPORTED = 1000

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const handler = createRequestHandler(options)
  const server = createServer((req, res) => {
    handler(req, res).catch((err) => {
      // Last resort: a handler bug must not leave the client hanging or print a token.
      console.error(`kb-cms serve: ${req.method} ${req.url?.split('?')[0]}: ${(err as Error).message}`)
      if (!res.headersSent) res.writeHead(500, { 'content-type': MANAGEMENT_MEDIA })
      res.end()
    })
  })
  // Keep-alive sockets would hold `close()` open for the whole idle timeout.
  server.keepAliveTimeout = 1000
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port
      resolve({
        server,
        port,
        hostPort: `${options.host ?? '127.0.0.1'}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => {
              options.registry.close()
              done()
            })
            server.closeAllConnections()
          }),
      })
    })
  })
}

/** Fixed one-second windows, as Contentful's per-second bucket behaves. */
export class RateWindow {
  private second = 0
  private count = 0
  constructor(readonly limit: number) {}

  /** Counts a request; returns how many remain in this second, or -1 when over the limit. */
  take(now = Date.now()): number {
    const second = Math.floor(now / 1000)
    if (second !== this.second) {
      this.second = second
      this.count = 0
    }
    if (this.limit > 0 && this.count >= this.limit) return -1
    this.count++
    return this.limit > 0 ? this.limit - this.count : UNLIMITED_REPORTED
  }
}

/** mulberry32: a tiny seeded PRNG, so that injected faults are reproducible from the seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SPACE_PATH = /^\/spaces\/([^/]+)(?:\/environments\/([^/]+))?(\/.*)?$/
/** Management paths above any one space: the list of spaces, the current user. */
const ROOT_PATH = /^\/(?:spaces|users\/me)$/

export function createRequestHandler(options: ServerOptions) {
  const window = new RateWindow(options.rateLimit ?? 0)
  const reportedLimit = options.rateLimit && options.rateLimit > 0 ? options.rateLimit : UNLIMITED_REPORTED
  const random = seededRandom(options.faultSeed ?? Date.now())
  const faultRatio = options.faultRatio ?? 0
  const corsOrigin = options.corsOrigin ?? '*'
  const log = requestLogger(options.requestLog)
  const clock = options.clock ?? Date.now
  let requestCounter = 0

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = clock()
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const requestId = `${process.pid.toString(36)}-${(++requestCounter).toString(36)}-${randomBytes(3).toString('hex')}`
    const entry: RequestLogEntry = {
      t: new Date(started).toISOString(),
      method: req.method ?? 'GET',
      path: url.pathname,
      face: 'none',
      status: 0,
      ms: 0,
    }
    res.on('close', () => {
      entry.status = res.headersSent ? res.statusCode : 0
      entry.ms = clock() - started
      log?.(entry)
    })
    res.setHeader('X-Contentful-Request-Id', requestId)

    if (req.method === 'OPTIONS') {
      res.writeHead(204, corsHeaders(corsOrigin))
      res.end()
      return
    }

    const hide = hider(options.registry.dir)
    try {
      decodeURIComponent(url.pathname)
    } catch {
      sendError(
        res,
        DELIVERY_MEDIA,
        requestId,
        400,
        'BadRequest',
        'The request path has malformed percent-encoding.',
      )
      return
    }

    const root = ROOT_PATH.test(url.pathname)
    const match = root ? ['', SPACE_ID, undefined, url.pathname] : SPACE_PATH.exec(url.pathname)
    if (!match) {
      entry.face = 'pages'
      const ctx = makeContext(req, res, url, requestId, DELIVERY_MEDIA, options.registry, hide, {
        spaceId: SPACE_ID,
        env: 'master',
        scope: 'space',
        rest: url.pathname,
        delivery: false,
        management: false,
        preview: false,
      })
      if ((req.method === 'GET' || req.method === 'HEAD') && (await handlePages(ctx))) return
      ctx.error(404, 'NotFound', 'The resource could not be found.')
      return
    }

    const [, spaceId = '', envInPath, rest = ''] = match
    const token = bearer(req) ?? url.searchParams.get('access_token') ?? undefined
    const management = token !== undefined && token === options.managementToken && !!bearer(req)
    const keys = token !== undefined && !management ? options.keyTokens?.() : undefined
    // A key opens the environments it names (by id or alias), as a Contentful API key does.
    const env = envInPath ?? 'master'
    const keyAllows = (envs: string[] | undefined) =>
      envs !== undefined && (envs.includes(env) || envs.includes(options.registry.resolve(env)))
    const preview =
      token !== undefined &&
      !management &&
      ((options.previewToken !== undefined && token === options.previewToken) ||
        keyAllows(keys?.preview.get(token)))
    const delivery =
      preview ||
      (token !== undefined && (token === options.deliveryToken || keyAllows(keys?.delivery.get(token))))
    entry.face = management ? 'management' : preview ? 'preview' : delivery ? 'delivery' : 'none'
    const media = management ? MANAGEMENT_MEDIA : DELIVERY_MEDIA
    if (delivery) for (const [k, v] of Object.entries(corsHeaders(corsOrigin))) res.setHeader(k, v)

    if (!management && !delivery) {
      sendError(
        res,
        media,
        requestId,
        401,
        'AccessTokenInvalid',
        'The access token you sent could not be found or is invalid.',
      )
      return
    }

    // Rate limit and faults apply to authenticated API requests only: Contentful counts a request against the
    // organisation its token belongs to, so a request without a valid token uses nobody's budget.
    const remaining = window.take(started)
    res.setHeader('X-Contentful-RateLimit-Second-Limit', String(reportedLimit))
    res.setHeader('X-Contentful-RateLimit-Second-Remaining', String(Math.max(remaining, 0)))
    if (remaining < 0) {
      res.setHeader('X-Contentful-RateLimit-Reset', '1')
      sendError(
        res,
        media,
        requestId,
        429,
        'RateLimitExceeded',
        'You have exceeded the rate limit of the Organization this Space belongs to by making too many API requests within a short timespan. Please wait a moment before trying the request again.',
      )
      return
    }
    res.setHeader('X-Contentful-RateLimit-Reset', '0')

    let dropAfter = false
    if (faultRatio > 0 && random() < faultRatio) {
      const dice = random()
      if (dice < 1 / 3) {
        entry.fault = '500'
        sendError(res, media, requestId, 500, 'InternalServerError', 'Injected fault (test switch).')
        return
      }
      if (dice < 2 / 3) {
        entry.fault = 'drop'
        req.socket.destroy()
        return
      }
      // The write lands but the client never hears of it: the case that makes idempotent writes necessary.
      entry.fault = 'drop-after'
      dropAfter = true
    }

    if (spaceId !== SPACE_ID) {
      sendError(res, media, requestId, 404, 'NotFound', 'The resource could not be found.', {
        type: 'Space',
        id: spaceId,
      })
      return
    }

    const ctx = makeContext(req, res, url, requestId, media, options.registry, hide, {
      spaceId,
      env: envInPath ?? 'master',
      scope: root ? 'root' : envInPath === undefined ? 'space' : 'environment',
      rest,
      delivery,
      management,
      preview,
    })
    if (dropAfter) {
      // Let the handler do its work, then cut the connection instead of answering.
      res.end = (() => {
        req.socket.destroy()
        return res
      }) as typeof res.end
    }

    try {
      if (management) {
        if (!(await options.management?.(ctx))) ctx.error(404, 'NotFound', 'The resource could not be found.')
      } else if (!(await handleDelivery(ctx))) {
        // A Delivery token opens the Delivery API's reads only; the Management API refuses it on every path,
        // reads included, as Contentful's management host does.
        ctx.error(401, 'AccessTokenInvalid', 'The access token you sent could not be found or is invalid.')
      }
    } catch (err) {
      answerError(ctx, err)
    }
  }
}

/** Maps the port's errors to Contentful's status codes and error ids. */
export function answerError(ctx: RequestContext, err: unknown): void {
  if (ctx.res.headersSent) {
    ctx.res.destroy()
    return
  }
  if (err instanceof ConflictError) ctx.error(409, 'VersionMismatch', err.message)
  else if (err instanceof ValidationError)
    ctx.error(422, 'ValidationFailed', err.message, { errors: err.details })
  else if (err instanceof NotFoundError) ctx.error(404, 'NotFound', err.message)
  else if (err instanceof HttpError) ctx.error(err.status, err.id, err.message, err.details)
  else {
    console.error(`kb-cms serve: ${ctx.req.method} ${ctx.url.pathname}: ${(err as Error).stack ?? err}`)
    ctx.error(500, 'InternalServerError', 'Internal server error.')
  }
}

interface Scope {
  spaceId: string
  env: string
  scope: 'root' | 'space' | 'environment'
  rest: string
  delivery: boolean
  management: boolean
  preview: boolean
}

function makeContext(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  requestId: string,
  media: string,
  registry: SpaceRegistry,
  hide: (text: string) => string,
  scope: Scope,
): RequestContext {
  let envId: string | undefined
  let store: SpaceStore | undefined
  const ctx = {
    req,
    res,
    url,
    spaceId: scope.spaceId,
    env: scope.env,
    get envId() {
      envId ??= registry.resolve(scope.env)
      return envId
    },
    scope: scope.scope,
    rest: scope.rest,
    get space() {
      store ??= registry.open(ctx.envId)
      return store
    },
    deliveryTokenOk: scope.delivery,
    previewTokenOk: scope.preview,
    managementTokenOk: scope.management,
    requestId,
    json(status: number, body: unknown, headers: Record<string, string> = {}) {
      const bytes = Buffer.from(JSON.stringify(body))
      res.writeHead(status, { 'content-type': media, 'content-length': String(bytes.length), ...headers })
      res.end(req.method === 'HEAD' ? undefined : bytes)
    },
    error(status: number, id: ErrorId, message: string, details?: unknown) {
      sendError(res, media, requestId, status, id, message, details, hide)
    },
    body: () => readBody(req, res, isUpload(scope.rest) ? UPLOAD_BODY_LIMIT : JSON_BODY_LIMIT),
  }
  return ctx
}

function isUpload(rest: string): boolean {
  return rest === '/uploads' || rest.startsWith('/uploads/')
}

function sendError(
  res: ServerResponse,
  media: string,
  requestId: string,
  status: number,
  id: ErrorId,
  message: string,
  details?: unknown,
  hide: (text: string) => string = (t) => t,
): void {
  const body: Record<string, unknown> = { sys: { type: 'Error', id }, message, requestId }
  if (details !== undefined) body.details = details
  const bytes = Buffer.from(hide(JSON.stringify(body)))
  res.writeHead(status, { 'content-type': media, 'content-length': String(bytes.length) })
  res.end(bytes)
}

function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.removeAllListeners('data')
        reject(new HttpError(413, 'BadRequest', `Request body larger than ${limit} bytes.`))
        req.resume()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
    res.on('close', () => reject(new Error('connection closed')))
  })
}

/** Scrubs the space folder out of text bound for a client: a server's layout is nobody's business. */
function hider(dir: string | undefined): (text: string) => string {
  if (!dir) return (t) => t
  const escaped = JSON.stringify(dir).slice(1, -1)
  return (t) => t.replaceAll(escaped, '<space>').replaceAll(dir, '<space>')
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization
  if (!header) return undefined
  const m = /^Bearer\s+(\S+)$/i.exec(header)
  return m?.[1]
}

function corsHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Headers':
      'Authorization, Content-Type, X-Contentful-User-Agent, X-Contentful-Version, X-Contentful-Content-Type',
    'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
    'Access-Control-Max-Age': '86400',
  }
}

function requestLogger(target: ServerOptions['requestLog']): ((entry: RequestLogEntry) => void) | undefined {
  if (!target) return undefined
  if (typeof target === 'function') return target
  return (entry) => appendFileSync(target, `${JSON.stringify(entry)}\n`)
}
