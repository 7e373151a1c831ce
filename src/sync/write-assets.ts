// A chunk's new assets: reuse what the space has (same id = same bytes), upload the rest. Says which assets to
// publish and which could not be made (their articles then fail: they would link to nothing).
import type { AssetInput, PublishItem } from '../backends/port.ts'
import type { AssetRecord } from '../model/contentful-types.ts'
import { isPublishedCurrent } from '../model/sync-base.ts'
import { describeError } from './describe-error.ts'
import { mapLimit } from './map-limit.ts'
import type { ReportRecorder } from './report-recorder.ts'
import { type CountingWriter, PlanAgain } from './writer.ts'

export interface AssetWrites {
  publish: PublishItem[]
  /** Asset id → why it could not be made. */
  failed: Map<string, string>
}

export async function writeAssets(
  assets: AssetInput[],
  existing: Map<string, AssetRecord>,
  ctx: { writer: CountingWriter; recorder: ReportRecorder; concurrency: number },
): Promise<AssetWrites> {
  const result: AssetWrites = { publish: [], failed: new Map() }
  await mapLimit(assets, ctx.concurrency, async (asset) => {
    const found = existing.get(asset.id)
    // An asset whose file never got processed (a run stopped by a full disk, a crash mid-upload) cannot be
    // published: it is uploaded again over itself, not reused.
    if (found && (hasProcessedFile(found) || found.sys.archivedVersion !== undefined)) {
      ctx.recorder.assetReused()
      if (!isPublishedCurrent(found.sys) && found.sys.archivedVersion === undefined)
        result.publish.push({ linkType: 'Asset', id: asset.id, version: found.sys.version })
      return
    }
    // Counted once it is made (a dry run counts what it would upload).
    if (ctx.recorder.dryRun) {
      ctx.recorder.assetUploaded(asset.id)
      return
    }
    try {
      const record = await ctx.writer.putAsset(asset, found?.sys.version)
      ctx.recorder.assetUploaded(asset.id)
      result.publish.push({ linkType: 'Asset', id: asset.id, version: record.sys.version })
    } catch (error) {
      if (error instanceof PlanAgain) throw error
      result.failed.set(asset.id, describeError(error))
    }
  })
  return result
}

/** True when every locale's file has a url: what the CMS requires to publish it. */
function hasProcessedFile(asset: AssetRecord): boolean {
  const files = Object.values(asset.fields.file ?? {})
  return files.length > 0 && files.every((file) => typeof file.url === 'string' && file.url !== '')
}
