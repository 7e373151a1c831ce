// Table articles: a row per issue, with manifestation / explanation / solution columns.
import type { Block } from '@contentful/rich-text-types'
import type { Note, RelatedLink, Resolution } from '../model/article.ts'
import { lineBlock } from './blocks.ts'
import { CAUSE_COLUMN, MANIFESTATION_COLUMN, SOLUTION_COLUMN, SYMPTOM_COLUMN } from './cues.ts'
import type { Item, Line } from './hast-items.ts'
import { documentOf } from './rich-text.ts'
import type { Structure } from './structure.ts'
import { bodyOf, dropped, type StructureCtx } from './structure-context.ts'

/** Columns for what the reader sees, why, and what to do: three different columns, or it is no issue table. */
function issueColumns(names: string[]): { symptom: number; cause: number } | null {
  const cause = names.findIndex((n) => CAUSE_COLUMN.test(n) && !SOLUTION_COLUMN.test(n))
  const candidate = (re: RegExp) =>
    names.findIndex((n, i) => i !== cause && re.test(n) && !CAUSE_COLUMN.test(n))
  const manifestation = candidate(MANIFESTATION_COLUMN)
  const symptom = manifestation >= 0 ? manifestation : candidate(SYMPTOM_COLUMN)
  const solution = names.findIndex((n, i) => i !== cause && i !== symptom && SOLUTION_COLUMN.test(n))
  return cause >= 0 && symptom >= 0 && solution >= 0 ? { symptom, cause } : null
}

export function isIssueTable(item: Extract<Item, { type: 'table' }>): boolean {
  const header = item.rows[0]
  if (!header || item.rows.length < 2) return false
  return issueColumns(header.cells.map((c) => c.text)) !== null
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
): Omit<Structure, 'page'> {
  const symptoms: Block[] = []
  const resolutions: Resolution[] = []
  for (const table of tables) {
    const header = (table.rows[0] as { cells: Line[] }).cells.map((c) => c.text)
    const cols = issueColumns(header) as { symptom: number; cause: number }
    const symptomCol = cols.symptom
    const causeCol = cols.cause
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
    explainers: ctx.explainers,
    overview: false,
  }
}
