// The Images API on served asset files, as images.ctfassets.net applies its query parameters: `w`, `h`
// (1–4000), `fit` (pad, fill, scale, crop, thumb), `f` (focus for fill/crop/thumb), `bg` (pad colour,
// `rgb:ffffff`), `fm` (jpg, png, webp, gif, avif), `q` (1–100, lossy formats), `fl` (progressive, png8), `r`
// (corner radius, or `max`). Done with sharp (libvips); every variant made is kept in a bounded in-memory
// cache keyed by the file path and the normalised parameters.
import sharp from 'sharp'
import { HttpError } from '../http-error.ts'

export interface ImageParams {
  w?: number
  h?: number
  fit?: 'pad' | 'fill' | 'scale' | 'crop' | 'thumb'
  f?: string
  bg?: string
  fm?: 'jpg' | 'png' | 'webp' | 'gif' | 'avif'
  q?: number
  fl?: 'progressive' | 'png8'
  r?: number | 'max'
}

const FITS = new Set(['pad', 'fill', 'scale', 'crop', 'thumb'])
const FORMATS = new Set(['jpg', 'png', 'webp', 'gif', 'avif'])
const FOCUS: Record<string, string> = {
  center: 'centre',
  top: 'north',
  right: 'east',
  left: 'west',
  bottom: 'south',
  top_right: 'northeast',
  top_left: 'northwest',
  bottom_right: 'southeast',
  bottom_left: 'southwest',
  face: 'attention',
  faces: 'attention',
}
const MEDIA: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
}
/** Formats libvips reads here; anything else (SVG included: no rasterising user markup) is served as is. */
const READABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/tiff'])

const bad = (message: string) => new HttpError(400, 'BadRequest', message)

function int(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw)) throw bad(`${name} must be an integer, got "${raw}"`)
  const n = Number(raw)
  if (n < min || n > max) throw bad(`${name} must be between ${min} and ${max}, got ${n}`)
  return n
}

/** The Images API parameters of a query string; undefined when it has none (serve the original). */
export function imageParams(search: URLSearchParams): ImageParams | undefined {
  const p: ImageParams = {}
  let any = false
  for (const [name, raw] of search) {
    any = true
    switch (name) {
      case 'w':
      case 'h':
        p[name] = int(name, raw, 1, 4000)
        break
      case 'q':
        p.q = int('q', raw, 1, 100)
        break
      case 'fit':
        if (!FITS.has(raw)) throw bad(`fit must be one of ${[...FITS].join(', ')}, got "${raw}"`)
        p.fit = raw as ImageParams['fit']
        break
      case 'fm':
        if (!FORMATS.has(raw)) throw bad(`fm must be one of ${[...FORMATS].join(', ')}, got "${raw}"`)
        p.fm = raw as ImageParams['fm']
        break
      case 'f':
        if (!(raw in FOCUS)) throw bad(`f must be one of ${Object.keys(FOCUS).join(', ')}, got "${raw}"`)
        p.f = raw
        break
      case 'bg':
        if (!/^rgb:[0-9a-fA-F]{6}$/.test(raw)) throw bad(`bg must be rgb:RRGGBB, got "${raw}"`)
        p.bg = raw
        break
      case 'fl':
        if (raw !== 'progressive' && raw !== 'png8') throw bad(`fl must be progressive or png8, got "${raw}"`)
        p.fl = raw
        break
      case 'r':
        p.r = raw === 'max' ? 'max' : int('r', raw, 0, 4000)
        break
      default:
        throw bad(`unknown Images API parameter "${name}"`)
    }
  }
  if (p.q !== undefined && p.fm && !['jpg', 'webp', 'avif'].includes(p.fm)) {
    throw bad(`q applies to jpg, webp and avif, not ${p.fm}`)
  }
  return any ? p : undefined
}

/** A stable cache key: the same parameters in any order give the same key. */
export function paramsKey(p: ImageParams): string {
  return Object.entries(p)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
}

export function canTransform(contentType: string): boolean {
  return READABLE.has(contentType)
}

/** Applies the parameters; answers the new bytes and their media type. */
export async function transformImage(
  bytes: Buffer,
  contentType: string,
  p: ImageParams,
): Promise<{ bytes: Buffer; contentType: string }> {
  let img = sharp(bytes, { animated: contentType === 'image/gif' && (p.fm ?? 'gif') === 'gif' })
  const meta = await img.metadata()
  if (p.w !== undefined || p.h !== undefined) {
    const position = FOCUS[p.f ?? 'center'] ?? 'centre'
    const fit =
      p.fit === 'pad' ? 'contain' : p.fit === 'scale' ? 'fill' : p.fit === undefined ? 'inside' : 'cover'
    const rgb = p.bg?.slice(4)
    img = img.resize({
      ...(p.w === undefined ? {} : { width: p.w }),
      ...(p.h === undefined ? {} : { height: p.h }),
      fit,
      position,
      // Contentful pads with transparency unless a colour is given (white for formats without alpha).
      background: rgb ? `#${rgb}` : { r: 255, g: 255, b: 255, alpha: 0 },
      // crop takes a part of the original: it never enlarges.
      withoutEnlargement: p.fit === 'crop',
    })
  }
  if (p.r !== undefined) {
    const out = await img.toBuffer({ resolveWithObject: true })
    const { width, height } = out.info
    const radius = p.r === 'max' ? Math.min(width, height) / 2 : p.r
    const mask = Buffer.from(
      `<svg width="${width}" height="${height}"><rect width="${width}" height="${height}" rx="${radius}" ry="${radius}"/></svg>`,
    )
    img = sharp(out.data).composite([{ input: mask, blend: 'dest-in' }])
  }
  const fm = p.fm ?? formatOf(meta.format)
  const q = p.q === undefined ? {} : { quality: p.q }
  switch (fm) {
    case 'jpg':
      img = img
        .flatten({ background: p.bg ? `#${p.bg.slice(4)}` : '#ffffff' })
        .jpeg({ ...q, progressive: p.fl === 'progressive' })
      break
    case 'png':
      img = img.png(p.fl === 'png8' ? { palette: true } : {})
      break
    case 'webp':
      img = img.webp(q)
      break
    case 'gif':
      img = img.gif()
      break
    case 'avif':
      img = img.avif(q)
      break
  }
  return { bytes: await img.toBuffer(), contentType: MEDIA[fm] as string }
}

function formatOf(format: string | undefined): NonNullable<ImageParams['fm']> {
  if (format === 'jpeg') return 'jpg'
  if (format === 'png' || format === 'webp' || format === 'gif' || format === 'avif') return format
  if (format === 'heif') return 'avif'
  return 'png'
}

/** Variants made, most recently used last; bounded by total bytes. */
export class VariantCache {
  private readonly items = new Map<string, { bytes: Buffer; contentType: string }>()
  private size = 0
  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(key: string): { bytes: Buffer; contentType: string } | undefined {
    const hit = this.items.get(key)
    if (hit) {
      this.items.delete(key)
      this.items.set(key, hit)
    }
    return hit
  }

  set(key: string, value: { bytes: Buffer; contentType: string }): void {
    if (value.bytes.length > this.maxBytes) return
    this.items.set(key, value)
    this.size += value.bytes.length
    for (const [k, v] of this.items) {
      if (this.size <= this.maxBytes) break
      this.items.delete(k)
      this.size -= v.bytes.length
    }
  }

  get count(): number {
    return this.items.size
  }
}
