// The Sync API (`GET …/sync`): an initial sync pages through everything delivered now; each answer ends in a
// `nextPageUrl` (more of this sync) or a `nextSyncUrl` (done; its token fetches what changed since). A delta
// reads the delivery log after the token's position and answers each changed entity once, as it is now:
// delivered, or `DeletedEntry` / `DeletedAsset`. Items carry every locale. A token is self-contained (log
// position, filters, page cursor), so it stays valid after the server restarts.
import type { DeliveryChange } from '../../backends/sqlite/delivery-log.ts'
import type { SyncView } from './engine.ts'
import { DeliveryError } from './errors.ts'
import type { Json } from './shape.ts'

export type SyncType = 'all' | 'Entry' | 'Asset' | 'Deletion' | 'DeletedEntry' | 'DeletedAsset'
const TYPES = new Set<SyncType>(['all', 'Entry', 'Asset', 'Deletion', 'DeletedEntry', 'DeletedAsset'])
const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000

interface Token {
  v: 1
  /** The environment the sync belongs to. */
  env: string
  /** Position in the delivery log this sync continues from. */
  seq: number
  type: SyncType
  ct?: string
  limit: number
  /** During an initial sync: the last item handed out (`Entry:id` or `Asset:id`). */
  after?: string
}

export interface SyncSource {
  view: SyncView
  /** Changes after a position, oldest first. */
  changesAfter(seq: number, limit: number): DeliveryChange[]
  head(): number
  spaceId: string
  envId: string
  /** `http://127.0.0.1:4000/spaces/local/environments/master`: where next*Url point. */
  baseUrl: string
}

const bad = (message: string) => new DeliveryError(400, 'BadRequest', message)

function encode(token: Token): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url')
}

function decode(raw: string, envId: string): Token {
  let token: Token
  try {
    token = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
  } catch {
    throw bad('The sync token is not valid.')
  }
  if (
    token?.v !== 1 ||
    typeof token.seq !== 'number' ||
    !TYPES.has(token.type) ||
    typeof token.limit !== 'number' ||
    typeof token.env !== 'string'
  ) {
    throw bad('The sync token is not valid.')
  }
  if (token.env !== envId) throw bad(`The sync token belongs to environment "${token.env}", not "${envId}".`)
  return token
}

function firstToken(params: URLSearchParams, src: SyncSource): Token {
  if (params.get('initial') !== 'true') {
    throw bad('A sync request needs initial=true or a sync_token.')
  }
  const type = (params.get('type') ?? 'all') as SyncType
  if (!TYPES.has(type)) throw bad(`Unknown sync type "${type}": use ${[...TYPES].join(', ')}.`)
  const ct = params.get('content_type') ?? undefined
  if (ct !== undefined && type !== 'Entry') throw bad('content_type needs type=Entry.')
  const rawLimit = params.get('limit')
  const limit = rawLimit === null ? DEFAULT_LIMIT : Number(rawLimit)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw bad(`limit must be an integer from 1 to ${MAX_LIMIT}, got "${rawLimit}".`)
  for (const name of params.keys()) {
    if (!['initial', 'type', 'content_type', 'limit', 'access_token', 'locale'].includes(name))
      throw bad(`Unsupported sync parameter "${name}".`)
  }
  return { v: 1, env: src.envId, seq: src.head(), type, ...(ct ? { ct } : {}), limit }
}

const wantsEntries = (t: Token) => t.type === 'all' || t.type === 'Entry'
const wantsAssets = (t: Token) => t.type === 'all' || t.type === 'Asset'
const wantsDeletedEntries = (t: Token) =>
  t.type === 'all' || t.type === 'Deletion' || t.type === 'DeletedEntry'
const wantsDeletedAssets = (t: Token) =>
  t.type === 'all' || t.type === 'Deletion' || t.type === 'DeletedAsset'

function deleted(src: SyncSource, c: DeliveryChange): Json {
  const link = (linkType: string, id: string) => ({ sys: { type: 'Link', linkType, id } })
  return {
    sys: {
      type: c.entityType === 'Entry' ? 'DeletedEntry' : 'DeletedAsset',
      id: c.entityId,
      space: link('Space', src.spaceId),
      environment: link('Environment', src.envId),
      createdAt: c.at,
      updatedAt: c.at,
      deletedAt: c.at,
    },
  }
}

