// Asset files, served like Contentful's asset CDN: public, only for published assets, and unable to run script
// even when someone opens an SVG directly (sandboxed by its own Content-Security-Policy).
import type { EmbeddedSpace } from '../../backends/sqlite/embedded-space.ts'
import type { AssetFile } from '../../model/contentful-types.ts'
import type { RequestContext } from '../types.ts'

/** `/assets/<space>/<assetId>/<hash>/<fileName>`, the path the store gives processed files. */
const FILE_PATH = /^\/assets\/[^/]+\/([^/]+)\/[^/]+\/[^/]+$/

export function serveAssetFile(ctx: RequestContext, space: EmbeddedSpace): boolean {
  const path = ctx.url.pathname
  const m = FILE_PATH.exec(path)
  if (!m) return false
  const assetId = decodeURIComponent(m[1] as string)
  const asset = space.assets.findPublished(assetId)
  const files = Object.values(asset?.fields.file ?? {}) as AssetFile[]
  if (!files.some((f) => f.url === path)) return false
  const file = space.assets.file(path)
  if (!file) return false
  ctx.res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': String(file.bytes.length),
    // The path holds a hash of the bytes: a new file gets a new path, so this one never changes.
    'cache-control': 'public, max-age=31536000, immutable',
    'access-control-allow-origin': '*',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  })
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : file.bytes)
  return true
}
