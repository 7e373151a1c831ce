// What the scorer compares: text reduced to the words a reader sees, the way docs/scoring.md describes.
// Gold is written from the Markdown source, predictions are Rich Text; both pass through here.

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
}

// Inline tags vanish (a word split by <b> stays one word); block tags leave a space between words.
const INLINE_TAG =
  /<\/?(?:a|abbr|b|big|cite|code|del|em|font|i|ins|kbd|mark|q|r|s|small|span|strong|sub|sup|u)\b[^<>]*>/gi
const BLOCK_TAG =
  /<\/?(?:blockquote|br|center|dd|details|div|dl|dt|figcaption|figure|h[1-6]|hr|img|li|ol|p|pre|summary|table|tbody|td|tfoot|th|thead|tr|ul)\b[^<>]*\/?>/gi
const EMPHASIS_UNDERSCORES = /(^|[\s(["'“‘])_{1,2}(?=\S)(.+?)(?<=\S)_{1,2}(?=$|[\s)\].,;:!?"'”’])/g

function decodeEntity(whole: string, name: string): string {
  if (name.startsWith('#')) {
    const hex = name[1] === 'x' || name[1] === 'X'
    const code = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10)
    if (code === 160) return ' '
    return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  }
  return ENTITIES[name.toLowerCase()] ?? whole
}

/** Lower-cased visible text: entities decoded, tags, escapes and emphasis markers gone, whitespace collapsed. */
export function comparableText(text: string, options: { dropTrailingColon?: boolean } = {}): string {
  let t = text.normalize('NFC')
  t = t.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, decodeEntity).replace(/\u00a0/g, ' ')
  // An autolink shows its URL: keep it, lose the brackets.
  t = t.replace(/<((?:https?:\/\/|mailto:)[^\s<>]+)>/gi, '$1')
  t = t.replace(INLINE_TAG, '').replace(BLOCK_TAG, ' ')
  t = t.replace(/\\([!-/:-@[-`{-~])/g, '$1')
  t = t.replace(/\*+/g, '').replace(EMPHASIS_UNDERSCORES, '$1$2')
  t = t.replace(/\s+/g, ' ').trim()
  if (options.dropTrailingColon) t = t.replace(/:$/, '').trimEnd()
  return t.toLowerCase()
}

/** The words of comparable text, each stripped of leading and trailing punctuation; empty words dropped. */
export function words(comparable: string): string[] {
  return comparable
    .split(' ')
    .map((w) => w.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}]+$/u, ''))
    .filter((w) => w !== '')
}

interface RichNode {
  nodeType?: string
  value?: unknown
  content?: unknown
}

// Nodes that sit inside a paragraph; between any two other siblings a reader sees a break.
const INLINE = new Set([
  'text',
  'hyperlink',
  'entry-hyperlink',
  'asset-hyperlink',
  'resource-hyperlink',
  'embedded-entry-inline',
  'embedded-resource-inline',
])

/** The plain text of a Rich Text node (or a string): text values in order, a space wherever a block starts or ends. */
export function plainText(node: unknown): string {
  if (node === null || node === undefined) return ''
  if (typeof node === 'string') return node
  if (Array.isArray(node)) return node.map(plainText).join(' ')
  const n = node as RichNode
  if (n.nodeType === 'text') return typeof n.value === 'string' ? n.value : ''
  const children = Array.isArray(n.content) ? (n.content as RichNode[]) : []
  let text = ''
  children.forEach((child, i) => {
    const before = children[i - 1]
    if (before && (!INLINE.has(before.nodeType ?? '') || !INLINE.has(child.nodeType ?? ''))) text += ' '
    text += plainText(child)
  })
  return text
}
