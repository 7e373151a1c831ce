// ImageRef → asset: finds the image under the docs root (or builds its public URL), hashes its bytes into the
// asset id, and remembers the answer per path so a screenshot shared by many articles is read once.
import { readFile } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import type { AssetInput } from '../backends/port.ts'
import type { ImageRef } from '../model/article.ts'
import { assetIdFromBytes, assetIdFromUrl } from './ids.ts'

export interface ImageAssetOptions {
  docsRoot: string
  /** Create assets from `<base>/<docs-root-relative path>` instead of uploading the bytes. */
  assetBaseUrl?: string | undefined
  /**
   * Whether an image on another site can be fetched: null when it can, else why not. The CMS fetches it to
   * make the asset; one that cannot be fetched would leave an asset that never processes, so the page shows a
   * link to it instead. Default: a HEAD request (5 s).
   */
  fetchable?: ((url: string) => Promise<string | null>) | undefined
}

/** A HEAD request: null when the image answers, else the status or the network error's code. */
export async function headFetchable(url: string): Promise<string | null> {
  try {
    const response = await fetch(url, {
      method: 'HEAD',
      signal: AbortSignal.timeout(5000),
      redirect: 'follow',
    })
    return response.ok ? null : `HTTP ${response.status}`
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause
    return cause?.code ?? (error as Error).name ?? 'unreachable'
  }
}

type ResolvedImage = { ok: true; id: string } | { ok: false; reason: string }

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
}

function mimeType(fileName: string): string {
  return MIME[extname(fileName).toLowerCase()] ?? 'application/octet-stream'
}

export class ImageAssets {
  /** Path (or URL) → what it resolved to; ids only, never bytes, so memory stays small. */
  private readonly known = new Map<string, ResolvedImage>()
  /** Assets found in this run and not yet handed out for writing. */
  private pending = new Map<string, AssetInput>()
  private readonly seenIds = new Set<string>()

  constructor(private readonly options: ImageAssetOptions) {}

  /** Resolves every ref, queuing assets it has not seen before; answers are then available via `idOf`. */
  async resolve(refs: ImageRef[]): Promise<void> {
    for (const ref of refs) {
      const key = keyOf(ref)
      if (this.known.has(key)) continue
      this.known.set(key, await this.load(ref))
    }
  }

  idOf(ref: ImageRef): string | null {
    const found = this.known.get(keyOf(ref))
    return found?.ok ? found.id : null
  }

  result(ref: ImageRef): ResolvedImage | undefined {
    return this.known.get(keyOf(ref))
  }

  /** The assets queued since the last call (each id once per run). */
  takePending(): AssetInput[] {
    const out = [...this.pending.values()]
    this.pending = new Map()
    return out
  }

  private async load(ref: ImageRef): Promise<ResolvedImage> {
    const { docsRoot, assetBaseUrl } = this.options
    if (ref.path === null) {
      if (!/^https?:\/\//i.test(ref.src))
        return { ok: false, reason: `image outside the docs root: ${ref.src}` }
      const problem = await (this.options.fetchable ?? headFetchable)(ref.src)
      if (problem)
        return {
          ok: false,
          reason: `image ${ref.src} cannot be fetched (${problem}); a link to it stands in its place`,
        }
      return this.queue(assetIdFromUrl(ref.src), ref, { url: ref.src })
    }
    const file = join(docsRoot, ref.path)
    const bytes: Uint8Array | null = await readFile(file).catch(() => null)
    if (assetBaseUrl) {
      const url = `${assetBaseUrl.replace(/\/+$/, '')}/${ref.path.split('/').map(encodeURIComponent).join('/')}`
      return this.queue(bytes ? assetIdFromBytes(bytes) : assetIdFromUrl(url), ref, { url })
    }
    if (!bytes) return { ok: false, reason: `image not found: ${ref.path}` }
    return this.queue(assetIdFromBytes(bytes), ref, { bytes })
  }

  private queue(id: string, ref: ImageRef, source: AssetInput['source']): ResolvedImage {
    if (!this.seenIds.has(id)) {
      this.seenIds.add(id)
      const fileName = basename(ref.path ?? new URL(ref.src).pathname) || 'image'
      this.pending.set(id, {
        id,
        title: ref.alt.trim() || fileName,
        fileName,
        contentType: mimeType(fileName),
        source,
      })
    }
    return { ok: true, id }
  }
}

function keyOf(ref: ImageRef): string {
  return ref.path ?? ref.src
}
