// Bulk actions as Contentful runs them: accepted at once (`created`), carried out asynchronously, polled
// until `succeeded` or `failed`. A publish action is all or nothing: if one item fails validation or its
// pinned version is stale, nothing is published and the action reports every failing item.
import { randomUUID } from 'node:crypto'
import type { EmbeddedSpace } from '../../backends/sqlite/embedded-space.ts'
import { HttpError } from '../http-error.ts'
import { assetJson, entryJson } from './shapes.ts'
import { deletedPayload } from './webhooks.ts'

export const BULK_MAX_ITEMS = 200

interface Link {
  sys: { type: 'Link'; linkType: string; id: string }
}

interface BulkItem {
  sys: { type: 'Link'; linkType: 'Entry' | 'Asset'; id: string; version?: number }
}

export interface BulkActionJson {
  sys: {
    type: 'BulkAction'
    id: string
    status: 'created' | 'inProgress' | 'succeeded' | 'failed'
    space: Link
    environment: Link
    createdAt: string
    updatedAt: string
  }
  action: 'publish' | 'unpublish'
  payload: { entities: { sys: { type: 'Array' }; items: BulkItem[] } }
  error?: { sys: { type: 'Error'; id: string }; message: string; details: { errors: unknown[] } }
}

/** Actions are kept for an hour after they finish, enough for any poller. */
const KEEP_MS = 60 * 60 * 1000

/** Told about each entity a bulk action published or unpublished: `Entry.publish` and the like. */
export type BulkEvent = (envId: string, topic: string, payload: Record<string, unknown>) => void

export class BulkActions {
  private readonly actions = new Map<string, BulkActionJson>()

  constructor(private readonly onEvent: BulkEvent = () => {}) {}

  create(
    spaceId: string,
    envId: string,
    space: EmbeddedSpace,
    action: 'publish' | 'unpublish',
    body: unknown,
  ): BulkActionJson {
    const items = (body as { entities?: { items?: BulkItem[] } })?.entities?.items
    if (!Array.isArray(items) || items.length === 0) {
      throw new HttpError(422, 'ValidationFailed', 'entities.items must be a non-empty array of links', {
        errors: [{ name: 'required', path: ['entities', 'items'] }],
      })
    }
    if (items.length > BULK_MAX_ITEMS) {
      throw new HttpError(422, 'ValidationFailed', `at most ${BULK_MAX_ITEMS} items per bulk action`, {
        errors: [{ name: 'size', max: BULK_MAX_ITEMS, path: ['entities', 'items'] }],
      })
    }
    const now = new Date().toISOString()
    const json: BulkActionJson = {
      sys: {
        type: 'BulkAction',
        id: randomUUID().replaceAll('-', ''),
        status: 'created',
        space: { sys: { type: 'Link', linkType: 'Space', id: spaceId } },
        environment: { sys: { type: 'Link', linkType: 'Environment', id: envId } },
        createdAt: now,
        updatedAt: now,
      },
      action,
      payload: { entities: { sys: { type: 'Array' }, items } },
    }
    this.actions.set(json.sys.id, json)
    this.prune()
    // Carried out after the response, as Contentful does: the client learns the outcome by polling. The run
    // is one synchronous transaction, so no poll can see it in progress.
    setTimeout(() => {
      const errors = run(space, action, items)
      if (errors.length === 0) this.announce(spaceId, envId, space, action, items)
      this.actions.set(json.sys.id, {
        ...json,
        sys: {
          ...json.sys,
          status: errors.length ? 'failed' : 'succeeded',
          updatedAt: new Date().toISOString(),
        },
        ...(errors.length
          ? {
              error: {
                sys: { type: 'Error', id: 'BulkActionFailed' },
                message: `${errors.length} of ${items.length} items failed; nothing was ${action}ed`,
                details: { errors },
              },
            }
          : {}),
      })
    }, 10)
    return json
  }

  private announce(
    spaceId: string,
    envId: string,
    space: EmbeddedSpace,
    action: 'publish' | 'unpublish',
    items: BulkItem[],
  ): void {
    const where = { spaceId, envId }
    for (const { sys } of items) {
      const found = sys.linkType === 'Asset' ? space.assets.find(sys.id) : space.entries.find(sys.id)
      if (!found) continue
      const json =
        sys.linkType === 'Asset' ? assetJson(found as never, where) : entryJson(found as never, where)
      const payload =
        action === 'publish'
          ? json
          : deletedPayload(sys.linkType, sys.id, spaceId, envId, json as Record<string, unknown>)
      this.onEvent(envId, `${sys.linkType}.${action}`, payload as Record<string, unknown>)
    }
  }

  get(envId: string, id: string): BulkActionJson | undefined {
    const json = this.actions.get(id)
    return json?.sys.environment.sys.id === envId ? json : undefined
  }

  private prune(): void {
    const cutoff = Date.now() - KEEP_MS
    for (const [id, json] of this.actions) {
      const finished = json.sys.status === 'succeeded' || json.sys.status === 'failed'
      if (finished && Date.parse(json.sys.updatedAt) < cutoff) this.actions.delete(id)
    }
  }
}

/** Applies every item in one transaction; returns the failures (and then rolls everything back). */
function run(space: EmbeddedSpace, action: 'publish' | 'unpublish', items: BulkItem[]): unknown[] {
  const errors: unknown[] = []
  const rollback = new Error('rollback')
  try {
    space.transaction(() => {
      for (const item of items) {
        const { linkType, id, version } = item.sys
        const store = linkType === 'Asset' ? space.assets : space.entries
        try {
          if (action === 'publish') store.publish(id, version)
          else store.unpublish(id, version)
        } catch (err) {
          const e = err as Error & { details?: unknown[] }
          errors.push({
            entity: { sys: { type: 'Link', linkType, id } },
            error: {
              sys: { type: 'Error', id: errorId(e) },
              message: e.message,
              ...(e.details ? { details: { errors: e.details } } : {}),
            },
          })
        }
      }
      if (errors.length) throw rollback
    })
  } catch (err) {
    if (err !== rollback)
      errors.push({ error: { sys: { type: 'Error', id: 'InternalServerError' }, message: String(err) } })
  }
  return errors
}

function errorId(err: Error): string {
  if (err.name === 'ConflictError') return 'VersionMismatch'
  if (err.name === 'NotFoundError') return 'NotFound'
  if (err.name === 'ValidationError') return 'ValidationFailed'
  return 'InternalServerError'
}
