// The base of the sync's three-way merge, stored on every entry kb-cms writes (field `syncBase`): per field it
// owns, the fingerprint of the value it last wrote. The sync compares the Markdown's value and the CMS's value
// with it field by field (see src/sync/merge-fields.ts); a migration that changes an owned field renews it
// (src/migrate/planner.ts). Fields not listed are not kb-cms's: editors' and migrations' fields.
import { contentHash } from './canonical-json.ts'
import { DEFAULT_LOCALE, type LocalizedFields, type Sys } from './contentful-types.ts'

export const BASE_FIELD = 'syncBase'
/** The field kb-cms stored before the base (one hash of all fields), converted by migrations/0003. */
export const LEGACY_HASH_FIELD = 'contentHash'

/** A child entry as its parent last knew it: its id and the fingerprint of what it was made from. */
export interface ChildRecord {
  id: string
  key: string
  /** A resolution's steps. */
  steps?: ChildRecord[]
}

export interface SyncBase {
  /** Owned field id → fingerprint of the value kb-cms last wrote; null: it wrote no value. */
  fields: Record<string, string | null>
  /**
   * The version kb-cms's last write made: an unpublished entry still at it holds kb-cms's own unpublished write
   * (a run cut short), one past it someone else's draft, which kb-cms never publishes.
   */
  version?: number
  /** What the page's entry was made from (top-level entries only): the incremental sync's key. */
  source?: SourceStamp
  /** The children's identities (top-level entries only), so an inserted step does not shift the others. */
  children?: { resolutions: ChildRecord[]; notes: ChildRecord[]; next: number }
}

/** See src/sync/source-stamp.ts. */
export interface SourceStamp {
  /** Fingerprints of the file's bytes, the variables, and the code that made the entries. */
  file: string
  vars: string
  code: string
  /** Where its links led, which assets its images were, its nav title. */
  context: string
  /** The URL paths the page links to and the images it shows: enough to recompute `context` unparsed. */
  links: string[]
  images: { src: string; path: string | null; alt: string }[]
  /** Its links as the report counted them, counted again when the page is left unparsed. */
  linkCounts?: { resolved: number; unresolved: number }
}

/** The fingerprint of one field's value; absent and null are the same (Contentful stores no null). */
export function fieldHash(value: unknown): string | null {
  if (value === undefined || value === null) return null
  if (Array.isArray(value) && value.length === 0) return null
  return contentHash(value).slice(0, 16)
}

export function readBase(fields: LocalizedFields): SyncBase | null {
  const value = fields[BASE_FIELD]?.[DEFAULT_LOCALE]
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null
  const base = value as Partial<SyncBase>
  return base.fields && typeof base.fields === 'object' ? (base as SyncBase) : null
}

/** The default-locale value of every field but the bookkeeping ones. */
export function plainValues(fields: LocalizedFields): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields))
    if (key !== BASE_FIELD && key !== LEGACY_HASH_FIELD) out[key] = value?.[DEFAULT_LOCALE]
  return out
}

/**
 * The base after kb-cms itself (a migration) changed some fields: an owned field that still held what kb-cms
 * wrote takes the new value as its base, so the next sync does not take the change for an editor's; one an
 * editor had changed keeps its base (it stays the editor's change). A renamed field keeps its base under the
 * new id; a deleted one leaves it.
 */
export function renewBase(
  base: SyncBase,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  change: { renamed?: Record<string, string>; deleted?: string[] } = {},
): SyncBase {
  const fields: Record<string, string | null> = {}
  for (const [id, hash] of Object.entries(base.fields)) {
    if (change.deleted?.includes(id)) continue
    const to = change.renamed?.[id] ?? id
    fields[to] = fieldHash(before[id]) === hash ? fieldHash(after[to]) : hash
  }
  return { ...base, fields }
}

/** Published and not changed since: Contentful bumps the version once on publish. */
export function isPublishedCurrent(sys: Sys): boolean {
  return sys.publishedVersion !== undefined && sys.version === sys.publishedVersion + 1
}

/** Whether the entry's latest version is published or is kb-cms's own write: not someone's unpublished draft. */
export function latestIsKbCms(sys: Sys, base: SyncBase | null): boolean {
  return isPublishedCurrent(sys) || (base?.version !== undefined && sys.version === base.version)
}
