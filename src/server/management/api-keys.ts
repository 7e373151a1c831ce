// API keys as Contentful's Management API keeps them: each Delivery API key has a Preview API key made with
// it; both carry an access token the faces then accept (Delivery: published content; Preview: drafts). They
// live in `api-keys.json` in the space folder (owner-readable only), so they outlive the server.
import { randomBytes } from 'node:crypto'
import { NotFoundError } from '../../backends/port.ts'
import { HttpError } from '../http-error.ts'
import { page } from './listing.ts'
import { ID, jsonBody, newId, noContent, type Route, versionHeader } from './route.ts'
import { SpaceJsonFile } from './space-json-file.ts'

interface KeyRecord {
  id: string
  name: string
  description: string | null
  accessToken: string
  environments: string[]
  previewId: string
  previewToken: string
  version: number
  createdAt: string
  updatedAt: string
}

const link = (linkType: string, id: string) => ({ sys: { type: 'Link', linkType, id } })

export class ApiKeys {
  private readonly file: SpaceJsonFile<{ keys: KeyRecord[] }>
  constructor(dir: string) {
    this.file = new SpaceJsonFile(dir, 'api-keys.json', () => ({ keys: [] }), true)
  }

  list(): KeyRecord[] {
    return this.file.read().keys
  }

  /** The tokens the faces accept besides the configured ones. */
  /** Each token → the environments its key opens. */
  tokens(): { delivery: Map<string, string[]>; preview: Map<string, string[]> } {
    const keys = this.list()
    return {
      delivery: new Map(keys.map((k) => [k.accessToken, k.environments])),
      preview: new Map(keys.map((k) => [k.previewToken, k.environments])),
    }
  }

  get(id: string): KeyRecord {
    const key = this.list().find((k) => k.id === id)
    if (!key) throw new NotFoundError(`API key "${id}" does not exist`)
    return key
  }

  preview(id: string): KeyRecord {
    const key = this.list().find((k) => k.previewId === id)
    if (!key) throw new NotFoundError(`preview API key "${id}" does not exist`)
    return key
  }

  save(body: Record<string, unknown>, id: string | undefined, version: number | undefined): KeyRecord {
    const doc = this.file.read()
    const current = id === undefined ? undefined : doc.keys.find((k) => k.id === id)
    if (id !== undefined && !current) throw new NotFoundError(`API key "${id}" does not exist`)
    if (current && version !== undefined && version !== current.version) {
      throw new HttpError(
        409,
        'VersionMismatch',
        `API key "${id}": version ${version} is stale, the current version is ${current.version}`,
      )
    }
    const name = body.name ?? current?.name
    if (typeof name !== 'string' || name.trim() === '') {
      throw new HttpError(422, 'ValidationFailed', 'an API key needs a name', {
        errors: [{ name: 'required', path: ['name'] }],
      })
    }
    const envs = Array.isArray(body.environments)
      ? (body.environments as { sys?: { id?: unknown } }[])
          .map((e) => e?.sys?.id)
          .filter((x): x is string => typeof x === 'string')
      : (current?.environments ?? ['master'])
    const now = new Date().toISOString()
    const token = () => randomBytes(24).toString('base64url')
    const next: KeyRecord = {
      id: current?.id ?? newId(),
      name,
      description: typeof body.description === 'string' ? body.description : (current?.description ?? null),
      accessToken: current?.accessToken ?? token(),
      environments: envs,
      previewId: current?.previewId ?? newId(),
      previewToken: current?.previewToken ?? token(),
      version: (current?.version ?? 0) + 1,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
    }
    doc.keys = [...doc.keys.filter((k) => k.id !== next.id), next]
    this.file.write(doc)
    return next
  }

  delete(id: string): void {
    const doc = this.file.read()
    this.get(id)
    doc.keys = doc.keys.filter((k) => k.id !== id)
    this.file.write(doc)
  }
}

function sys(type: string, id: string, k: KeyRecord, spaceId: string) {
  return {
    type,
    id,
    version: k.version,
    space: link('Space', spaceId),
    createdAt: k.createdAt,
    updatedAt: k.updatedAt,
    createdBy: link('User', 'local'),
    updatedBy: link('User', 'local'),
  }
}

function apiKeyJson(k: KeyRecord, spaceId: string) {
  return {
    name: k.name,
    description: k.description,
    accessToken: k.accessToken,
    policies: [{ effect: 'allow', actions: 'all' }],
    environments: k.environments.map((e) => link('Environment', e)),
    preview_api_key: link('PreviewApiKey', k.previewId),
    sys: sys('ApiKey', k.id, k, spaceId),
  }
}

function previewKeyJson(k: KeyRecord, spaceId: string) {
  return {
    name: k.name,
    description: k.description,
    accessToken: k.previewToken,
    policies: [{ effect: 'allow', actions: 'all' }],
    environments: k.environments.map((e) => link('Environment', e)),
    sys: sys('PreviewApiKey', k.previewId, k, spaceId),
  }
}

/** Routes under `/spaces/local`. */
export function apiKeyRoutes(keys: ApiKeys): Route[] {
  return [
    [
      'GET',
      /^\/api_keys$/,
      (ctx) =>
        ctx.json(
          200,
          page(
            ctx,
            keys.list().map((k) => apiKeyJson(k, ctx.spaceId)),
          ),
        ),
    ],
    [
      'POST',
      /^\/api_keys$/,
      async (ctx) =>
        ctx.json(201, apiKeyJson(keys.save(await jsonBody(ctx), undefined, undefined), ctx.spaceId)),
    ],
    [
      'GET',
      new RegExp(`^/api_keys/${ID}$`),
      (ctx, [, id = '']) => ctx.json(200, apiKeyJson(keys.get(id), ctx.spaceId)),
    ],
    [
      'PUT',
      new RegExp(`^/api_keys/${ID}$`),
      async (ctx, [, id = '']) =>
        ctx.json(200, apiKeyJson(keys.save(await jsonBody(ctx), id, versionHeader(ctx)), ctx.spaceId)),
    ],
    [
      'DELETE',
      new RegExp(`^/api_keys/${ID}$`),
      (ctx, [, id = '']) => {
        keys.delete(id)
        noContent(ctx)
      },
    ],
    [
      'GET',
      /^\/preview_api_keys$/,
      (ctx) =>
        ctx.json(
          200,
          page(
            ctx,
            keys.list().map((k) => previewKeyJson(k, ctx.spaceId)),
          ),
        ),
    ],
    [
      'GET',
      new RegExp(`^/preview_api_keys/${ID}$`),
      (ctx, [, id = '']) => ctx.json(200, previewKeyJson(keys.preview(id), ctx.spaceId)),
    ],
  ]
}
