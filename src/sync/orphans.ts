// Entries kb-cms made whose source is gone: articles, pages and redirects whose file was deleted (or now lands
// as another kind), and resolutions, steps, notes and CTA banners no live entry links to any more. Reported
// always; with --prune unpublished and archived (never deleted: an editor can restore them). sourcePath is
// relative to the docs root (older entries: to where their run was started, also understood).
import { existsSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import type { ContentBackend } from '../backends/port.ts'
import { DEFAULT_LOCALE, type EntryRecord } from '../model/contentful-types.ts'
import { fieldHash, readBase } from '../model/sync-base.ts'
import type { SyncedType } from './desired-state.ts'
import type { EntryKind } from './ids.ts'
import { embeddedEntryIds } from './rich-text-assets.ts'
import { entriesByIds, entriesOfType } from './space-reader.ts'
import type { CountingWriter } from './writer.ts'

export interface Orphan {
  id: string
  type: SyncedType
  sourcePath: string | null
  pruned: boolean
  /** Why --prune left it: an editor changed it since kb-cms wrote it, or the run failed. */
  kept?: string
}

export interface OrphanOptions {
  root: string
  cwd: string
  /** Files this run landed (absolute paths) → the content type of their entry. */
  landed: ReadonlyMap<string, EntryKind>
  prune: boolean
  /** The run failed somewhere: what it did not see land may not be gone, so nothing is archived. */
  failed: boolean
  writer: CountingWriter
}

// Child ids kb-cms derives (see ids.ts); an entry an editor created has a random id and is never touched.
const CHILD_ID = /\.(r\d+(\.s\d+)?|n\d+)$/
const CTA_ID = /^cta-[0-9a-f]{40}$/

export async function findOrphans(backend: ContentBackend, options: OrphanOptions): Promise<Orphan[]> {
  const orphans: Orphan[] = []
  const referenced = new Set<string>()
  const live = (e: EntryRecord) => e.sys.archivedVersion === undefined

  for (const type of ['troubleshootingArticle', 'page', 'redirect'] as const) {
    for await (const entry of entriesOfType(backend, type)) {
      if (!live(entry)) continue
      const sourcePath = entry.fields.sourcePath?.[DEFAULT_LOCALE]
      if (typeof sourcePath === 'string' && readBase(entry.fields) && isOrphan(type, sourcePath, options)) {
        const orphan = await settle(entry, sourcePath)
        orphans.push(orphan)
        if (orphan.pruned) continue
      }
      for (const id of linkIds(entry, ['resolutions', 'notes', 'ctaBanner'])) referenced.add(id)
      // A page's notes are embedded in its body.
      const body = entry.fields.body?.[DEFAULT_LOCALE] as Parameters<typeof embeddedEntryIds>[0] | undefined
      for (const id of embeddedEntryIds(body ?? null)) referenced.add(id)
    }
  }
  // After a failed run, a child whose parent's write failed is linked from nothing yet: not an orphan. Only
  // pages whose file is gone are reported then.
  if (options.failed) return orphans
  const children: [string, RegExp][] = [
    ['resolution', CHILD_ID],
    ['note', CHILD_ID],
    ['ctaBanner', CTA_ID],
  ]
  const steps = new Set<string>()
  for (const [type, pattern] of children) {
    for await (const entry of entriesOfType(backend, type)) {
      if (!live(entry)) continue
      if (referenced.has(entry.sys.id)) {
        if (type === 'resolution') for (const id of linkIds(entry, ['steps'])) steps.add(id)
        continue
      }
      if (pattern.test(entry.sys.id) && readBase(entry.fields)) orphans.push(await settle(entry, null))
      else if (type === 'resolution') for (const id of linkIds(entry, ['steps'])) steps.add(id)
    }
  }
  for await (const entry of entriesOfType(backend, 'resolutionStep')) {
    if (!live(entry) || steps.has(entry.sys.id)) continue
    if (CHILD_ID.test(entry.sys.id) && readBase(entry.fields)) orphans.push(await settle(entry, null))
  }
  return orphans

  async function settle(entry: EntryRecord, sourcePath: string | null): Promise<Orphan> {
    const type = entry.sys.contentType.sys.id as SyncedType
    const orphan: Orphan = { id: entry.sys.id, type, sourcePath, pruned: false }
    if (!options.prune) return orphan
    if (options.failed) return { ...orphan, kept: 'the run failed, so nothing is archived' }
    const edited = editedFields(entry)
    if (edited.length > 0)
      return { ...orphan, kept: `changed in the CMS (${edited.join(', ')}), so not archived` }
    let version = entry.sys.version
    if (entry.sys.publishedVersion !== undefined) {
      await options.writer.unpublish({ linkType: 'Entry', id: entry.sys.id, version })
      version = (await entriesByIds(backend, [entry.sys.id])).get(entry.sys.id)?.sys.version ?? version + 1
    }
    await options.writer.archive({ linkType: 'Entry', id: entry.sys.id, version })
    return { ...orphan, pruned: true }
  }
}

/** The file is gone, or this run landed it as another type (an article that became a page). */
function isOrphan(type: EntryKind, sourcePath: string, options: OrphanOptions): boolean {
  const abs = [resolve(options.root, sourcePath), resolve(options.cwd, sourcePath)].find((p) => existsSync(p))
  if (abs === undefined) return true
  const rel = relative(options.root, abs)
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
  const landed = options.landed.get(abs)
  return inside && landed !== undefined && landed !== type
}

function linkIds(entry: EntryRecord, fieldIds: string[]): string[] {
  const ids: string[] = []
  for (const fieldId of fieldIds) {
    const value = entry.fields[fieldId]?.[DEFAULT_LOCALE]
    for (const item of Array.isArray(value) ? value : [value]) {
      const id = (item as { sys?: { id?: unknown } } | undefined)?.sys?.id
      if (typeof id === 'string' && id !== '') ids.push(id)
    }
  }
  return ids
}

/** Owned fields whose value is no longer what kb-cms wrote. */
function editedFields(entry: EntryRecord): string[] {
  const base = readBase(entry.fields)
  if (!base) return []
  return Object.entries(base.fields)
    .filter(([id, hash]) => fieldHash(entry.fields[id]?.[DEFAULT_LOCALE]) !== hash)
    .map(([id]) => id)
}
