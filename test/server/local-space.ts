// A served embedded space for tests that drive the faces through Contentful's official clients over real
// HTTP: `contentful-management` (plain client) for the Management face, `contentful` for Delivery.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ExecutionContext } from 'ava'
import { createClient as createDeliveryClient } from 'contentful'
import { createClient } from 'contentful-management'
import { type LocalServerOptions, startLocalServer } from '../../src/server/management/local-server.ts'

export const MT = 'management-token-for-tests'
export const DT = 'delivery-token-for-tests'
export const PT = 'preview-token-for-tests'

// biome-ignore lint/suspicious/noExplicitAny: response bodies are inspected loosely
export type AnyJson = any

const root = mkdtempSync(join(tmpdir(), 'kb-cms-face-'))
process.on('exit', () => rmSync(root, { recursive: true, force: true }))
let n = 0

export function spaceFolder(): string {
  return join(root, `s${++n}`)
}

export async function serveSpace(t: ExecutionContext, options: Partial<LocalServerOptions> = {}) {
  const spaceDir = options.spaceDir ?? spaceFolder()
  const server = await startLocalServer({
    managementToken: MT,
    deliveryToken: DT,
    ...options,
    spaceDir,
  })
  t.teardown(() => server.close())
  const base = `http://${server.hostPort}/spaces/local/environments/master`
  /** A raw request: the management token unless `token` says otherwise (null: none). */
  const call = (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const headers = new Headers(init.headers)
    if (init.token !== null) headers.set('authorization', `Bearer ${init.token ?? MT}`)
    if (init.body && !headers.has('content-type')) {
      headers.set('content-type', 'application/vnd.contentful.management.v1+json')
    }
    return fetch(path.startsWith('http') ? path : `${base}${path}`, { ...init, headers })
  }
  const cma = createClient(
    {
      accessToken: MT,
      host: server.hostPort,
      hostUpload: server.hostPort,
      insecure: true,
      retryOnError: false,
    },
    { type: 'plain', defaults: { spaceId: 'local', environmentId: 'master' } },
  )
  const cda = (extra: { accessToken?: string; host?: string } = {}) =>
    createDeliveryClient({
      space: 'local',
      accessToken: DT,
      host: server.hostPort,
      insecure: true,
      retryOnError: false,
      ...extra,
    })
  /** `http://host/spaces/local`: for space-level paths. */
  const root = `http://${server.hostPort}/spaces/local`
  /** Waits until every webhook call queued so far has been made. */
  const webhooksIdle = () => server.webhooks.idle()
  return { server, spaceDir, base, root, call, cma, cda, webhooksIdle }
}

export type Served = Awaited<ReturnType<typeof serveSpace>>

/** A `person` content type (name, bio as Rich Text, age), created and activated through the SDK. */
export async function withPerson(cma: Served['cma']) {
  const ct = await cma.contentType.createWithId(
    { contentTypeId: 'person' },
    {
      name: 'Person',
      displayField: 'name',
      fields: [
        { id: 'name', name: 'Name', type: 'Symbol', required: true, localized: false },
        { id: 'bio', name: 'Bio', type: 'RichText', required: false, localized: false },
        { id: 'age', name: 'Age', type: 'Integer', required: false, localized: false },
      ],
    },
  )
  return cma.contentType.publish({ contentTypeId: 'person' }, ct)
}

/** A Rich Text document with one paragraph per text. */
export function richText(...paragraphs: string[]) {
  return {
    nodeType: 'document',
    data: {},
    content: paragraphs.map((value) => ({
      nodeType: 'paragraph',
      data: {},
      content: [{ nodeType: 'text', value, marks: [], data: {} }],
    })),
  }
}

/** A 1×1 PNG: the smallest real image. */
export const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

/** Uploads bytes, creates the asset on them, processes it (polling until it has a url) and publishes it. */
export async function publishedAsset(
  cma: Served['cma'],
  id: string,
  bytes: Buffer = PIXEL_PNG,
  contentType = 'image/png',
) {
  const upload = await cma.upload.create({}, { file: bytes as unknown as ArrayBuffer })
  let asset = await cma.asset.createWithId(
    { assetId: id },
    {
      fields: {
        title: { 'en-US': id },
        file: {
          'en-US': {
            fileName: `${id}.png`,
            contentType,
            uploadFrom: { sys: { type: 'Link', linkType: 'Upload', id: upload.sys.id } },
          },
        },
      },
    },
  )
  asset = await cma.asset.processForAllLocales({}, asset)
  return cma.asset.publish({ assetId: id }, asset)
}
