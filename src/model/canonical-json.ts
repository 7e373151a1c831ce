// Canonical JSON and the fingerprints the sync stores (per-field bases, stamps). Keys are sorted and undefined
// dropped, so a value read back from any backend (whatever key order it keeps) hashes the same as the one written.
import { createHash } from 'node:crypto'

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeys(v)))
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key]
    if (v !== undefined) out[key] = sortKeys(v)
  }
  return out
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** The hash of a value's canonical JSON, short enough for a Symbol field and still collision-safe. */
export function contentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value)).slice(0, 40)
}
