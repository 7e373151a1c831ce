// Builders for Contentful Rich Text nodes and their plain text. Pure; no parsing here.
import type {
  Block,
  Document,
  Hyperlink,
  Inline,
  Mark,
  Text,
  TopLevelBlock,
} from '@contentful/rich-text-types'

export type MarkType = 'bold' | 'italic' | 'code' | 'underline'
export type InlineNode = Text | Hyperlink

export function text(value: string, marks: MarkType[] = []): Text {
  return { nodeType: 'text', value, marks: marks.map((type): Mark => ({ type })), data: {} } as Text
}

export function hyperlink(uri: string, content: Text[]): Hyperlink {
  return { nodeType: 'hyperlink', data: { uri }, content } as Hyperlink
}

export function paragraph(content: InlineNode[]): Block {
  return { nodeType: 'paragraph', data: {}, content: content.length ? content : [text('')] } as Block
}

export function heading(depth: number, content: InlineNode[]): Block {
  const level = Math.min(6, Math.max(1, depth))
  return { nodeType: `heading-${level}`, data: {}, content } as unknown as Block
}

export function list(ordered: boolean, items: Block[][]): Block {
  return {
    nodeType: ordered ? 'ordered-list' : 'unordered-list',
    data: {},
    content: items.map((blocks) => ({
      nodeType: 'list-item',
      data: {},
      content: blocks.length ? blocks : [paragraph([])],
    })),
  } as unknown as Block
}

export function hr(): Block {
  return { nodeType: 'hr', data: {}, content: [] } as unknown as Block
}

export function table(rows: { header: boolean; cells: InlineNode[][] }[]): Block {
  return {
    nodeType: 'table',
    data: {},
    content: rows.map((row) => ({
      nodeType: 'table-row',
      data: {},
      content: row.cells.map((cell) => ({
        nodeType: row.header ? 'table-header-cell' : 'table-cell',
        data: {},
        content: [paragraph(cell)],
      })),
    })),
  } as unknown as Block
}

/**
 * An image as an embedded-asset-block. The asset does not exist yet when parsing, so the link id is a
 * deterministic placeholder, `kb-image-<n>`, where n is the image's index in Article.images; the sync maps it.
 */
export function embeddedImage(index: number): Block {
  return {
    nodeType: 'embedded-asset-block',
    data: { target: { sys: { type: 'Link', linkType: 'Asset', id: imagePlaceholderId(index) } } },
    content: [],
  } as unknown as Block
}

export function imagePlaceholderId(index: number): string {
  return `kb-image-${index}`
}

/** A page's n-th note (its index in Article.notes) in place, as an embedded-entry-block; the sync maps the id. */
export function embeddedNote(index: number): Block {
  return {
    nodeType: 'embedded-entry-block',
    data: { target: { sys: { type: 'Link', linkType: 'Entry', id: notePlaceholderId(index) } } },
    content: [],
  } as unknown as Block
}

export function notePlaceholderId(index: number): string {
  return `kb-note-${index}`
}

export function documentOf(blocks: Block[]): Document | null {
  const content = blocks.filter((b) => !isEmptyBlock(b))
  if (content.length === 0) return null
  return { nodeType: 'document', data: {}, content: content as TopLevelBlock[] } as Document
}

/**
 * A field cut out of a longer sentence (a label stripped, a shared sentence split) starts as a sentence does:
 * "the sign-in token …" → "The sign-in token …". Only an all-lower-case first word is touched, so names such as
 * "iOS" or "macOS" keep their case.
 */
