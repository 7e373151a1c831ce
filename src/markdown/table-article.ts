// Table articles: a row per issue, with manifestation / explanation / solution columns.
import type { Block } from '@contentful/rich-text-types'
import type { Note, RelatedLink, Resolution } from '../model/article.ts'
import { lineBlock } from './blocks.ts'
import type { Item, Line } from './hast-items.ts'
import { documentOf } from './rich-text.ts'
import type { Structure } from './structure.ts'
import { bodyOf, dropped, type StructureCtx } from './structure-context.ts'

const SYMPTOM_COLUMN = /manifest|symptom|issue|problem|error|what you see/i
const CAUSE_COLUMN = /explanation|cause|reason|why|description/i
const SOLUTION_COLUMN = /solution|resolution|fix|what to do|workaround|action/i

export function isIssueTable(item: Extract<Item, { type: 'table' }>): boolean {
  const header = item.rows[0]
  if (!header || item.rows.length < 2) return false
  const names = header.cells.map((c) => c.text)
  return (
    names.some((n) => SYMPTOM_COLUMN.test(n)) &&
    names.some((n) => CAUSE_COLUMN.test(n)) &&
    names.some((n) => SOLUTION_COLUMN.test(n))
  )
}

export function tableArticle(
  items: Item[],
  tables: Extract<Item, { type: 'table' }>[],
  ctx: StructureCtx,
  head: {
    title: string
    hasTitle: boolean
    readingTimeMinutes: number | null
    notes: Note[]
    related: RelatedLink[]
  },
): Structure {
  const symptoms: Block[] = []
  const resolutions: Resolution[] = []
  for (const table of tables) {
    const header = (table.rows[0] as { cells: Line[] }).cells.map((c) => c.text)
    const symptomCol = header.findIndex((n) => SYMPTOM_COLUMN.test(n) && !CAUSE_COLUMN.test(n))
    const causeCol = header.findIndex((n) => CAUSE_COLUMN.test(n))
    dropped(ctx, table, header.join(' | '))
    for (const row of table.rows.slice(1)) {
      const symptomCell = row.cells[symptomCol]
      if (symptomCell) symptoms.push(lineBlock(symptomCell))
      const causeCell = row.cells[causeCol]
      resolutions.push({
        title: null,
        cause: causeCell ? documentOf([lineBlock(causeCell)]) : null,
        intro: documentOf(row.cells.filter((_, i) => i !== causeCol).map((c) => lineBlock(c))),
        steps: [],
      })
    }
  }
  for (const item of items)
    if (
      !tables.includes(item as Extract<Item, { type: 'table' }>) &&
      item.type !== 'spacer' &&
      item.type !== 'image'
    )
      ctx.unplaced.push(item)
  return {
    ...head,
    symptom: documentOf(symptoms),
    condition: null,
    cause: null,
    symptomByCue: true,
    tableArticle: true,
    resolutions,
    body: bodyOf(ctx),
    unplacedLines: ctx.unplacedLines,
    overview: false,
  }
}
