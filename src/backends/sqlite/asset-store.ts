// Assets: fields written as given, the file processed apart (from an upload or a url) into bytes served
// under a content-addressed path.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { type AssetFile, type AssetRecord, DEFAULT_LOCALE } from '../../model/contentful-types.ts'
import { NotFoundError, type Page } from '../port.ts'
import { expectVersion } from './content-type-store.ts'
import {
  type AssetView,
  baseSys,
  checkLocales,
  type EntityQuery,
  type EntityRow,
  EntityStore,
  invalid,
  metadataOf,
} from './entity-store.ts'
import { imageSize } from './image-size.ts'
import type { LocaleStore } from './locale-store.ts'
import { isoNow, type SpaceDb } from './space-db.ts'
import type { UploadStore } from './upload-store.ts'
import { ID_PATTERN } from './validate-model.ts'
import type { ValidationDetail } from './validation-detail.ts'

export interface AssetWrite {
  id: string
  fields: AssetRecord['fields']
  /** `{tags: [links]}`; left as it was when undefined. */
  metadata?: unknown
}

const REJECTED_TYPES = /^(text\/html|application\/(x-)?javascript|text\/javascript)\b/i

export class AssetStore extends EntityStore<AssetView> {
  constructor(
    s: SpaceDb,
    private readonly uploads: UploadStore,
    private readonly spaceId: string,
    private readonly locales: LocaleStore,
  ) {
    super(s, 'assets', 'Asset')
  }

  protected toRecord(r: EntityRow, published: boolean): AssetView {
    return {
      sys: { ...baseSys(r), type: 'Asset' },
      fields: JSON.parse(published ? (r.published_fields as string) : r.fields),
      metadata: metadataOf(r, published),
    }
  }

  /** Creates (no `version`) or replaces (current `version`) an asset's fields; the file is processed apart. */
  put(asset: AssetWrite, version?: number): AssetView {
    return this.s.write(() => {
      const { id } = asset
      const row = this.row(id)
      if (row) this.checkWritable(row, version)
      else {
        if (version !== undefined) throw new NotFoundError(`asset "${id}" does not exist`)
        if (!ID_PATTERN.test(id))
          throw invalid('bad asset id', [{ path: ['sys', 'id'], name: 'format', message: id }])
      }
      const problems = checkLocales(
        asset.fields,
        (f) => ['title', 'description', 'file'].includes(f),
        'assets',
        this.locales.codes(),
      )
      for (const [locale, file] of Object.entries(asset.fields.file ?? {})) {
        if (typeof file?.fileName !== 'string' || typeof file?.contentType !== 'string') {
          problems.push({
            path: ['fields', 'file', locale],
            name: 'type',
            message: 'file needs fileName and contentType',
          })
        }
      }
      const metadata = this.metadataColumn(row, asset.metadata)
      problems.push(...metadata.problems)
      if (problems.length) throw invalid(`asset "${id}" cannot be written`, problems)
      const now = isoNow(this.s)
      const fields = JSON.stringify(asset.fields)
      if (row) {
        this.s
          .sql(
            'UPDATE assets SET fields = ?, metadata = ?, version = version + 1, updated_at = ? WHERE id = ?',
          )
          .run(fields, metadata.value, now, id)
      } else {
        this.s
          .sql(
            'INSERT INTO assets (id, fields, metadata, version, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)',
          )
          .run(id, fields, metadata.value, now, now)
      }
      return this.get(id)
    })
  }

