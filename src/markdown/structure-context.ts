// Shared state of the structure stage: where messages go and what ended up in no field.
import type { Block } from '@contentful/rich-text-types'
import type { VFile } from 'vfile'
import { type DiagnosticId, report } from '../diagnostics/registry.ts'
import type { ImageRef, RichText } from '../model/article.ts'
import { append } from './append.ts'
import { type ImageIndex, itemBlocks } from './blocks.ts'
import type { Item, RawImage } from './hast-items.ts'
import { documentOf, paragraph } from './rich-text.ts'

export interface StructureCtx {
  file: VFile
  imageIndex: ImageIndex
  toRef: (image: RawImage) => ImageRef
  unplaced: Item[]
  unplacedLines: (number | null)[]
  /** Sections read as explanation rather than as a fix (see groups.ts). */
  explainers: number
}

export type Field = 'symptom' | 'condition' | 'cause'

export function emptyDoc(): RichText {
  return (
    documentOf([paragraph([])]) ?? ({ nodeType: 'document', data: {}, content: [] } as unknown as RichText)
  )
}

/** Structural text (labels, lead-ins) kept out of the fields, reported so a writer sees what was set aside. */
export function dropped(ctx: StructureCtx, item: Item | { at: number | null }, text: string): void {
  info(
    ctx,
    item as Item,
    `Structural text set aside: "${text.replace(/\s+/g, ' ').trim()}"`,
    'structure-dropped',
  )
}

export function info(ctx: StructureCtx, item: Item, reason: string, ruleId: DiagnosticId): void {
  report(ctx.file, ruleId, reason, item.at ? { line: item.at, column: 1 } : null)
}

export function bodyOf(ctx: StructureCtx): RichText | null {
  const blocks: Block[] = []
  for (const item of ctx.unplaced) {
    const b = itemBlocks(item, ctx.imageIndex)
    if (b.length === 0) continue
    append(blocks, b)
    ctx.unplacedLines.push(item.at)
  }
  return documentOf(blocks)
}
