// The Delivery face over HTTP, read with the official `contentful` client exactly as the site would.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import test from 'ava'
import { createClient } from 'contentful'
import type {
  TypeNoteSkeleton,
  TypeTroubleshootingArticleSkeleton,
} from '../../src/generated/content-types.ts'
import type { RunningServer } from '../../src/server/server.ts'
import { corpusTest } from '../helpers/corpus.ts'
import { corpusSpaceCopy } from '../helpers/corpus-space.ts'
import { DELIVERY_TOKEN, MANAGEMENT_TOKEN, repoRoot, seededSpace, serve } from './delivery-fixture.ts'

let space: Awaited<ReturnType<typeof seededSpace>>
let server: RunningServer

test.before(async () => {
  space = await seededSpace(join(repoRoot, 'content'))
  server = await serve(space.dir)
})
test.after.always(async () => {
  await server?.close()
  await space?.cleanup()
})

const client = () =>
  createClient({ space: 'local', accessToken: DELIVERY_TOKEN, host: server.hostPort, insecure: true })
const api = (path: string, init: RequestInit = {}) =>
  fetch(`http://${server.hostPort}/spaces/local/environments/master${path}`, init)
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })

test('the client fetches an article by slug with its resolutions, steps, banner and screenshots resolved', async (t) => {
  const { items, includes } =
    await client().withoutUnresolvableLinks.getEntries<TypeTroubleshootingArticleSkeleton>({
      content_type: 'troubleshootingArticle',
      'fields.slug': 'articles/attachments-fail-to-upload',
      include: 3,
    })
  t.is(items.length, 1)
  t.truthy(includes)
  const article = items[0] as NonNullable<(typeof items)[0]>
  t.is(article.sys.type, 'Entry')
  t.is(article.sys.contentType.sys.id, 'troubleshootingArticle')
  t.is(article.sys.locale, 'en-US')
  t.is(article.fields.slug, 'articles/attachments-fail-to-upload')

  const resolutions = article.fields.resolutions ?? []
  t.true(resolutions.length >= 2)
  const steps = resolutions.flatMap((r) => r?.fields.steps ?? [])
  t.true(steps.length > 0)
  for (const step of steps) t.is(step?.fields.instruction.nodeType as string, 'document')
  const images = steps.flatMap((s) => s?.fields.images ?? [])
  t.true(images.length > 0, 'step screenshots come back as assets')

  const banner = article.fields.ctaBanner
  t.is(banner?.sys.contentType.sys.id, 'ctaBanner')
  t.regex(banner?.fields.url ?? '', /^https:\/\//)
  t.truthy(banner?.fields.image?.fields.file, 'the banner image is resolved')

  // Asset urls are protocol-relative on this server, as Contentful's are on its CDN, and serve the bytes.
  for (const asset of [...images, banner?.fields.image]) {
    const url = asset?.fields.file?.url as string
    t.true(url.startsWith(`//${server.hostPort}/assets/`), url)
    const response = await fetch(`http:${url}`)
    t.is(response.status, 200)
    t.is(response.headers.get('content-type'), asset?.fields.file?.contentType as string)
    const name = asset?.fields.file?.fileName as string
    t.deepEqual(
      Buffer.from(await response.arrayBuffer()),
      readFileSync(join(repoRoot, 'content', 'assets', name)),
    )
  }
})

test('include counts levels as the CDA does: include 2 stops before the step screenshots', async (t) => {
  const response = await api(
    '/entries?content_type=troubleshootingArticle&fields.slug=articles/attachments-fail-to-upload&include=2',
    bearer(DELIVERY_TOKEN),
  )
  type Item = { sys: { id: string; contentType: { sys: { id: string } } }; fields: unknown }
  const body = (await response.json()) as {
    items: Item[]
    includes: { Entry: Item[]; Asset?: { sys: { id: string } }[] }
  }
  const types = new Set(body.includes.Entry.map((e) => e.sys.contentType.sys.id))
  t.true(types.has('resolution') && types.has('resolutionStep') && types.has('ctaBanner'))
  // Level 0 is the article, level 1 what it links to; assets linked from those are level ≤ 2 and included.
  // Assets linked only from steps (article → resolution → step → image) are level 3 and must not be.
  const article = body.items[0] as Item
  const levelOne = body.includes.Entry.filter((e) => linkIds(article.fields, 'Entry').has(e.sys.id))
  const withinTwo = new Set([article, ...levelOne].flatMap((e) => [...linkIds(e.fields, 'Asset')]))
  const stepOnly = body.includes.Entry.filter((e) => e.sys.contentType.sys.id === 'resolutionStep')
    .flatMap((e) => [...linkIds(e.fields, 'Asset')])
    .filter((id) => !withinTwo.has(id))
  t.true(stepOnly.length > 0, 'the article has step screenshots')
  t.deepEqual(new Set(body.includes.Asset?.map((a) => a.sys.id)), withinTwo)
})

/** Ids of every link of one type anywhere in a JSON value (fields and rich text alike). */
function linkIds(value: unknown, linkType: 'Entry' | 'Asset', ids = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) linkIds(v, linkType, ids)
  else if (value && typeof value === 'object') {
    const sys = (value as { sys?: { type?: string; linkType?: string; id?: string } }).sys
    if (sys?.type === 'Link' && sys.linkType === linkType && sys.id) ids.add(sys.id)
    for (const v of Object.values(value)) linkIds(v, linkType, ids)
  }
  return ids
}