  /**
   * Processes the file of one locale: takes the bytes from its upload (or fetches its `upload` url), stores
   * them under `/assets/<spaceId>/<assetId>/<sha256 prefix>/<fileName>`, and sets `url` and `details`.
   * Already processed files are left alone. `remote`: the request came over HTTP, so a `file:` upload url
   * (which would read the server's own disk) is refused.
   */
  async process(
    id: string,
    version?: number,
    locale = DEFAULT_LOCALE,
    options: { remote?: boolean } = {},
  ): Promise<AssetView> {
    const before = this.mustRow(id)
    expectVersion('asset', id, before.version, version)
    const file = (JSON.parse(before.fields) as AssetRecord['fields']).file?.[locale]
    if (!file) {
      throw invalid(`asset "${id}" has no file to process`, [
        { path: ['fields', 'file', locale], name: 'required', message: 'no file in this locale' },
      ])
    }
    if (file.url && !file.upload && !file.uploadFrom) return this.get(id)
    if (REJECTED_TYPES.test(file.contentType)) {
      throw invalid(`asset "${id}" cannot be processed`, [
        {
          path: ['fields', 'file', locale, 'contentType'],
          name: 'in',
          message: `${file.contentType} is not allowed`,
        },
      ])
    }
    if (options.remote && file.upload && !/^https?:/i.test(file.upload)) {
      throw invalid(`asset "${id}" cannot be processed`, [
        {
          path: ['fields', 'file', locale, 'upload'],
          name: 'protocol',
          message: 'upload must be an http(s) url',
        },
      ])
    }
    const bytes = await this.fileBytes(id, file)
    const hash = createHash('sha256').update(bytes).digest('hex')
    const url = `/assets/${this.spaceId}/${id}/${hash.slice(0, 16)}/${encodeURIComponent(file.fileName)}`
    const size = imageSize(bytes)
    const processed: AssetFile = {
      fileName: file.fileName,
      contentType: file.contentType,
      url,
      details: { size: bytes.byteLength, ...(size ? { image: size } : {}) },
    }
    return this.s.write(() => {
      // The fetch was asynchronous: another writer may have changed the asset meanwhile.
      const row = this.mustRow(id)
      expectVersion('asset', id, row.version, before.version)
      const fields = JSON.parse(row.fields) as AssetRecord['fields']
      fields.file = { ...fields.file, [locale]: processed }
      this.s
        .sql(
          'INSERT OR IGNORE INTO files (path, asset_id, content_type, bytes, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(url, id, file.contentType, bytes, isoNow(this.s))
      this.s
        .sql('UPDATE assets SET fields = ?, version = version + 1, updated_at = ? WHERE id = ?')
        .run(JSON.stringify(fields), isoNow(this.s), id)
      return this.get(id)
    })
  }

  /**
   * Records that processing a locale's file failed: the file keeps its upload and gets no url, and carries
   * `error` (Contentful's error shape) so a client polling the asset learns why instead of waiting forever.
   * Processing again replaces it.
   */
  recordProcessingFailure(id: string, locale: string, message: string): AssetView | null {
    return this.s.write(() => {
      const row = this.row(id)
      const fields = row ? (JSON.parse(row.fields) as AssetRecord['fields']) : undefined
      const file = fields?.file?.[locale]
      if (!row || !fields || !file || file.url) return null
      const failed = { ...file, error: { sys: { type: 'Error', id: 'ProcessingFailed' }, message } }
      fields.file = { ...fields.file, [locale]: failed }
      this.s
        .sql('UPDATE assets SET fields = ?, version = version + 1, updated_at = ? WHERE id = ?')
        .run(JSON.stringify(fields), isoNow(this.s), id)
      return this.get(id)
    })
  }

  /** Takes a recorded failure off a file before it is processed again; returns the asset's version after. */
  clearProcessingFailure(id: string, locale: string): number {
    return this.s.write(() => {
      const row = this.mustRow(id)
      const fields = JSON.parse(row.fields) as AssetRecord['fields']
      const file = fields.file?.[locale] as (AssetFile & { error?: unknown }) | undefined
      if (!file || file.error === undefined) return row.version
      const { error: _error, ...rest } = file
      fields.file = { ...fields.file, [locale]: rest }
      this.s
        .sql('UPDATE assets SET fields = ?, version = version + 1, updated_at = ? WHERE id = ?')
        .run(JSON.stringify(fields), isoNow(this.s), id)
      return row.version + 1
    })
  }

  private async fileBytes(id: string, file: AssetFile): Promise<Buffer> {
    if (file.uploadFrom) return this.uploads.bytes(file.uploadFrom.sys.id)
    if (!file.upload) {
      throw invalid(`asset "${id}" cannot be processed`, [
        { path: ['fields', 'file'], name: 'required', message: 'the file has neither upload nor uploadFrom' },
      ])
    }
    const url = new URL(file.upload)
    if (url.protocol === 'file:') return readFile(fileURLToPath(url))
    const response = await fetch(url)
    if (!response.ok) {
      throw invalid(`asset "${id}" cannot be processed`, [
        {
          path: ['fields', 'file', 'upload'],
          name: 'notResolvable',
          message: `${file.upload}: ${response.status}`,
        },
      ])
    }
    return Buffer.from(await response.arrayBuffer())
  }

  protected publishProblems(row: EntityRow): ValidationDetail[] {
    const files = (JSON.parse(row.fields) as AssetRecord['fields']).file ?? {}
    const problems: ValidationDetail[] = []
    // The default locale needs a processed file; any other locale that has a file needs it processed too.
    const locales = new Set([this.locales.defaultCode(), ...Object.keys(files)])
    for (const locale of locales) {
      if (!files[locale]?.url) {
        problems.push({
          path: ['fields', 'file', locale],
          name: 'required',
          message: 'a processed file is required',
        })
      }
    }
    return problems
  }

  protected override afterDelete(id: string): void {
    this.s.sql('DELETE FROM files WHERE asset_id = ?').run(id)
  }

  query(q: EntityQuery = {}): Page<AssetView> {
    return this.page([], [], q)
  }

  /** The bytes behind a processed file's url, for the HTTP face to serve. */
  file(path: string): { bytes: Buffer; contentType: string } | null {
    const row = this.s.sql('SELECT bytes, content_type FROM files WHERE path = ?').get(path) as
      | { bytes: Buffer; content_type: string }
      | undefined
    return row ? { bytes: row.bytes, contentType: row.content_type } : null
  }
}
