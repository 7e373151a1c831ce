// Writing an asset: the bytes go to an upload first (or the file names a URL), then the asset is created or
// updated pointing at it, processed, and polled until its file has a URL.
import type { AssetRecord } from '../../model/contentful-types.ts'
import { DEFAULT_LOCALE } from '../../model/contentful-types.ts'
import { type AssetInput, ConflictError } from '../port.ts'
import { type Connection, ContentfulApiError } from './client.ts'
import { getAsset, versioned } from './entity-requests.ts'
import { holds, landedAfterConflict } from './idempotent-writes.ts'
import { type PollOptions, poll } from './poll.ts'
import { toAssetRecord } from './records.ts'

export async function putAsset(
  conn: Connection,
  asset: AssetInput,
  version: number | undefined,
  polling: PollOptions,
): Promise<AssetRecord> {
  const fields: Record<string, Record<string, unknown>> = {
    title: { [DEFAULT_LOCALE]: asset.title },
    file: { [DEFAULT_LOCALE]: await fileField(conn, asset) },
  }
  if (asset.description !== undefined) fields.description = { [DEFAULT_LOCALE]: asset.description }

  // A retried create or update that landed holds exactly our fields (the upload id is unique to this call).
  const saved = await conn
    .call(
      `PUT assets/${asset.id}`,
      (c) =>
        version === undefined
          ? c.asset.createWithId({ assetId: asset.id }, { fields } as never)
          : c.asset.update({ assetId: asset.id }, { sys: { id: asset.id, version }, fields } as never),
      asset.id,
    )
    .then(toAssetRecord)
    .catch((err) => landedAfterConflict(err, () => getAsset(conn, asset.id), holds(fields, version)))
  if (!hasUrl(saved)) await processAsset(conn, saved)
  const processed = await poll(
    () => getAsset(conn, asset.id),
    (a) => hasUrl(a) || processingError(a) !== undefined,
    polling,
    () =>
      new ContentfulApiError(
        `asset ${asset.id}: file not processed within ${Math.round(polling.timeoutMs / 1000)} s`,
        undefined,
        'ProcessingTimeout',
      ),
  )
  const failed = processingError(processed)
  if (failed !== undefined && !hasUrl(processed)) {
    throw new ContentfulApiError(
      `asset ${asset.id}: processing failed: ${failed}`,
      undefined,
      'ProcessingFailed',
    )
  }
  return processed as AssetRecord // polling ends once it has a URL (or the failure is reported above)
}

/** A processing failure the space reported on the file (the local faces record one), if any. */
function processingError(asset: AssetRecord | undefined): string | undefined {
  const error = (asset?.fields.file?.[DEFAULT_LOCALE] as { error?: { message?: unknown } } | undefined)?.error
  return error ? String(error.message ?? 'unknown error') : undefined
}

/** The file part of the asset's fields: a URL to fetch, or a link to an upload of the bytes. */
async function fileField(conn: Connection, asset: AssetInput): Promise<Record<string, unknown>> {
  const file: Record<string, unknown> = { fileName: asset.fileName, contentType: asset.contentType }
  if ('url' in asset.source) file.upload = asset.source.url
  else {
    const bytes = asset.source.bytes
    const upload = await conn.call(`POST uploads (${asset.id})`, (c) =>
      c.upload.create(
        {},
        { file: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer },
      ),
    )
    file.uploadFrom = { sys: { type: 'Link', linkType: 'Upload', id: upload.sys.id } }
  }
  return file
}

function hasUrl(asset: AssetRecord | undefined): boolean {
  return !!asset?.fields.file?.[DEFAULT_LOCALE]?.url
}

async function processAsset(conn: Connection, asset: AssetRecord): Promise<void> {
  const id = asset.sys.id
  try {
    await versioned(conn, 'PUT', `assets/${id}/files/${DEFAULT_LOCALE}/process`, asset.sys.version, id)
  } catch (err) {
    // Processing already started (a retried call that landed): polling tells the rest.
    if (!(err instanceof ConflictError)) throw err
  }
}
