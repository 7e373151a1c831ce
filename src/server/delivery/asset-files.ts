// Asset files, served like Contentful's asset CDN: public, only for published assets, and unable to run script
// even when someone opens an SVG directly (sandboxed by its own Content-Security-Policy). Images take the
// Images API's query parameters (image-transform.ts); what a transform makes is cached.
import type { EmbeddedSpace } from '../../backends/sqlite/embedded-space.ts'
import type { AssetFile } from '../../model/contentful-types.ts'
import type { HttpError } from '../http-error.ts'
import type { RequestContext } from '../types.ts'
import { canTransform, imageParams, paramsKey, transformImage, VariantCache } from './image-transform.ts'

/** `/assets/<space>/<assetId>/<hash>/<fileName>`, the path the store gives processed files. */
const FILE_PATH = /^\/assets\/[^/]+\/([^/]+)\/[^/]+\/[^/]+$/

export const variants = new VariantCache()

export async function serveAssetFile(ctx: RequestContext, space: EmbeddedSpace): Promise<boolean> {
  const path = ctx.url.pathname
  const m = FILE_PATH.exec(path)
  if (!m) return false
  const assetId = decodeURIComponent(m[1] as string)
  const asset = space.assets.findPublished(assetId)
  const files = Object.values(asset?.fields.file ?? {}) as AssetFile[]
  if (!files.some((f) => f.url === path)) return false
  const file = space.assets.file(path)
  if (!file) return false
  let served = file
  let params: ReturnType<typeof imageParams>
  try {
    params = imageParams(ctx.url.searchParams)
  } catch (err) {
    const e = err as HttpError
    sendText(ctx, e.status, e.message)
    return true
  }
  if (params && canTransform(file.contentType)) {
    // The path holds a hash of the bytes, so path + parameters name one variant forever.
    const key = `${space.file}|${path}?${paramsKey(params)}`
    let made = variants.get(key)
    if (!made) {
      try {
        made = await transformImage(file.bytes, file.contentType, params)
      } catch (err) {
        sendText(ctx, 422, `the image could not be transformed: ${(err as Error).message}`)
        return true
      }
      variants.set(key, made)
    }
    served = made
  }
  ctx.res.writeHead(200, {
    'content-type': served.contentType,
    'content-length': String(served.bytes.length),
    // The path holds a hash of the bytes: a new file gets a new path, so this one never changes.
    'cache-control': 'public, max-age=31536000, immutable',
    'access-control-allow-origin': '*',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  })
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : served.bytes)
  return true
}

function sendText(ctx: RequestContext, status: number, message: string): void {
  const bytes = Buffer.from(message)
  ctx.res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(bytes.length),
  })
  ctx.res.end(bytes)
}
