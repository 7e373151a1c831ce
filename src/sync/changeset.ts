// Desired entry + what the space holds → the action to take. Pure; the content hash decides everything, so no
// state outside the space is needed.
import type { EntryRecord, Sys } from '../model/contentful-types.ts'
import { currentHash, storedHash } from '../model/entry-fields.ts'
import type { DesiredEntry } from './desired-state.ts'

export type EntryAction =
  | { type: 'create'; desired: DesiredEntry }
  | { type: 'update'; desired: DesiredEntry; version: number; overwritesEdit: boolean }
  /** Nothing to write; `publishVersion` is set when the entry still needs publishing (a run was cut short). */
  | { type: 'unchanged'; desired: DesiredEntry; publishVersion: number | null }
  | { type: 'conflict'; desired: DesiredEntry; reason: string }
  | { type: 'failed'; desired: DesiredEntry; reason: string }

export function classifyEntry(
  desired: DesiredEntry,
  existing: EntryRecord | undefined,
  options: { force: boolean },
): EntryAction {
  if (!existing) return { type: 'create', desired }
  const ct = existing.sys.contentType.sys.id
  if (ct !== desired.contentTypeId)
    return { type: 'failed', desired, reason: `id ${desired.id} is taken by a ${ct} entry in the space` }
  if (existing.sys.archivedVersion !== undefined)
    return {
      type: 'failed',
      desired,
      reason: `entry ${desired.id} is archived in the space; unarchive it to sync`,
    }
  const stored = storedHash(existing.fields)
  const edited = stored === null || stored !== currentHash(existing.fields)
  if (edited && !options.force) {
    const reason =
      stored === null
        ? `entry ${desired.id} was not written by kb-cms`
        : `entry ${desired.id} was changed in the CMS since kb-cms wrote it`
    return { type: 'conflict', desired, reason }
  }
  if (!edited && stored === desired.hash)
    return {
      type: 'unchanged',
      desired,
      publishVersion: isPublishedCurrent(existing.sys) ? null : existing.sys.version,
    }
  return { type: 'update', desired, version: existing.sys.version, overwritesEdit: edited }
}

/** Published and not changed since: Contentful bumps the version once on publish. */
export function isPublishedCurrent(sys: Sys): boolean {
  return sys.publishedVersion !== undefined && sys.version === sys.publishedVersion + 1
}