test('the client reads entries, assets and content types by id', async (t) => {
  const c = client()
  const entry = await c.getEntry<TypeNoteSkeleton>(
    (await c.getEntries({ content_type: 'note', limit: 1 })).items[0]?.sys.id as string,
  )
  t.is(entry.sys.contentType.sys.id, 'note')
  const assets = await c.getAssets({ mimetype_group: 'image' })
  t.true(assets.total > 0)
  const asset = await c.getAsset(assets.items[0]?.sys.id as string)
  t.is(asset.sys.type, 'Asset')
  const types = await c.getContentTypes()
  t.deepEqual(types.items.map((ct) => ct.sys.id).sort(), [
    'ctaBanner',
    'navigationMenu',
    'note',
    'page',
    'redirect',
    'resolution',
    'resolutionStep',
    'troubleshootingArticle',
  ])
  const article = await c.getContentType('troubleshootingArticle')
  t.is(article.displayField, 'title')
  await t.throwsAsync(c.getEntry('no-such-entry'), { message: /could not be found/ })
})

test('only published content is delivered, and a publish shows up on the next request', async (t) => {
  const c = client()
  const { backend } = space
  const fields = {
    kind: { 'en-US': 'tip' },
    title: { 'en-US': 'Draft note' },
    body: { 'en-US': { nodeType: 'document', data: {}, content: [] } },
  }
  const draft = await backend.putEntry({ id: 'delivery-draft-note', contentTypeId: 'note', fields })
  const find = () => c.getEntries({ content_type: 'note', 'sys.id': 'delivery-draft-note' })
  t.is((await find()).total, 0, 'a draft is invisible')
  await backend.publish([{ linkType: 'Entry', id: draft.sys.id, version: draft.sys.version }])
  t.is((await find()).items[0]?.fields.title, 'Draft note')
  const published = (await backend.getEntries({ ids: [draft.sys.id] })).items[0]
  const edited = { ...fields, title: { 'en-US': 'Edited, not published' } }
  await backend.putEntry({ id: draft.sys.id, contentTypeId: 'note', fields: edited }, published?.sys.version)
  t.is((await find()).items[0]?.fields.title, 'Draft note', 'the published snapshot, not the draft')
  const current = (await backend.getEntries({ ids: [draft.sys.id] })).items[0]
  await backend.unpublish({ linkType: 'Entry', id: draft.sys.id, version: current?.sys.version as number })
  t.is((await find()).total, 0, 'unpublished is gone')
})

test('the delivery token is required: bearer header or access_token query; other tokens are refused', async (t) => {
  const none = await api('/entries')
  t.is(none.status, 401)
  t.is(((await none.json()) as { sys: { id: string } }).sys.id, 'AccessTokenInvalid')
  t.is((await api('/entries', bearer('wrong'))).status, 401)
  t.is((await api(`/entries?access_token=${DELIVERY_TOKEN}&limit=1`)).status, 200)
  // The management token gets Management semantics (drafts), not the Delivery face.
  const management = await api('/entries?content_type=note&limit=1', bearer(MANAGEMENT_TOKEN))
  t.not(management.headers.get('content-type'), 'application/vnd.contentful.delivery.v1+json')
})

test('responses allow a local site to read them (CORS), preflight included', async (t) => {
  const response = await api('/entries?limit=1', {
    headers: { ...bearer(DELIVERY_TOKEN).headers, origin: 'http://localhost:5173' },
  })
  t.is(response.headers.get('access-control-allow-origin'), '*')
  const preflight = await api('/entries', {
    method: 'OPTIONS',
    headers: { origin: 'http://localhost:5173', 'access-control-request-headers': 'authorization' },
  })
  t.is(preflight.status, 204)
  t.regex(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/)
})

test('bad queries are 400s whose message names the problem, through the client too', async (t) => {
  const response = await api('/entries?content_type=note&fields.nope=1', bearer(DELIVERY_TOKEN))
  t.is(response.status, 400)
  const body = (await response.json()) as { sys: { id: string }; message: string }
  t.is(body.sys.id, 'InvalidQuery')
  t.regex(body.message, /No field with id "nope"/)
  await t.throwsAsync(client().getEntries({ content_type: 'troubleshootingArticle', include: 11 as 10 }), {
    message: /include must be between 0 and 10/,
  })
})

corpusTest(test)(
  'the seed article of the corpus arrives with resolutions, steps and its banner resolved',
  async (t) => {
    t.timeout(10 * 60_000)
    // The corpus as `npm run migrate` put it into a space (shared with the other corpus tests).
    const corpus = await corpusSpaceCopy(t)
    t.is(corpus.code, 0, corpus.stderr)
    const corpusServer = await serve(corpus.space)
    try {
      const c = createClient({
        space: 'local',
        accessToken: DELIVERY_TOKEN,
        host: corpusServer.hostPort,
        insecure: true,
      })
      const { items } = await c.withoutUnresolvableLinks.getEntries<TypeTroubleshootingArticleSkeleton>({
        content_type: 'troubleshootingArticle',
        'fields.slug': 'ri/fast/articles/salesforce-oauth-error',
        include: 2,
      })
      t.is(items.length, 1)
      const article = items[0] as NonNullable<(typeof items)[0]>
      const resolutions = article.fields.resolutions ?? []
      t.true(resolutions.length > 0, 'resolutions resolved')
      const steps = resolutions.flatMap((r) => r?.fields.steps ?? [])
      t.true(steps.length > 0, 'steps resolved')
      for (const step of steps) t.is(step?.fields.instruction.nodeType as string, 'document')
      t.is(article.fields.ctaBanner?.sys.contentType.sys.id, 'ctaBanner', 'banner resolved')
      t.regex(article.fields.ctaBanner?.fields.url ?? '', /^https?:\/\//)
    } finally {
      await corpusServer.close()
    }
  },
)