function initialPage(src: SyncSource, token: Token): { items: Json[]; next: Token | undefined } {
  const keys: string[] = []
  if (wantsEntries(token)) {
    for (const e of src.view.entries())
      if (!token.ct || e.contentTypeId === token.ct) keys.push(`Entry:${e.id}`)
  }
  if (wantsAssets(token)) for (const a of src.view.assets()) keys.push(`Asset:${a.id}`)
  // Entries before assets, each by id: a cursor that stays meaningful while content changes between pages.
  keys.sort((a, b) =>
    a.startsWith('Entry:') === b.startsWith('Entry:') ? (a < b ? -1 : 1) : a.startsWith('Entry:') ? -1 : 1,
  )
  const after = token.after
  const rest = after === undefined ? keys : keys.filter((k) => isAfter(k, after))
  const chosen = rest.slice(0, token.limit)
  const items = chosen.flatMap((k) => {
    const [kind, id] = split(k)
    const item = kind === 'Entry' ? src.view.entry(id) : src.view.asset(id)
    return item ? [item] : []
  })
  const next =
    rest.length > chosen.length ? { ...token, after: chosen[chosen.length - 1] as string } : undefined
  return { items, next }
}

function split(key: string): [string, string] {
  const i = key.indexOf(':')
  return [key.slice(0, i), key.slice(i + 1)]
}

function isAfter(key: string, cursor: string): boolean {
  const ke = key.startsWith('Entry:')
  const ce = cursor.startsWith('Entry:')
  if (ke !== ce) return ce
  return key > cursor
}

const BATCH = 5000

function deltaPage(src: SyncSource, token: Token): { items: Json[]; next: Token | undefined; seq: number } {
  const latest = new Map<string, DeliveryChange>()
  let seq = token.seq
  let more = false
  scan: for (;;) {
    const batch = src.changesAfter(seq, BATCH)
    if (batch.length === 0) break
    for (const c of batch) {
      const key = `${c.entityType}:${c.entityId}`
      if (!latest.has(key) && latest.size >= token.limit) {
        more = true
        break scan
      }
      latest.set(key, c)
      seq = c.seq
    }
  }
  const items: Json[] = []
  for (const c of latest.values()) {
    const now = c.entityType === 'Entry' ? src.view.entry(c.entityId) : src.view.asset(c.entityId)
    if (now) {
      if (c.entityType === 'Entry' ? !wantsEntries(token) : !wantsAssets(token)) continue
      const ct = (now.sys as { contentType?: { sys: { id: string } } }).contentType?.sys.id
      if (token.ct && ct !== token.ct) continue
      items.push(now)
    } else {
      if (c.entityType === 'Entry' ? !wantsDeletedEntries(token) : !wantsDeletedAssets(token)) continue
      if (token.ct && c.contentTypeId !== token.ct) continue
      items.push(deleted(src, c))
    }
  }
  return { items, next: more ? { ...token, seq } : undefined, seq }
}

/** Answers one `/sync` request. */
export function sync(src: SyncSource, params: URLSearchParams): Json {
  const raw = params.get('sync_token')
  const token = raw === null ? firstToken(params, src) : decode(raw, src.envId)
  const url = (t: Token) => `${src.baseUrl}/sync?sync_token=${encode(t)}`
  if (raw === null || token.after !== undefined) {
    const { items, next } = initialPage(src, raw === null ? token : token)
    if (next) return { sys: { type: 'Array' }, items, nextPageUrl: url(next) }
    const { after: _after, ...done } = token
    return { sys: { type: 'Array' }, items, nextSyncUrl: url(done) }
  }
  const { items, next, seq } = deltaPage(src, token)
  if (next) return { sys: { type: 'Array' }, items, nextPageUrl: url(next) }
  return { sys: { type: 'Array' }, items, nextSyncUrl: url({ ...token, seq }) }
}
