// Webhooks as Contentful fires them: definitions (name, url, topics, filters, headers, basic auth, active)
// kept in `webhooks.json` in the space folder; every matching event is a real HTTP POST with Contentful's
// headers (`X-Contentful-Topic: ContentManagement.Entry.publish`, `X-Contentful-Webhook-Name`) and payload
// (the entity as the Management API shows it; `DeletedEntry` / `DeletedAsset` for unpublish and delete).
// Calls to one webhook go out one after another, in event order; each is logged (status, timing, errors)
// for the `webhooks/{id}/calls` and `/health` endpoints. Without filters a webhook fires for the master
// environment only, as on Contentful.
import { randomUUID } from 'node:crypto'
import { NotFoundError } from '../../backends/port.ts'
import { HttpError } from '../http-error.ts'
import { page } from './listing.ts'
import { ID, jsonBody, newId, noContent, type Route, versionHeader } from './route.ts'
import { collection } from './shapes.ts'
import { SpaceJsonFile } from './space-json-file.ts'

type Filter = Record<string, unknown>

interface WebhookRecord {
  id: string
  name: string
  url: string
  topics: string[]
  filters: Filter[] | null
  headers: { key: string; value?: string; secret?: boolean }[]
  httpBasicUsername: string | null
  httpBasicPassword: string | null
  active: boolean
  version: number
  createdAt: string
  updatedAt: string
}

interface CallRecord {
  id: string
  webhookId: string
  eventType: string
  url: string
  requestAt: string
  responseAt: string
  statusCode: number
  errors: string[]
  request: { url: string; method: 'POST'; headers: Record<string, string>; body: string }
  response: { statusCode: number; headers: Record<string, string>; body: string } | null
}

/** Calls kept per webhook for the delivery log. */
const KEEP_CALLS = 500
const TIMEOUT_MS = 30_000
const link = (linkType: string, id: string) => ({ sys: { type: 'Link', linkType, id } })
const ENTITY_TYPES = new Set(['Entry', 'Asset', 'ContentType'])
const ACTIONS = new Set([
  'create',
  'save',
  'auto_save',
  'archive',
  'unarchive',
  'publish',
  'unpublish',
  'delete',
])

export interface WebhookEvent {
  /** `Entry.publish`, `Asset.delete`, … */
  topic: string
  envId: string
  payload: Record<string, unknown>
}

export class Webhooks {
  private readonly file: SpaceJsonFile<{ webhooks: WebhookRecord[] }>
  private readonly calls = new Map<string, CallRecord[]>()
  private readonly queues = new Map<string, Promise<void>>()

  constructor(
    dir: string,
    private readonly spaceId: string,
  ) {
    this.file = new SpaceJsonFile(dir, 'webhooks.json', () => ({ webhooks: [] }), true)
  }

  list(): WebhookRecord[] {
    return this.file.read().webhooks
  }

  get(id: string): WebhookRecord {
    const w = this.list().find((x) => x.id === id)
    if (!w) throw new NotFoundError(`webhook "${id}" does not exist`)
    return w
  }

