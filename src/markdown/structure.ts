import type { VFile } from 'vfile'
import { report } from '../diagnostics/registry.ts'
import type { ImageRef, Note, RelatedLink, Resolution, RichText } from '../model/article.ts'
import { type ImageIndex, itemBlocks } from './blocks.ts'
import {
  BADGE_LEAD,
  CAUSE,
  EXPLAINER_HEADING,
  OVERVIEW,
  QUESTION_HEADING,
  READING_TIME,
  RESOLUTION,
  RESOLUTION_MID,
  SYMPTOM,
  TROUBLESHOOTING_TITLE,
  WORK_IN_PROGRESS,
} from './cues.ts'
import { buildGroups, fixHeading } from './groups.ts'
import type { Item, Line, RawImage } from './hast-items.ts'
import { classifyPreamble } from './preamble.ts'
import { readRelated } from './related-links.ts'
import { documentOf } from './rich-text.ts'
import { runOf, sentenceSpans, sliceRun } from './sentences.ts'
import { stepMarker } from './steps.ts'
import { bodyOf, dropped, emptyDoc, info, type StructureCtx } from './structure-context.ts'
import { isIssueTable, tableArticle } from './table-article.ts'

export interface Structure {
  title: string
  hasTitle: boolean
  readingTimeMinutes: number | null
  symptom: RichText | null
  condition: RichText | null
  cause: RichText | null
  symptomByCue: boolean
  tableArticle: boolean
  resolutions: Resolution[]
  notes: Note[]
  related: RelatedLink[]
  body: RichText | null
  /** The article presents itself as an overview or guide. */
  overview: boolean
  /** Lines of the items that went to `body` (reported for troubleshooting articles only). */
  unplacedLines: (number | null)[]
  /** How many sections explain rather than fix: a guide's shape, not an issue's. */
  explainers: number
  /** The page's content in reading order (notes and `<details>` in place), without header and related list. */
  page: Item[]
}

export function buildStructure(
  items: Item[],
  file: VFile,
  imageIndex: ImageIndex,
  toRef: (image: RawImage) => ImageRef,
): Structure {
  const ctx: StructureCtx = { file, imageIndex, toRef, unplaced: [], unplacedLines: [], explainers: 0 }
  const notes: Note[] = []
  const related: RelatedLink[] = []

  // Header: the H1, then reading time, badge lead-in and work-in-progress lines near it.
  const h1 = items.findIndex((i) => i.type === 'heading' && i.depth === 1)
  const title =
    h1 >= 0 ? (items[h1] as Extract<Item, { type: 'heading' }>).line.text.replace(/\s+/g, ' ').trim() : ''
  let readingTimeMinutes: number | null = null
  const before = h1 >= 0 ? items.slice(0, h1) : []
  const rest: Item[] = []
  for (const item of h1 >= 0 ? items.slice(h1 + 1) : items) {
    if (item.type === 'para' && item.lines.length === 1) {
      const t = (item.lines[0] as Line).text.replace(/\u00a0/g, ' ').trim()
      const rt = READING_TIME.exec(t)
      if (rt?.[1] && readingTimeMinutes === null) {
        readingTimeMinutes = Number(rt[1])
        if (rt[2]?.replace(/^[\s\u00a0–—-]+/, '').trim()) dropped(ctx, item, t)
        continue
      }
      if (BADGE_LEAD.test(t)) {
        dropped(ctx, item, t) // the badge lead-in: the badges themselves go to appliesTo
        continue
      }
      if (WORK_IN_PROGRESS.test(t)) {
        info(ctx, item, `Work-in-progress note left out of the article: "${t}"`, 'work-in-progress')
        continue
      }
    }
    rest.push(item)
  }
  for (const item of before) if (item.type !== 'spacer') ctx.unplaced.push(item)
  if (h1 < 0) {
    report(file, 'no-title', 'No `# Title` heading; the article has no title')
  }

  // Admonitions are notes wherever they are; related-article lists are links, not content. For the fields,
  // a <details> disclosure reads as its content; the page keeps it whole.
  const flatRest = flattenDetails(rest)
  const relatedItems = new Set<Item>()
  const content: (Item | Item[])[] = []
  for (let i = 0; i < flatRest.length; i++) {
    const item = flatRest[i] as Item
    if (item.type === 'note') {
      notes.push({
        kind: item.kind,
        title: item.title,
        body: documentOf(item.items.flatMap((x) => itemBlocks(x, imageIndex))) ?? emptyDoc(),
        ...(item.collapsible ? { collapsible: true } : {}),
      })
      content.push({ type: 'spacer', at: item.at })
      continue
    }
    const consumed = readRelated(flatRest, i, related, ctx)
    if (consumed > 0) {
      for (const used of flatRest.slice(i, i + consumed)) relatedItems.add(used)
      i += consumed - 1
      continue
    }
    content.push(splitParas(item))
  }
  const flat = content.flatMap((i) => (Array.isArray(i) ? i : [i]))

  const tables = flat.filter(
    (i): i is Extract<Item, { type: 'table' }> => i.type === 'table' && isIssueTable(i),
  )
  // The whole page in reading order, for pages that are not troubleshooting articles: what came before the
  // title, then everything after the header but the related-article list.
  const page = [...before, ...rest].filter((i) => i.type !== 'spacer' && !relatedItems.has(i))
  if (tables.length)
    return {
      ...tableArticle(flat, tables, ctx, { title, hasTitle: h1 >= 0, readingTimeMinutes, notes, related }),
      page,
    }

  const start = resolutionStart(flat)
  const preamble = start < 0 ? flat : flat.slice(0, start)
  // An overview announces itself; an FAQ is a run of question headings ("How do I …?"), however troubled.
  const questions = flat.filter((i) => i.type === 'heading' && QUESTION_HEADING.test(i.line.text)).length
  const overview =
    questions >= 3 || preamble.some((i) => i.type === 'para' && OVERVIEW.test(runOf(i.lines).text))
  // A symptom is guessed only where the article can still be troubleshooting: a fix and an issue title.
  const fields = classifyPreamble(preamble, ctx, start >= 0 && TROUBLESHOOTING_TITLE.test(title) && !overview)
  const lead = start >= 0 && flat[start]?.type !== 'heading' ? fields.lead : []
  const leadSet = new Set(lead)
  ctx.unplaced = ctx.unplaced.filter((i) => !leadSet.has(i))
  const groups =
    start < 0 ? { resolutions: [] } : buildGroups([...lead, ...flat.slice(start)], ctx, fields.multiCause)
  titleFirstIssue(preamble, groups.resolutions, ctx)

  return {
    title,
    hasTitle: h1 >= 0,
    readingTimeMinutes,
    symptom: fields.symptom,
    condition: fields.condition,
    cause: fields.cause,
    symptomByCue: fields.symptomByCue,
    tableArticle: false,
    resolutions: groups.resolutions,
    notes,
    related,
    body: bodyOf(ctx),
    unplacedLines: ctx.unplacedLines,
    explainers: ctx.explainers,
    overview,
    page,
  }
}

