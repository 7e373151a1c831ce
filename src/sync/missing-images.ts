// An image the article shows but the sync could not make an asset of: a warning placed where the article names
// it (the article is synced without it). The file is read again only when there is something to place.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Article, ImageRef } from '../model/article.ts'
import type { ImageAssets } from './image-assets.ts'
import type { ReportRecorder } from './report-recorder.ts'
import { locate } from './source-file.ts'

export async function reportMissingImages(
  article: Article,
  refs: ImageRef[],
  ctx: { images: ImageAssets; recorder: ReportRecorder; cwd: string },
): Promise<void> {
  const seen = new Set<string>()
  let text: string | null = null
  for (const ref of refs) {
    const result = ctx.images.result(ref)
    if (!result || result.ok || seen.has(ref.src)) continue
    seen.add(ref.src)
    text ??= await readFile(resolve(ctx.cwd, article.source), 'utf8').catch(() => '')
    ctx.recorder.missingImage(article.source, locate(text, ref.src), result.reason)
  }
}