  save(
    id: string,
    body: Record<string, unknown>,
    version: number | undefined,
    create: boolean,
  ): WebhookRecord {
    const doc = this.file.read()
    const current = doc.webhooks.find((w) => w.id === id)
    if (current && create) throw new HttpError(409, 'VersionMismatch', `webhook "${id}" already exists`)
    if (current && version !== undefined && version !== current.version) {
      throw new HttpError(
        409,
        'VersionMismatch',
        `webhook "${id}": version ${version} is stale, the current version is ${current.version}`,
      )
    }
    const problems: { name: string; path: string[]; details: string }[] = []
    const name = body.name ?? current?.name
    const url = body.url ?? current?.url
    const topics = body.topics ?? current?.topics
    if (typeof name !== 'string' || !name.trim())
      problems.push({ name: 'required', path: ['name'], details: 'a name is required' })
    if (typeof url !== 'string' || !/^https?:\/\//.test(url))
      problems.push({ name: 'format', path: ['url'], details: 'an http(s) url is required' })
    if (!Array.isArray(topics) || topics.length === 0 || !topics.every(validTopic))
      problems.push({
        name: 'format',
        path: ['topics'],
        details: 'topics are Type.action, either part may be *',
      })
    if (body.filters !== undefined && body.filters !== null && !Array.isArray(body.filters))
      problems.push({ name: 'type', path: ['filters'], details: 'filters must be an array' })
    if (problems.length)
      throw new HttpError(422, 'ValidationFailed', 'the webhook definition is invalid', { errors: problems })
    const now = new Date().toISOString()
    const next: WebhookRecord = {
      id,
      name: name as string,
      url: url as string,
      topics: topics as string[],
      filters: body.filters === undefined ? (current?.filters ?? null) : (body.filters as Filter[] | null),
      headers: Array.isArray(body.headers)
        ? (body.headers as WebhookRecord['headers'])
        : (current?.headers ?? []),
      httpBasicUsername:
        typeof body.httpBasicUsername === 'string'
          ? body.httpBasicUsername
          : (current?.httpBasicUsername ?? null),
      httpBasicPassword:
        typeof body.httpBasicPassword === 'string'
          ? body.httpBasicPassword
          : (current?.httpBasicPassword ?? null),
      active: typeof body.active === 'boolean' ? body.active : (current?.active ?? true),
      version: (current?.version ?? 0) + 1,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
    }
    doc.webhooks = [...doc.webhooks.filter((w) => w.id !== id), next]
    this.file.write(doc)
    return next
  }

  delete(id: string): void {
    this.get(id)
    const doc = this.file.read()
    doc.webhooks = doc.webhooks.filter((w) => w.id !== id)
    this.file.write(doc)
    this.calls.delete(id)
  }

  json(w: WebhookRecord) {
    return {
      name: w.name,
      url: w.url,
      topics: w.topics,
      filters: w.filters,
      // Secret header values are never shown again, as on Contentful.
      headers: w.headers.map((h) => (h.secret ? { key: h.key, secret: true } : h)),
      httpBasicUsername: w.httpBasicUsername,
      active: w.active,
      sys: {
        type: 'WebhookDefinition',
        id: w.id,
        version: w.version,
        space: link('Space', this.spaceId),
        createdBy: link('User', 'local'),
        updatedBy: link('User', 'local'),
        createdAt: w.createdAt,
        updatedAt: w.updatedAt,
      },
    }
  }

  callsOf(id: string): CallRecord[] {
    this.get(id)
    return this.calls.get(id) ?? []
  }

  /** Queues the POSTs for every active webhook the event matches; returns at once. */
  emit(event: WebhookEvent): void {
    for (const w of this.list()) {
      if (!w.active || !w.topics.some((t) => topicMatches(t, event.topic))) continue
      if (!filtersMatch(w.filters, event)) continue
      const previous = this.queues.get(w.id) ?? Promise.resolve()
      const next = previous.then(() => this.call(w, event))
      this.queues.set(w.id, next)
    }
  }

  /** Resolves once every queued call has been made (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.queues.values()])
  }

  private async call(w: WebhookRecord, event: WebhookEvent): Promise<void> {
    const body = JSON.stringify(event.payload)
    const headers: Record<string, string> = {
      'content-type': 'application/vnd.contentful.management.v1+json',
      'x-contentful-topic': `ContentManagement.${event.topic}`,
      'x-contentful-webhook-name': w.name,
      'x-contentful-webhook-request-attempt': '1',
      'x-contentful-crn': `crn:contentful:::content:spaces/${this.spaceId}/environments/${event.envId}`,
    }
    for (const h of w.headers)
      if (h.key && typeof h.value === 'string') headers[h.key.toLowerCase()] = h.value
    if (w.httpBasicUsername !== null) {
      headers.authorization = `Basic ${Buffer.from(`${w.httpBasicUsername}:${w.httpBasicPassword ?? ''}`).toString('base64')}`
    }
    const requestAt = new Date().toISOString()
    const record: CallRecord = {
      id: randomUUID().replaceAll('-', ''),
      webhookId: w.id,
      eventType: event.topic,
      url: w.url,
      requestAt,
      responseAt: requestAt,
      statusCode: 0,
      errors: [],
      // The log never shows secret header values or the basic auth password.
      request: { url: w.url, method: 'POST', headers: redact(headers, w), body },
      response: null,
    }
    try {
      const res = await fetch(w.url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
      const text = await res.text()
      record.statusCode = res.status
      record.response = {
        statusCode: res.status,
        headers: Object.fromEntries(res.headers),
        body: text.slice(0, 10_000),
      }
      if (!res.ok) record.errors.push(`HTTP ${res.status}`)
    } catch (err) {
      record.errors.push((err as Error).name === 'TimeoutError' ? 'Timeout' : String((err as Error).message))
    }
    record.responseAt = new Date().toISOString()
    const list = this.calls.get(w.id) ?? []
    list.unshift(record)
    this.calls.set(w.id, list.slice(0, KEEP_CALLS))
  }
}

function redact(headers: Record<string, string>, w: WebhookRecord): Record<string, string> {
  const out = { ...headers }
  for (const h of w.headers) if (h.secret) out[h.key.toLowerCase()] = '***'
  if (out.authorization) out.authorization = 'Basic ***'
  return out
}

function validTopic(t: unknown): boolean {
  if (typeof t !== 'string') return false
  const [type, action, extra] = t.split('.')
  if (extra !== undefined || !type || !action) return false
  return (type === '*' || ENTITY_TYPES.has(type)) && (action === '*' || ACTIONS.has(action))
}

function topicMatches(pattern: string, topic: string): boolean {
  const [pt, pa] = pattern.split('.')
  const [tt, ta] = topic.split('.')
  return (pt === '*' || pt === tt) && (pa === '*' || pa === ta)
}

/** The values a filter can test, as Contentful names them (`sys.environment.sys.id`, …). */
function doc(event: WebhookEvent, path: string): string | undefined {
  const sys = (event.payload.sys ?? {}) as Record<string, { sys?: { id?: string } } | string>
  switch (path) {
    case 'sys.id':
      return sys.id as string
    case 'sys.environment.sys.id':
      return event.envId
    case 'sys.contentType.sys.id':
      return (sys.contentType as { sys?: { id?: string } } | undefined)?.sys?.id
    case 'sys.createdBy.sys.id':
    case 'sys.updatedBy.sys.id':
      return 'local'
    default:
      return undefined
  }
}

function filterMatches(f: Filter, event: WebhookEvent): boolean {
  if ('not' in f) return !filterMatches(f.not as Filter, event)
  const [op] = Object.keys(f)
  const args = f[op as string] as [{ doc: string }, unknown]
  const value = doc(event, args?.[0]?.doc)
  if (op === 'equals') return value === args[1]
  if (op === 'in') return Array.isArray(args[1]) && (args[1] as unknown[]).includes(value)
  if (op === 'regexp') {
    const pattern = (args[1] as { pattern?: string })?.pattern
    return typeof pattern === 'string' && value !== undefined && new RegExp(pattern).test(value)
  }
  return false
}

function filtersMatch(filters: Filter[] | null, event: WebhookEvent): boolean {
  if (!filters || filters.length === 0) return event.envId === 'master'
  return filters.every((f) => filterMatches(f, event))
}

function callOverview(c: CallRecord) {
  return {
    statusCode: c.statusCode,
    errors: c.errors,
    eventType: c.eventType,
    url: c.url,
    requestAt: c.requestAt,
    responseAt: c.responseAt,
    sys: { type: 'WebhookCallOverview', id: c.id, createdBy: link('User', 'local') },
  }
}

/** Routes under `/spaces/local`. */
export function webhookRoutes(hooks: Webhooks): Route[] {
  return [
    [
      'GET',
      /^\/webhook_definitions$/,
      (ctx) =>
        ctx.json(
          200,
          page(
            ctx,
            hooks.list().map((w) => hooks.json(w)),
          ),
        ),
    ],
    [
      'POST',
      /^\/webhook_definitions$/,
      async (ctx) => ctx.json(201, hooks.json(hooks.save(newId(), await jsonBody(ctx), undefined, true))),
    ],
    [
      'GET',
      new RegExp(`^/webhook_definitions/${ID}$`),
      (ctx, [, id = '']) => ctx.json(200, hooks.json(hooks.get(id))),
    ],
    [
      'PUT',
      new RegExp(`^/webhook_definitions/${ID}$`),
      async (ctx, [, id = '']) => {
        const existed = hooks.list().some((w) => w.id === id)
        const saved = hooks.save(id, await jsonBody(ctx), versionHeader(ctx), false)
        ctx.json(existed ? 200 : 201, hooks.json(saved))
      },
    ],
    [
      'DELETE',
      new RegExp(`^/webhook_definitions/${ID}$`),
      (ctx, [, id = '']) => {
        hooks.delete(id)
        noContent(ctx)
      },
    ],
    [
      'GET',
      new RegExp(`^/webhooks/${ID}/calls$`),
      (ctx, [, id = '']) => ctx.json(200, collection(hooks.callsOf(id).map(callOverview))),
    ],
    [
      'GET',
      new RegExp(`^/webhooks/${ID}/calls/${ID}$`),
      (ctx, [, id = '', callId = '']) => {
        const call = hooks.callsOf(id).find((c) => c.id === callId)
        if (!call) throw new HttpError(404, 'NotFound', `webhook call "${callId}" does not exist`)
        ctx.json(200, {
          ...callOverview(call),
          request: call.request,
          response: call.response,
          sys: { type: 'WebhookCallDetails', id: call.id },
        })
      },
    ],
    [
      'GET',
      new RegExp(`^/webhooks/${ID}/health$`),
      (ctx, [, id = '']) => {
        const calls = hooks.callsOf(id)
        ctx.json(200, {
          calls: { total: calls.length, healthy: calls.filter((c) => c.errors.length === 0).length },
          sys: { type: 'Webhook', id },
        })
      },
    ],
  ]
}

/** The event a Management request caused, from its method and path, or undefined for reads and others. */
export function eventOf(
  method: string,
  rest: string,
  status: number,
): { type: string; action: string; id?: string } | undefined {
  const m = /^\/(entries|assets|content_types)(?:\/([^/]+))?(\/published|\/archived)?$/.exec(rest)
  if (!m || status < 200 || status > 299) return undefined
  const type = m[1] === 'entries' ? 'Entry' : m[1] === 'assets' ? 'Asset' : 'ContentType'
  const [, , id, state] = m
  if (state === '/published')
    return { type, action: method === 'PUT' ? 'publish' : 'unpublish', ...(id ? { id } : {}) }
  if (state === '/archived')
    return { type, action: method === 'PUT' ? 'archive' : 'unarchive', ...(id ? { id } : {}) }
  if (method === 'POST' && !id) return { type, action: 'create' }
  if (method === 'PUT' && id) return { type, action: status === 201 ? 'create' : 'save', id }
  if (method === 'DELETE' && id) return { type, action: 'delete', id }
  return undefined
}

/** `DeletedEntry`-style payload of an unpublish or delete. */
export function deletedPayload(
  type: string,
  id: string,
  spaceId: string,
  envId: string,
  entity?: Record<string, unknown>,
) {
  const now = new Date().toISOString()
  const sys = (entity?.sys ?? {}) as Record<string, unknown>
  return {
    sys: {
      type: `Deleted${type}`,
      id,
      space: link('Space', spaceId),
      environment: link('Environment', envId),
      ...(sys.contentType ? { contentType: sys.contentType } : {}),
      ...(typeof sys.publishedCounter === 'number' ? { revision: sys.publishedCounter } : {}),
      createdAt: (sys.createdAt as string | undefined) ?? now,
      updatedAt: now,
      deletedAt: now,
    },
  }
}
