// Localizing fields and stamping the content hash: what kb-cms writes on an entry, and how it recognises later
// whether the entry still holds exactly that (or an editor changed it in the CMS).

import { contentHash } from './canonical-json.ts'
import { DEFAULT_LOCALE, type LocalizedFields } from './contentful-types.ts'

export const HASH_FIELD = 'contentHash'

/** Drops empty values (Contentful stores an unset field, not null), localizes, and adds the content hash. */
export function stampFields(plain: Record<string, unknown>): { fields: LocalizedFields; hash: string } {
  const fields: LocalizedFields = {}
  for (const [key, value] of Object.entries(plain)) {
    if (value === null || value === undefined) continue
    if (Array.isArray(value) && value.length === 0) continue
    fields[key] = { [DEFAULT_LOCALE]: value }
  }
  const hash = contentHash(fields)
  fields[HASH_FIELD] = { [DEFAULT_LOCALE]: hash }
  return { fields, hash }
}

/** The hash kb-cms stored on the entry when it last wrote it, or null if it never did. */
export function storedHash(fields: LocalizedFields): string | null {
  const value = fields[HASH_FIELD]?.[DEFAULT_LOCALE]
  return typeof value === 'string' ? value : null
}

/** The hash of the entry's fields as they are now: differs from storedHash once an editor changed something. */
export function currentHash(fields: LocalizedFields): string {
  const rest: LocalizedFields = {}
  for (const [key, value] of Object.entries(fields)) if (key !== HASH_FIELD) rest[key] = value
  return contentHash(rest)
}
