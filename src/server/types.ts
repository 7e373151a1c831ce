// Shared between the server's faces: the Management face (issue 5) and the Delivery face and pages (issue 6).
// server.ts authenticates, resolves the environment and builds one RequestContext per request; each face's
// handler answers what it knows and returns false for the rest.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EmbeddedSpace } from '../backends/sqlite/embedded-space.ts'

/** The embedded store of one environment. */
export type SpaceStore = EmbeddedSpace

/** A Contentful-shaped error id, e.g. `NotFound`, `VersionMismatch`, `ValidationFailed`. */
export type ErrorId =
  | 'NotFound'
  | 'VersionMismatch'
  | 'ValidationFailed'
  | 'RateLimitExceeded'
  | 'AccessTokenInvalid'
  | 'AccessDenied'
  | 'BadRequest'
  | 'InvalidQuery'
  | 'UnknownField'
  | 'UnresolvableLink'
  | 'InternalServerError'
  | 'UnsupportedMediaType'

export interface RequestContext {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  /** Always `local`. */
  spaceId: string
  /** The environment id the path names (`master` when the path has none); an alias is resolved in `envId`. */
  env: string
  /** The environment an alias points at, or `env` itself. */
  envId: string
  /**
   * `environment` when the path names one (`/spaces/local/environments/{env}/…`), `space` for the rest of
   * `/spaces/local/…`, `root` for paths above every space (`/spaces`, `/users/me`; `rest` is the whole path).
   */
  scope: 'root' | 'space' | 'environment'
  /** The path after `/spaces/local/environments/{env}` (or `/spaces/local`), e.g. `/entries/abc`; empty for the environment (or space) itself. For pages: the whole path. */
  rest: string
  /** The store of `envId`, opened on first use and cached by the server. Throws NotFoundError if absent. */
  readonly space: SpaceStore
  /** The request carried a delivery or preview token (Bearer header or `access_token` query). */
  deliveryTokenOk: boolean
  /** The token was a preview token: the Delivery face answers from the latest drafts (the Preview API). */
  previewTokenOk: boolean
  /** The request carried the management token (Bearer header). */
  managementTokenOk: boolean
  /** The id echoed in `X-Contentful-Request-Id` and in error bodies. */
  requestId: string
  /** Sends a JSON body (Contentful's vendor media type) with the given status. */
  json(status: number, body: unknown, headers?: Record<string, string>): void
  /** Sends a Contentful error body: `{sys:{type:'Error',id}, message, details, requestId}`. */
  error(status: number, id: ErrorId, message: string, details?: unknown): void
  /** Reads the request body (bounded; rejects past the limit with a 413 already sent). */
  body(): Promise<Buffer>
}

/** Answers the request and returns true, or returns false to let the next handler try. */
export type RouteHandler = (ctx: RequestContext) => Promise<boolean>
