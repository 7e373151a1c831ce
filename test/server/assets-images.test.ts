// Asset files through the official clients: protocol-relative urls on the Management face too, processing
// accepted at once with a failure reported on the asset, and the Images API's parameters on served files.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import test from 'ava'
import sharp from 'sharp'
import { variants } from '../../src/server/delivery/asset-files.ts'
import { publishedAsset, serveSpace } from './local-space.ts'

async function photo(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .png()
    .toBuffer()
}

test('Management asset urls are protocol-relative and served; an update sending them back keeps the file', async (t) => {
  const s = await serveSpace(t)
  const asset = await publishedAsset(s.cma, 'pic', await photo(40, 20))
  const url = asset.fields.file['en-US']?.url as string
  t.regex(url, /^\/\/127\.0\.0\.1:\d+\/assets\/local\/pic\//)
  t.is((await fetch(`http:${url}`)).status, 200)
  const listed = await s.cma.asset.getMany({})
  t.is(listed.items[0]?.fields.file['en-US']?.url, url)
  // the SDK sends every field back, url included
  const updated = await s.cma.asset.update(
    { assetId: 'pic' },
    { ...asset, fields: { ...asset.fields, title: { 'en-US': 'New' } } },
  )
  const republished = await s.cma.asset.publish({ assetId: 'pic' }, updated)
  t.is(republished.fields.file['en-US']?.url, url)
  t.is((await fetch(`http:${url}`)).status, 200)
})

test('processing is accepted at once; a failure is reported on the asset, not as a 500', async (t) => {
  const s = await serveSpace(t)
  const origin = createServer((_req, res) => res.writeHead(404).end())
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve))
  t.teardown(() => origin.close())
  const missing = `http://127.0.0.1:${(origin.address() as AddressInfo).port}/gone.png`
  const asset = await s.cma.asset.createWithId(
    { assetId: 'broken' },
    {
      fields: {
        title: { 'en-US': 'x' },
        file: { 'en-US': { fileName: 'gone.png', contentType: 'image/png', upload: missing } },
      },
    },
  )
  const res = await s.call('/assets/broken/files/en-US/process', {
    method: 'PUT',
    headers: { 'x-contentful-version': String(asset.sys.version) },
  })
  t.is(res.status, 204)
  let file: Record<string, unknown> | undefined
  for (let i = 0; i < 200 && !file?.error; i++) {
    file = (await s.cma.asset.get({ assetId: 'broken' })).fields.file['en-US'] as unknown as Record<
      string,
      unknown
    >
    if (!file?.error) await new Promise((r) => setTimeout(r, 10))
  }
  t.is(file?.url, undefined)
  t.is((file?.error as { sys: { id: string } } | undefined)?.sys.id, 'ProcessingFailed')
  t.regex(String((file?.error as { message: string } | undefined)?.message), /404/)

  // a stale version is still a 409 at once, and a file: url is never read from the server's disk
  const stale = await s.call('/assets/broken/files/en-US/process', {
    method: 'PUT',
    headers: { 'x-contentful-version': '1' },
  })
  t.is(stale.status, 409)
  const local = await s.cma.asset.createWithId(
    { assetId: 'local-file' },
    {
      fields: {
        title: { 'en-US': 'x' },
        file: { 'en-US': { fileName: 'p', contentType: 'text/plain', upload: 'file:///etc/hostname' } },
      },
    },
  )
  await s.call('/assets/local-file/files/en-US/process', {
    method: 'PUT',
    headers: { 'x-contentful-version': String(local.sys.version) },
  })
  let localFile: Record<string, unknown> | undefined
  for (let i = 0; i < 200 && !localFile?.error; i++) {
    localFile = (await s.cma.asset.get({ assetId: 'local-file' })).fields.file['en-US'] as unknown as Record<
      string,
      unknown
    >
    if (!localFile?.error) await new Promise((r) => setTimeout(r, 10))
  }
  t.is(localFile?.url, undefined)
  t.truthy(localFile?.error)
})

test('Images API: w, h, fit, fm (webp, avif, jpg), q resize and convert; variants are cached', async (t) => {
  const s = await serveSpace(t)
  const original = await photo(400, 200)
  const asset = await publishedAsset(s.cma, 'big', original)
  const base = `http:${asset.fields.file['en-US']?.url}`
  const get = async (query: string) => {
    const res = await fetch(`${base}?${query}`)
    const bytes = Buffer.from(await res.arrayBuffer())
    return { res, bytes, meta: res.ok ? await sharp(bytes).metadata() : undefined }
  }
  const inside = await get('w=100')
  t.is(inside.res.headers.get('content-type'), 'image/png')
  t.deepEqual([inside.meta?.width, inside.meta?.height], [100, 50])
  const filled = await get('w=100&h=100&fit=fill')
  t.deepEqual([filled.meta?.width, filled.meta?.height], [100, 100])
  const padded = await get('w=100&h=100&fit=pad&bg=rgb:00ff00')
  t.deepEqual([padded.meta?.width, padded.meta?.height], [100, 100])
  const scaled = await get('w=50&h=80&fit=scale')
  t.deepEqual([scaled.meta?.width, scaled.meta?.height], [50, 80])
  const webp = await get('fm=webp&q=50&w=80')
  t.is(webp.res.headers.get('content-type'), 'image/webp')
  t.is(webp.meta?.format, 'webp')
  const avif = await get('fm=avif&w=80')
  t.is(avif.res.headers.get('content-type'), 'image/avif')
  t.is(avif.meta?.format, 'heif')
  const jpg = await get('fm=jpg&q=20&fl=progressive')
  t.is(jpg.meta?.format, 'jpeg')
  t.is(jpg.meta?.isProgressive, true)
  const lowQ = await get('fm=jpg&q=5')
  const highQ = await get('fm=jpg&q=95')
  t.true(lowQ.bytes.length < highQ.bytes.length, 'q changes the encoding')

  const before = variants.count
  const again = await get('q=50&w=80&fm=webp')
  t.deepEqual(again.bytes, webp.bytes, 'the same parameters in another order are the same variant')
  t.is(variants.count, before, 'served from the cache')

  for (const query of ['w=0', 'w=5000', 'fit=stretch', 'fm=bmp', 'fm=png&q=50', 'zoom=2']) {
    t.is((await fetch(`${base}?${query}`)).status, 400, query)
  }
  // the original is served untouched without parameters
  t.deepEqual(Buffer.from(await (await fetch(base)).arrayBuffer()), original)
})