export function sentenceStart(doc: Document | null): Document | null {
  const first = doc?.content[0]
  if (first?.nodeType !== 'paragraph') return doc
  const node = (first.content as InlineNode[]).find(
    (n) => n.nodeType === 'hyperlink' || n.value.trim() !== '',
  )
  const textNode = node?.nodeType === 'hyperlink' ? (node.content[0] as Text | undefined) : node
  if (!textNode) return doc
  const m = /^(\s*)([a-z])([a-z'’-]*)(?=[\s,.;:!?)]|$)/.exec(textNode.value)
  if (m)
    textNode.value = `${m[1]}${(m[2] as string).toUpperCase()}${textNode.value.slice((m[1] as string).length + 1)}`
  return doc
}

function isEmptyBlock(block: Block): boolean {
  if (block.nodeType === 'paragraph') return plainText(block).trim() === ''
  return false
}

/** Plain text: text values concatenated, blocks separated by a space (as the scorer flattens). */
export function plainText(node: Block | Inline | Text | Document | InlineNode[] | null | undefined): string {
  if (!node) return ''
  if (Array.isArray(node)) return node.map((n) => plainText(n)).join('')
  if (node.nodeType === 'text') return (node as Text).value
  const parts: string[] = []
  const isInline = node.nodeType === 'hyperlink'
  for (const child of (node as Block).content as (Block | Inline | Text)[]) parts.push(plainText(child))
  return parts.join(
    isInline || node.nodeType === 'paragraph' || node.nodeType.startsWith('heading') ? '' : ' ',
  )
}

/** Merge adjacent text nodes with equal marks and drop empty ones, so documents stay small and valid. */
export function normaliseInlines(nodes: InlineNode[]): InlineNode[] {
  const out: InlineNode[] = []
  for (const node of nodes) {
    if (node.nodeType === 'text') {
      if (node.value === '') continue
      const prev = out[out.length - 1]
      if (prev?.nodeType === 'text' && sameMarks(prev, node)) {
        out[out.length - 1] = { ...prev, value: prev.value + node.value }
        continue
      }
      out.push(node)
    } else {
      const content = normaliseInlines(node.content as Text[]) as Text[]
      if (content.length) out.push({ ...node, content })
    }
  }
  return out
}

function sameMarks(a: Text, b: Text): boolean {
  const ka = a.marks.map((m) => m.type).join(',')
  return ka === b.marks.map((m) => m.type).join(',')
}

/** Trim leading and trailing whitespace (including no-break spaces) of an inline run. */
export function trimInlines(nodes: InlineNode[]): InlineNode[] {
  const out = normaliseInlines(nodes)
  while (out.length && plainText(out[0] as InlineNode).trim() === '') out.shift()
  while (out.length && plainText(out[out.length - 1] as InlineNode).trim() === '') out.pop()
  if (out.length === 0) return out
  out[0] = mapFirstText(out[0] as InlineNode, (v) => v.replace(/^[\s\u00a0]+/, ''))
  out[out.length - 1] = mapLastText(out[out.length - 1] as InlineNode, (v) => v.replace(/[\s\u00a0]+$/, ''))
  return out
}

function mapFirstText(node: InlineNode, fn: (v: string) => string): InlineNode {
  if (node.nodeType === 'text') return { ...node, value: fn(node.value) }
  const content = [...(node.content as Text[])]
  if (content[0]) content[0] = { ...content[0], value: fn(content[0].value) }
  return { ...node, content }
}

function mapLastText(node: InlineNode, fn: (v: string) => string): InlineNode {
  if (node.nodeType === 'text') return { ...node, value: fn(node.value) }
  const content = [...(node.content as Text[])]
  const last = content[content.length - 1]
  if (last) content[content.length - 1] = { ...last, value: fn(last.value) }
  return { ...node, content }
}

/**
 * Split an inline run at a character offset of its plain text, keeping marks and links on both halves.
 * Used to cut a shared sentence into symptom and cause, or a label off a paragraph.
 */
export function splitInlines(nodes: InlineNode[], offset: number): [InlineNode[], InlineNode[]] {
  const left: InlineNode[] = []
  const right: InlineNode[] = []
  let pos = 0
  for (const node of nodes) {
    const len = plainText(node).length
    if (pos + len <= offset) left.push(node)
    else if (pos >= offset) right.push(node)
    else {
      const cut = offset - pos
      if (node.nodeType === 'text') {
        left.push({ ...node, value: node.value.slice(0, cut) })
        right.push({ ...node, value: node.value.slice(cut) })
      } else {
        const [l, r] = splitInlines(node.content as Text[], cut)
        left.push({ ...node, content: l as Text[] })
        right.push({ ...node, content: r as Text[] })
      }
    }
    pos += len
  }
  return [normaliseInlines(left), normaliseInlines(right)]
}
