// Full-text search as Contentful documents it for `query=` and `fields.x[match]=`: the search string is split
// into terms (a quoted "phrase" stays one term), every term must be found, and each term is left-anchored: it
// matches a word of the text that starts with it (`sync` finds "synchronisation", not "async"). Rich Text is
// searched by its text, never by its JSON (`nodeType` matches nothing).

/** One search term: the words of a phrase, or a single word; the last word matches as a prefix. */
export type Term = string[]

const WORD = /[\p{L}\p{N}]+/gu

export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? []
}

/** The terms of a search string; empty when it holds no word at all. */
export function parseTerms(search: string): Term[] {
  const terms: Term[] = []
  const phrase = /"([^"]*)"/g
  for (const m of search.matchAll(phrase)) {
    const w = words(m[1] as string)
    if (w.length) terms.push(w)
  }
  for (const w of words(search.replace(phrase, ' '))) terms.push([w])
  return terms
}

/** The text a field value carries: strings as they are, lists item by item, Rich Text by its text nodes. */
export function textOf(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(textOf)
  if (value !== null && typeof value === 'object' && 'nodeType' in value) {
    // Text nodes inside one block join as written ("**Sync**ing" is one word); blocks are separate words.
    let out = ''
    const walk = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return
      const n = node as { nodeType?: unknown; value?: unknown; content?: unknown }
      if (n.nodeType === 'text') {
        if (typeof n.value === 'string') out += n.value
        return
      }
      const block = typeof n.nodeType === 'string' && !INLINE.has(n.nodeType)
      if (block) out += ' '
      if (Array.isArray(n.content)) for (const c of n.content) walk(c)
      if (block) out += ' '
    }
    walk(value)
    return [out]
  }
  return []
}

const INLINE = new Set([
  'hyperlink',
  'entry-hyperlink',
  'asset-hyperlink',
  'resource-hyperlink',
  'embedded-entry-inline',
  'embedded-resource-inline',
])

/** Does one term occur in the words (a phrase: consecutive words, the last by prefix)? */
function termIn(term: Term, ws: string[]): boolean {
  const last = term.length - 1
  for (let i = 0; i + last < ws.length; i++) {
    let ok = true
    for (let k = 0; k <= last && ok; k++) {
      const w = ws[i + k] as string
      ok = k === last ? w.startsWith(term[k] as string) : w === term[k]
    }
    if (ok) return true
  }
  return false
}

/**
 * True when every term is found in the texts; a term may be found in one text and the next in another (as
 * Contentful's global search finds terms across fields), but a phrase must sit within one text.
 */
export function matchesTerms(texts: string[], terms: Term[]): boolean {
  if (terms.length === 0) return true
  const split = texts.map(words)
  return terms.every((term) => split.some((ws) => termIn(term, ws)))
}
