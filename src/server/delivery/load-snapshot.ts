// The embedded store → a DeliverySnapshot. Reading every published record per request would cost the bench
// most of its time, so a snapshot is kept per store until the database changes: a private read-only
// connection's `PRAGMA data_version` moves whenever any other connection (the server's own store, a
// `migrate` or `sync` in another process) commits.
import Database from 'better-sqlite3'
import type { EmbeddedSpace } from '../../backends/sqlite/embedded-space.ts'
import { DEFAULT_LOCALE } from '../../model/contentful-types.ts'
import type { DeliverySnapshot, PublishedAsset, PublishedContentType, PublishedEntry } from './snapshot.ts'

const PAGE = 1000

interface Cached {
  watcher: Database.Database
  version: number
  snapshot: DeliverySnapshot
}

/** `published`: what the Delivery API serves; `preview`: the latest drafts, as the Preview API serves them. */
export type SnapshotMode = 'published' | 'preview'

const caches: Record<SnapshotMode, WeakMap<EmbeddedSpace, Cached>> = {
  published: new WeakMap(),
  preview: new WeakMap(),
}

type Timed = {
  id: string
  createdAt: string
  updatedAt: string
  publishedAt?: string
  firstPublishedAt?: string
}

/** The Preview API's view of a draft: its own times; the revision counts publishes, as the CPA's does. */
const draft = (sys: Timed & { publishedCounter: number }) => ({
  id: sys.id,
  createdAt: sys.createdAt,
  updatedAt: sys.updatedAt,
  revision: sys.publishedCounter,
})

/** The CDA's view of time: created = first published, updated = last published. */
const published = (sys: Timed & { publishedCounter: number }) => ({
  id: sys.id,
  createdAt: sys.firstPublishedAt ?? sys.createdAt,
  updatedAt: sys.publishedAt ?? sys.updatedAt,
  revision: sys.publishedCounter,
})

function all<T>(read: (skip: number) => { items: T[]; total: number }): T[] {
  const out: T[] = []
  for (let skip = 0; ; skip += PAGE) {
    const page = read(skip)
    out.push(...page.items)
    if (page.items.length === 0 || out.length >= page.total) return out
  }
}

export function readSnapshot(
  space: EmbeddedSpace,
  environmentId: string,
  mode: SnapshotMode = 'published',
): DeliverySnapshot {
  const isPublished = mode === 'published'
  const times = isPublished ? published : draft
  // The Preview API shows every draft except archived ones (archiving takes an entity out of every face).
  const current = <T extends { sys: { archivedVersion?: number } }>(items: T[]) =>
    isPublished ? items : items.filter((i) => i.sys.archivedVersion === undefined)
  const contentTypes: PublishedContentType[] = space.contentTypes
    .list()
    .filter((ct) => ct.active !== null)
    .map((ct) => ({ sys: published(ct.sys), contentType: ct.active as NonNullable<typeof ct.active> }))
  const locales = space.locales.list().filter((l) => l.contentDeliveryApi)
  const tags = space.tags.list().filter((t) => t.visibility === 'public')
  const isPublic = new Set(tags.map((t) => t.id))
  const publicTags = (m: { tags: { sys: { id: string } }[] }) =>
    m.tags.map((l) => l.sys.id).filter((id) => isPublic.has(id))
  const entries: PublishedEntry[] = current(
    all((skip) => space.entries.query({ published: isPublished, skip, limit: PAGE })),
  ).map((e) => ({
    sys: { ...times(e.sys), contentTypeId: e.sys.contentType.sys.id },
    fields: e.fields,
    tags: publicTags(e.metadata),
  }))
  const assets: PublishedAsset[] = current(
    all((skip) => space.assets.query({ published: isPublished, skip, limit: PAGE })),
  ).map((a) => ({
    sys: times(a.sys),
    fields: a.fields as PublishedAsset['fields'],
    tags: publicTags(a.metadata),
  }))
  return {
    spaceId: space.spaceId,
    environmentId,
    defaultLocale: locales.find((l) => l.default)?.code ?? DEFAULT_LOCALE,
    locales: locales.map((l) => l.code),
    fallbacks: Object.fromEntries(locales.map((l) => [l.code, l.fallbackCode])),
    localeNames: Object.fromEntries(locales.map((l) => [l.code, l.name])),
    contentTypes,
    entries,
    assets,
    tags: tags.map(({ id, name, version, createdAt, updatedAt }) => ({
      id,
      name,
      version,
      createdAt,
      updatedAt,
    })),
  }
}

/** The current snapshot of a store, rebuilt only after a commit. */
export function snapshotOf(
  space: EmbeddedSpace,
  environmentId: string,
  mode: SnapshotMode = 'published',
): DeliverySnapshot {
  const cache = caches[mode]
  let c = cache.get(space)
  if (!c) {
    const watcher = new Database(space.file, { readonly: true, fileMustExist: true })
    const version = dataVersion(watcher)
    c = { watcher, version, snapshot: readSnapshot(space, environmentId, mode) }
    cache.set(space, c)
    return c.snapshot
  }
  const version = dataVersion(c.watcher)
  if (version !== c.version || c.snapshot.environmentId !== environmentId) {
    // Read the version first: a commit landing while we read makes the next request read again.
    c.version = version
    c.snapshot = readSnapshot(space, environmentId, mode)
  }
  return c.snapshot
}

function dataVersion(db: Database.Database): number {
  return db.pragma('data_version', { simple: true }) as number
}
