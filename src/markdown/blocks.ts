// Renders parsed items back to Contentful blocks, for rich-text fields (intro, notes, body, symptom lists).
import type { Block } from '@contentful/rich-text-types'
import type { Item, Line, RawImage } from './hast-items.ts'
import { embeddedImage, heading, hr, type InlineNode, list, paragraph, table, text } from './rich-text.ts'

export type ImageIndex = (image: RawImage) => number

export function lineBlock(line: Line | InlineNode[]): Block {
  return paragraph(Array.isArray(line) ? line : line.inlines)
}

export function itemBlocks(item: Item, imageIndex: ImageIndex, depth = 0): Block[] {
  if (depth > 50) return []
  switch (item.type) {
    case 'heading':
      return [heading(item.depth, item.line.inlines)]
    case 'para':
      return item.lines.map((l) => lineBlock(l))
    case 'list':
      return [
        list(
          item.ordered,
          item.items.map((sub) =>
            sub.flatMap((i) => itemBlocks(i, imageIndex, depth + 1)).flatMap(listItemBlocks),
          ),
        ),
      ]
    case 'image': {
      const index = imageIndex(item.image)
      return index >= 0 ? [embeddedImage(index)] : []
    }
    case 'spacer':
      return []
    case 'hr':
      return [hr()]
    case 'note':
      return item.items.flatMap((i) => itemBlocks(i, imageIndex, depth + 1))
    case 'table': {
      // An empty `<tr></tr>` shows nothing, and Rich Text requires a cell in every row.
      const rows = item.rows.filter((r) => r.cells.length > 0)
      return rows.length
        ? [table(rows.map((r) => ({ header: r.header, cells: r.cells.map((c) => c.inlines) })))]
        : []
    }
    case 'code':
      return [paragraph([text(item.value, ['code'])])]
    case 'caption':
      return [paragraph([text(item.text)])]
  }
}

// A table cannot sit inside a list item; its rows become paragraphs.
function listItemBlocks(block: Block): Block[] {
  if (block.nodeType !== 'table') return [block]
  return (block.content as Block[]).map((row) =>
    paragraph(
      (row.content as Block[]).flatMap((cell, i) => {
        const inl = ((cell.content[0] as Block | undefined)?.content ?? []) as InlineNode[]
        return i > 0 ? [text(' | '), ...inl] : inl
      }),
    ),
  )
}
