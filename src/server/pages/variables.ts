// `{{ name }}` macros (mkdocs-macros style), resolved at render time from the configured values. An unknown
// name stays verbatim so that a missing value is visible instead of silently blank.
import type { Document } from '@contentful/rich-text-types'

export type Variables = Readonly<Record<string, string>>

const MACRO = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g

export function substitute(text: string, vars: Variables): string {
  return text.replace(MACRO, (whole, name: string) =>
    Object.hasOwn(vars, name) ? (vars[name] as string) : whole,
  )
}

/** A copy of the document with variables resolved in its text nodes (links' targets are left alone). */
export function substituteDocument<T extends Document | undefined>(doc: T, vars: Variables): T {
  if (!doc) return doc
  const walk = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object') return node
    const n = node as { nodeType?: string; value?: unknown; content?: unknown[] }
    if (n.nodeType === 'text' && typeof n.value === 'string')
      return { ...n, value: substitute(n.value, vars) }
    if (Array.isArray(n.content)) return { ...n, content: n.content.map(walk) }
    return n
  }
  return walk(doc) as T
}
