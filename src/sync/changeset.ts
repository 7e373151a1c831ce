// Desired entry + what the space holds → the action to take: a three-way merge per owned field, with the base
// kb-cms stored on the entry (src/model/sync-base.ts). Per field: only the Markdown changed → written; only the
// CMS changed → the editor's value stays (kept); both, differently → a conflict on that field, the CMS value
// stays unless --force; neither → nothing. Fields the sync does not own are carried over untouched. Pure.
import { DEFAULT_LOCALE, type EntryRecord, type LocalizedFields } from '../model/contentful-types.ts'
import { sameJson } from '../model/normalize.ts'
import {
  BASE_FIELD,
  fieldHash,
  isPublishedCurrent,
  LEGACY_HASH_FIELD,
  latestIsKbCms,
  readBase,
  type SourceStamp,
  type SyncBase,
} from '../model/sync-base.ts'
import type { DesiredEntry } from './desired-state.ts'

export interface FieldMerge {
  /** Owned fields whose CMS value stays because only the CMS changed them. */
  kept: string[]
  /** Owned fields both sides changed, differently (with --force: overwritten, listed in `forced`). */
  conflicts: string[]
  forced: string[]
  /** kb-cms has no record of what it wrote (an entry it did not write, or one edited before per-field bases). */
  noBase: boolean
}

export type EntryAction =
  | { type: 'create'; desired: DesiredEntry; fields: LocalizedFields }
  | { type: 'update'; desired: DesiredEntry; fields: LocalizedFields; version: number; merge: FieldMerge }
  /** Nothing to write; `publishVersion` is set when the entry still needs publishing (a run was cut short). */
  | { type: 'unchanged'; desired: DesiredEntry; publishVersion: number | null; merge: FieldMerge }
  | { type: 'failed'; desired: DesiredEntry; reason: string }

export function classifyEntry(
  desired: DesiredEntry,
  existing: EntryRecord | undefined,
  options: { force: boolean },
): EntryAction {
  if (!existing) {
    const fields: LocalizedFields = {}
    for (const [id, value] of Object.entries(desired.owned)) setField(fields, id, value)
    fields[BASE_FIELD] = { [DEFAULT_LOCALE]: { ...baseOf(desired, ownedHashes(desired)), version: 1 } }
    return { type: 'create', desired, fields }
  }
  const ct = existing.sys.contentType.sys.id
  if (ct !== desired.contentTypeId)
    return { type: 'failed', desired, reason: `id ${desired.id} is taken by a ${ct} entry in the space` }
  if (existing.sys.archivedVersion !== undefined)
    return {
      type: 'failed',
      desired,
      reason: `entry ${desired.id} is archived in the space; unarchive it to sync`,
    }

  const stored = readBase(existing.fields)
  const merge: FieldMerge = { kept: [], conflicts: [], forced: [], noBase: stored === null }
  const fields = structuredClone(existing.fields)
  const baseFields: Record<string, string | null> = {}
  let written = false
  for (const [id, value] of Object.entries(desired.owned)) {
    const mine = fieldHash(value)
    const theirs = fieldHash(existing.fields[id]?.[DEFAULT_LOCALE])
    const base = stored?.fields[id]
    const write = () => {
      setField(fields, id, value)
      baseFields[id] = mine
      written = true
    }
    if (mine === theirs) baseFields[id] = mine
    else if (base === undefined ? theirs === null : theirs === base) write()
    else if (base !== undefined && mine === base) {
      merge.kept.push(id)
      baseFields[id] = base
    } else if (options.force) {
      merge.forced.push(id)
      write()
    } else {
      merge.conflicts.push(id)
      if (base !== undefined) baseFields[id] = base
    }
  }
  // A page that landed with a conflict gets no source stamp: it is parsed again next run, so the conflict is
  // reported until someone settles it.
  const base = baseOf(desired, baseFields, merge.conflicts.length === 0)
  // A new version of kb-cms alone is no reason to write (and publish) every page: the entry keeps its stamp,
  // and the page is parsed again until it changes.
  if (stored?.source && base.source && onlyCodeDiffers(stored.source, base.source))
    base.source = stored.source
  const baseChanged = !sameJson(withoutVersion(stored), base)
  if (!written && !baseChanged && existing.fields[LEGACY_HASH_FIELD] === undefined) {
    // Written by a run cut short before it published: kb-cms's own write, never someone's draft.
    const cutShort = !isPublishedCurrent(existing.sys) && latestIsKbCms(existing.sys, stored)
    return { type: 'unchanged', desired, publishVersion: cutShort ? existing.sys.version : null, merge }
  }
  // The version this write makes (Contentful counts one per write), so the next run knows the draft is its own.
  const version = existing.sys.version + 1
  fields[BASE_FIELD] = {
    [DEFAULT_LOCALE]: { ...base, version: latestIsKbCms(existing.sys, stored) ? version : stored?.version },
  }
  delete fields[LEGACY_HASH_FIELD]
  return { type: 'update', desired, fields, version: existing.sys.version, merge }
}

/** Whether the entry, before this write, held a draft someone else saved (not to be published by kb-cms). */
export function hasOthersDraft(existing: EntryRecord | undefined): boolean {
  return existing !== undefined && !latestIsKbCms(existing.sys, readBase(existing.fields))
}

function onlyCodeDiffers(a: SourceStamp, b: SourceStamp): boolean {
  return a.code !== b.code && sameJson({ ...a, code: '' }, { ...b, code: '' })
}

const withoutVersion = (base: SyncBase | null) => {
  if (!base) return base
  const { version: _, ...rest } = base
  return rest
}

function ownedHashes(desired: DesiredEntry): Record<string, string | null> {
  return Object.fromEntries(Object.entries(desired.owned).map(([id, v]) => [id, fieldHash(v)]))
}

function baseOf(desired: DesiredEntry, fields: Record<string, string | null>, stamp = true): SyncBase {
  const base: SyncBase = { fields }
  if (desired.stamp && stamp) base.source = desired.stamp
  if (desired.children) base.children = desired.children
  return base
}

/** Contentful stores no empty value: null and [] leave the field unset. */
function setField(fields: LocalizedFields, id: string, value: unknown): void {
  if (fieldHash(value) === null) delete fields[id]
  else fields[id] = { [DEFAULT_LOCALE]: value }
}
