// The embedded space: one environment of a local, SQLite-backed Contentful-like space. Its stores map one to
// one onto the Management API's operations, so the HTTP faces and the port adapter are thin over it.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { NotFoundError, type PublishItem, ValidationError } from '../port.ts'
import { AssetStore } from './asset-store.ts'
import { LedgerStore, LockStore } from './bookkeeping-store.ts'
import { ContentTypeStore } from './content-type-store.ts'
import { DeliveryLog } from './delivery-log.ts'
import { EntryStore } from './entry-store.ts'
import { LocaleStore } from './locale-store.ts'
import { openSpaceDb, type SpaceDb } from './space-db.ts'
import { TagStore } from './tag-store.ts'
import { UploadStore } from './upload-store.ts'
import { ID_PATTERN } from './validate-model.ts'
import type { ValidationDetail } from './validation-detail.ts'

export const DEFAULT_SPACE_DIR = '.cms'
export const DEFAULT_ENVIRONMENT = 'master'
export const DEFAULT_SPACE_ID = 'local'

export interface OpenSpaceOptions {
  /** The folder holding one `<env>.sqlite` per environment; default `.cms`. */
  space?: string
  /** Default `master`. */
  env?: string
  /** Recorded when the environment is created; served in asset urls and API paths. Default `local`. */
  spaceId?: string
  /** Create the environment when it does not exist (default true). */
  create?: boolean
  busyTimeoutMs?: number
  now?: () => Date
}

export function environmentFile(spaceDir: string, env: string): string {
  if (!ID_PATTERN.test(env) || env.startsWith('.')) throw new Error(`invalid environment id "${env}"`)
  return join(spaceDir, `${env}.sqlite`)
}

export class EmbeddedSpace {
  readonly dir: string
  readonly env: string
  readonly spaceId: string
  readonly file: string
  readonly contentTypes: ContentTypeStore
  readonly entries: EntryStore
  readonly assets: AssetStore
  readonly uploads: UploadStore
  readonly tags: TagStore
  readonly locales: LocaleStore
  readonly deliveryLog: DeliveryLog
  readonly lock: LockStore
  readonly ledger: LedgerStore
  private readonly s: SpaceDb

  private constructor(dir: string, env: string, s: SpaceDb, spaceId: string) {
    this.dir = dir
    this.env = env
    this.s = s
    this.file = s.file
    this.spaceId = spaceId
    this.contentTypes = new ContentTypeStore(s)
    this.uploads = new UploadStore(s)
    this.tags = new TagStore(s)
    this.deliveryLog = new DeliveryLog(s)
    this.locales = new LocaleStore(s, () => this.createdAt)
    this.entries = new EntryStore(s, this.contentTypes, this.locales)
    this.assets = new AssetStore(s, this.uploads, spaceId, this.locales)
    this.lock = new LockStore(s)
    this.ledger = new LedgerStore(s)
  }

  static open(options: OpenSpaceOptions = {}): EmbeddedSpace {
    const dir = resolve(options.space ?? DEFAULT_SPACE_DIR)
    const env = options.env ?? DEFAULT_ENVIRONMENT
    const file = environmentFile(dir, env)
    if (options.create === false && !existsSync(file)) {
      throw new NotFoundError(`environment "${env}" does not exist in ${dir}`)
    }
    const s = openSpaceDb(file, {
      mustExist: options.create === false,
      ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
      ...(options.now ? { now: options.now } : {}),
    })
    const spaceId = s.write(() => {
      const get = s.sql('SELECT value FROM meta WHERE key = ?')
      const stored = get.get('spaceId') as { value: string } | undefined
      if (stored) return stored.value
      const id = options.spaceId ?? DEFAULT_SPACE_ID
      const now = s.now().toISOString()
      const put = s.sql('INSERT INTO meta (key, value) VALUES (?, ?)')
      put.run('spaceId', id)
      put.run('createdAt', now)
      return id
    })
    return new EmbeddedSpace(dir, env, s, spaceId)
  }

  /** Runs `fn` in one write transaction: every store call inside commits or rolls back with it. */
  transaction<T>(fn: () => T): T {
    return this.s.write(fn)
  }

  /**
   * Publishes entries and assets together, each at its pinned version, as a bulk action does: all of them or
   * none. Every item is validated, so one error reports every failing item (details carry `entity`).
   */
  publishAll(items: PublishItem[]): void {
    this.s.write(() => {
      const failures: (ValidationDetail & { entity: { linkType: string; id: string } })[] = []
      const failed: string[] = []
      for (const item of items) {
        const store = item.linkType === 'Entry' ? this.entries : this.assets
        try {
          store.publish(item.id, item.version)
        } catch (e) {
          if (!(e instanceof ValidationError)) throw e
          failed.push(e.message)
          const entity = { linkType: item.linkType, id: item.id }
          for (const d of e.details as ValidationDetail[]) failures.push({ ...d, entity })
        }
      }
      if (failed.length) {
        throw new ValidationError(
          `publishing ${items.length} item(s) failed, nothing was published: ${failed.join('; ')}`,
          failures,
        )
      }
    })
  }

  /** When the environment was created (or cloned). */
  get createdAt(): string {
    const row = this.s.sql("SELECT value FROM meta WHERE key = 'createdAt'").get() as { value: string }
    return row.value
  }

  /** Copies this environment, consistent even while others write, to a new file (`VACUUM INTO`). */
  copyTo(file: string): void {
    this.s.sql('VACUUM INTO ?').run(file)
  }

  /** What a fresh copy must not inherit: the source's lock and creation time; it remembers its source. */
  markClonedFrom(source: string): void {
    this.s.write(() => {
      this.lock.clear()
      const put = this.s.sql('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
      put.run('createdAt', this.s.now().toISOString())
      put.run('sourceEnvironment', source)
    })
  }

  close(): void {
    if (this.s.db.open) this.s.db.close()
  }
}