function flattenDetails(items: Item[]): Item[] {
  return items.flatMap((i) => (i.type === 'details' ? flattenDetails(i.items) : [i]))
}

/**
 * Two independent issues in one article: the first issue's section heading opens the article, before its
 * symptom, and a later titled section holds the second. That first heading titles the first fix.
 */
function titleFirstIssue(preamble: Item[], resolutions: Resolution[], ctx: StructureCtx): void {
  const first = preamble.find((i) => i.type !== 'spacer')
  const fix = resolutions[0]
  if (first?.type !== 'heading' || first.depth < 2 || !fix || fix.title !== null) return
  const text = first.line.text.trim()
  if (EXPLAINER_HEADING.test(text)) return
  if (!resolutions.slice(1).some((r) => r.title !== null)) return
  fix.title = text
  ctx.unplaced = ctx.unplaced.filter((i) => i !== first)
  info(
    ctx,
    first,
    `Opening heading "${text}" taken as the title of the first resolution`,
    'first-issue-heading',
  )
}

/**
 * A paragraph is cut before any line that opens a step or a resolution, and before a mid-paragraph sentence
 * that opens a resolution ("… is caused by X. To resolve it, …"), so each part is classified alone.
 */
function splitParas(item: Item): Item | Item[] {
  if (item.type !== 'para') return item
  const parts: Line[][] = []
  let current: Line[] = []
  for (const line of item.lines) {
    if (current.length && (stepMarker(line) || RESOLUTION.test(line.text))) {
      parts.push(current)
      current = []
    }
    const cut = stepMarker(line)
      ? undefined
      : sentenceSpans(line.text).find(
          (sp, k) =>
            k > 0 &&
            RESOLUTION_MID.test(line.text.slice(sp.start, sp.end)) &&
            (line.text.slice(0, sp.start).match(/["“”]/g)?.length ?? 0) % 2 === 0,
        )
    if (cut) {
      const run = runOf([line])
      const head = sliceRun(run, 0, cut.start)
      const tail = sliceRun(run, cut.start, run.text.length)
      current.push({ inlines: head.inlines, text: head.text.trim(), icons: line.icons })
      parts.push(current)
      current = [{ inlines: tail.inlines, text: tail.text.trim(), icons: [] }]
      continue
    }
    current.push(line)
  }
  parts.push(current)
  if (parts.length === 1) return item
  return parts.map((lines) => ({ ...item, lines }))
}

/**
 * Where the fix begins: a resolution heading, a resolution cue, a step or an ordered list. A plain section
 * heading right before that point (only its intro text between) opens the resolution too.
 */
function resolutionStart(items: Item[]): number {
  const start = items.findIndex(isResolutionStart)
  if (start < 0) return start
  // Once the issue is described, a section heading opens the fix (multi-cause articles: one section per cause).
  let described = false
  for (let j = 0; j < start; j++) {
    const item = items[j] as Item
    if (item.type === 'para' && !described) described = SYMPTOM.test(runOf(item.lines).text)
    else if (
      described &&
      item.type === 'heading' &&
      item.depth >= 2 &&
      !EXPLAINER_HEADING.test(item.line.text.trim())
    )
      return j
  }
  for (let j = start - 1; j >= 0; j--) {
    const item = items[j] as Item
    if (item.type === 'heading') {
      const hasPreamble = items.slice(0, j).some((i) => i.type === 'para')
      // A heading that explains ("What causes the error") closes the issue description, it does not open the fix.
      const explains = EXPLAINER_HEADING.test(item.line.text.trim())
      return item.depth >= 2 && hasPreamble && !explains ? j : start
    }
    if (
      item.type === 'para' &&
      (SYMPTOM.test(item.lines[0]?.text ?? '') || CAUSE.test(runOf(item.lines).text))
    )
      return start
    if (start - j > 4) return start
  }
  return start
}

function isResolutionStart(item: Item): boolean {
  if (item.type === 'heading') return item.depth >= 2 && fixHeading(item.line.text)
  if (item.type === 'list') return item.ordered
  if (item.type !== 'para') return false
  const first = item.lines[0] as Line
  return stepMarker(first) !== null || RESOLUTION.test(first.text.replace(/\u00a0/g, ' ').trim())
}
