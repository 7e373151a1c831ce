// Turns the item stream of a page into the Article's structure: header, symptom/condition/cause, resolution
// groups with steps, notes, related links and whatever fits nowhere (body). Pure apart from vfile messages.
import type { Block } from '@contentful/rich-text-types'
import type { VFile } from 'vfile'
import type { ImageRef, Note, RelatedLink, Resolution, RichText, Step } from '../model/article.ts'
import { type ImageIndex, itemBlocks, lineBlock } from './blocks.ts'
import {
  CAUSE,
  CAUSE_AFTER_SYMPTOM,
  CAUSE_FOLLOW_UP,
  CAUSE_HEADING,
  CONDITION,
  ERROR_TEXT,
  EXPLAINER_HEADING,
  FRAMING,
  INDICATES,
  LABEL,
  labelField,
  OVERVIEW,
  READING_TIME,
  RELATED,
  RESOLUTION,
  RESOLUTION_HEADING,
  RESOLUTION_MID,
  SEVERAL_CAUSES,
  SYMPTOM,
  WORK_IN_PROGRESS,
} from './cues.ts'
import type { Item, Line, RawImage } from './hast-items.ts'
import { documentOf, type InlineNode, list, paragraph, plainText } from './rich-text.ts'
import { type Run, runOf, sentenceSpans, sliceRun } from './sentences.ts'
import { major, stepMarker } from './steps.ts'

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
  stepImages: Map<RawImage, true>
  notes: Note[]
  related: RelatedLink[]
  body: RichText | null
  /** The article presents itself as an overview or guide. */
  overview: boolean
  /** Lines of the items that went to `body` (reported for troubleshooting articles only). */
  unplacedLines: (number | null)[]
}

interface Ctx {
  file: VFile
  imageIndex: ImageIndex
  toRef: (image: RawImage) => ImageRef
  unplaced: Item[]
  unplacedLines: (number | null)[]
}

type Field = 'symptom' | 'condition' | 'cause'

export function buildStructure(
  items: Item[],
  file: VFile,
  imageIndex: ImageIndex,
  toRef: (image: RawImage) => ImageRef,
): Structure {
  const ctx: Ctx = { file, imageIndex, toRef, unplaced: [], unplacedLines: [] }
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
      if (/^for users of\b.*:$/i.test(t)) {
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
    file.message('No `# Title` heading; the article has no title', { ruleId: 'no-title', source: 'kb-cms' })
  }

  // Admonitions are notes wherever they are; related-article lists are links, not content.
  const content: (Item | Item[])[] = []
  for (let i = 0; i < rest.length; i++) {
    const item = rest[i] as Item
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
    const consumed = readRelated(rest, i, related, ctx)
    if (consumed > 0) {
      i += consumed - 1
      continue
    }
    content.push(splitParas(item))
  }
  const flat = content.flatMap((i) => (Array.isArray(i) ? i : [i]))

  const tables = flat.filter(
    (i): i is Extract<Item, { type: 'table' }> => i.type === 'table' && isIssueTable(i),
  )
  if (tables.length)
    return tableArticle(flat, tables, ctx, { title, hasTitle: h1 >= 0, readingTimeMinutes, notes, related })

  const start = resolutionStart(flat)
  const preamble = start < 0 ? flat : flat.slice(0, start)
  const fields = classifyPreamble(preamble, ctx, start >= 0)
  const lead = start >= 0 && flat[start]?.type !== 'heading' ? fields.lead : []
  const leadSet = new Set(lead)
  ctx.unplaced = ctx.unplaced.filter((i) => !leadSet.has(i))
  const groups =
    start < 0
      ? { resolutions: [], stepImages: new Map() }
      : buildGroups([...lead, ...flat.slice(start)], ctx, fields.multiCause)

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
    stepImages: groups.stepImages,
    notes,
    related,
    body: bodyOf(ctx),
    unplacedLines: ctx.unplacedLines,
    overview: preamble.some((i) => i.type === 'para' && OVERVIEW.test(runOf(i.lines).text)),
  }
}

function emptyDoc(): RichText {
  return (
    documentOf([paragraph([])]) ?? ({ nodeType: 'document', data: {}, content: [] } as unknown as RichText)
  )
}

/** Structural text (labels, lead-ins) kept out of the fields, reported so a writer sees what was set aside. */
function dropped(ctx: Ctx, item: Item | { at: number | null }, text: string): void {
  info(
    ctx,
    item as Item,
    `Structural text set aside: "${text.replace(/\s+/g, ' ').trim()}"`,
    'structure-dropped',
  )
}

function info(ctx: Ctx, item: Item, reason: string, ruleId: string): void {
  const m = ctx.file.message(reason, {
    place: item.at ? { line: item.at, column: 1 } : undefined,
    ruleId,
    source: 'kb-cms',
  })
  m.fatal = undefined
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

function readRelated(items: Item[], i: number, out: RelatedLink[], ctx: Ctx): number {
  const item = items[i] as Item
  const lead =
    item.type === 'para'
      ? (item.lines[0] as Line).text
      : item.type === 'heading' && item.depth >= 2
        ? item.line.text
        : null
  if (lead === null || !RELATED.test(lead.replace(/\u00a0/g, ' ').trim())) return 0
  const links: RelatedLink[] = []
  if (item.type === 'para') for (const line of item.lines.slice(1)) links.push(...linksOf(line.inlines))
  let used = 1
  for (let j = i + 1; j < items.length; j++) {
    const next = items[j] as Item
    if (next.type === 'para' && next.lines.every((l) => isLinkOnly(l.inlines))) {
      for (const l of next.lines) links.push(...linksOf(l.inlines))
    } else if (
      next.type === 'list' &&
      next.items.every((li) =>
        li.every((x) => x.type === 'para' && x.lines.every((l) => isLinkOnly(l.inlines))),
      )
    ) {
      for (const li of next.items)
        for (const x of li) if (x.type === 'para') for (const l of x.lines) links.push(...linksOf(l.inlines))
    } else break
    used = j - i + 1
  }
  if (links.length === 0) return 0
  dropped(ctx, item, lead)
  out.push(...links)
  return used
}

function linksOf(inlines: InlineNode[]): RelatedLink[] {
  return inlines
    .filter((n) => n.nodeType === 'hyperlink')
    .map((n) => ({ title: plainText(n).trim(), href: String((n as { data: { uri: string } }).data.uri) }))
}

function isLinkOnly(inlines: InlineNode[]): boolean {
  const links = inlines.filter((n) => n.nodeType === 'hyperlink')
  const other = inlines
    .filter((n) => n.nodeType !== 'hyperlink')
    .map((n) => plainText(n))
    .join('')
  return links.length > 0 && other.replace(/[\s\u00a0•·,;|-]/g, '') === ''
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
      return item.depth >= 2 && hasPreamble ? j : start
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
  if (item.type === 'heading')
    return (
      item.depth >= 2 &&
      (RESOLUTION_HEADING.test(item.line.text) || /^([0-9]+|[IVX]+)\.\s/.test(item.line.text.trim()))
    )
  if (item.type === 'list') return item.ordered
  if (item.type !== 'para') return false
  const first = item.lines[0] as Line
  return stepMarker(first) !== null || RESOLUTION.test(first.text.replace(/\u00a0/g, ' ').trim())
}

// ---------------------------------------------------------------------------------------------------------
// Symptom, condition and cause, from the text before the first resolution.

interface Fields {
  symptom: RichText | null
  condition: RichText | null
  cause: RichText | null
  symptomByCue: boolean
  multiCause: boolean
  /** Unclassified paragraphs right before the fix: the first group's intro when it has no heading. */
  lead: Item[]
}

function classifyPreamble(items: Item[], ctx: Ctx, hasFix: boolean): Fields {
  const out: Record<Field, Block[]> = { symptom: [], condition: [], cause: [] }
  let last = null as Field | 'other' | null
  let symptomSeen = false
  let symptomByCue = false
  let multiCause = false
  let prevEndsColon = false
  const others: Item[] = []
  let causeSection = false
  let labelNext: Field | null = null
  let trailing: Item[] = []

  for (const item of items) {
    if (item.type === 'spacer') continue
    if (item.type === 'image') {
      // A screenshot right after a symptom or cause shows it: embed it there (it is also in Article.images).
      if (last && last !== 'other' && !item.image.float) out[last].push(...itemBlocks(item, ctx.imageIndex))
      continue
    }
    if (item.type === 'list') {
      if (last === 'symptom' || last === 'cause') {
        out[last].push(...itemBlocks(item, ctx.imageIndex))
        prevEndsColon = false
      } else others.push(item)
      continue
    }
    if (item.type === 'heading') causeSection = CAUSE_HEADING.test(item.line.text)
    if (item.type !== 'para') {
      others.push(item)
      continue
    }
    const run = runOf(item.lines)
    // A label standing alone ("**Cause:**") names the field of the paragraph that follows it.
    const alone = /^[\s\u00a0]*([\w'’ ]{2,40}?)\s*:[\s\u00a0]*$/.exec(run.text)
    const aloneField = alone?.[1] ? labelField(alone[1]) : null
    if (aloneField) {
      dropped(ctx, item, run.text)
      labelNext = aloneField
      continue
    }
    if (SEVERAL_CAUSES.test(run.text)) multiCause = true
    const spans = sentenceSpans(run.text)
    const parts: { field: Field | 'other'; run: Run }[] = []
    let paraField: Field | 'other' | null = null
    spans.forEach((span, k) => {
      let piece = sliceRun(run, span.start, span.end)
      const t = piece.text.replace(/\u00a0/g, ' ').trim()
      let field: Field | 'other' | null = null
      if (labelNext) {
        field = labelNext
        if (field === 'symptom') {
          symptomSeen = true
          symptomByCue = true
        }
        parts.push({ field, run: piece })
        paraField = field
        last = field
        return
      }
      const label = k === 0 ? LABEL.exec(t) : null
      const labelled = label?.[1] ? labelField(label[1]) : null
      if (labelled && label) {
        field = labelled
        if (labelled === 'symptom') symptomByCue = true
        dropped(ctx, item, label[0])
        piece = sliceRun(
          piece,
          label[0].length + (piece.text.length - piece.text.replace(/^[\s\u00a0]+/, '').length),
          piece.text.length,
        )
      } else if (FRAMING.test(t)) {
        field = 'other'
        if (/\b(reasons?|causes?)\b/i.test(t)) multiCause = true
      } else if (!symptomSeen && INDICATES.test(t)) {
        // "X usually indicates that Y": X is what the reader sees, Y why it happens.
        const m = INDICATES.exec(piece.text) as RegExpExecArray
        dropped(ctx, item, m[0])
        parts.push({ field: 'symptom', run: sliceRun(piece, 0, m.index) })
        parts.push({ field: 'cause', run: sliceRun(piece, m.index + m[0].length, piece.text.length) })
        symptomSeen = true
        symptomByCue = true
        paraField = 'cause'
        last = 'cause'
        return
      } else if (symptomSeen && CAUSE_AFTER_SYMPTOM.test(t)) field = 'cause'
      else if (!symptomSeen && /^(if|when)\b/i.test(t) && SYMPTOM.test(t)) {
        // A conditional opener is the symptom even when it names the cause; the shared-clause cut below splits it.
        field = 'symptom'
        symptomByCue = true
      } else if (CONDITION.test(t) && !CAUSE.test(t)) field = 'condition'
      else if (CAUSE.test(t)) field = 'cause'
      else if ((last === 'cause' || paraField === 'cause') && CAUSE_FOLLOW_UP.test(t)) field = 'cause'
      else if (!symptomSeen && (SYMPTOM.test(t) || (item.italicOnly && ERROR_TEXT.test(t)))) {
        field = 'symptom'
        symptomByCue = true
      } else if (k > 0 && paraField && paraField !== 'other') field = paraField
      else if (k === 0 && last === 'symptom' && continuesSymptom(t, item.italicOnly, prevEndsColon))
        field = 'symptom'
      else if (k === 0 && (last === 'cause' || last === 'condition') && /^[a-z]/.test(t)) field = last
      else if (causeSection && !FRAMING.test(t)) field = 'cause'
      else field = 'other'
      // One sentence holding symptom and cause ("If …, that is most probably caused by …") is cut at the clause.
      if (field === 'symptom' || field === 'cause') {
        const shared =
          /[,;][\s\u00a0]+(?=(that|this|which|it)\s+(\w+\s+){0,4}?(caused|due to|because|the result of)\b)/i.exec(
            piece.text,
          )
        if (shared && SYMPTOM.test(piece.text.slice(0, shared.index))) {
          parts.push(...splitAdvice(sliceRun(piece, 0, shared.index)))
          parts.push({
            field: 'cause',
            run: sliceRun(piece, shared.index + shared[0].length, piece.text.length),
          })
          symptomSeen = true
          symptomByCue = true
          paraField = 'cause'
          last = 'cause'
          return
        }
      }
      if (field === 'symptom') symptomSeen = true
      if (field === 'symptom') parts.push(...splitAdvice(piece))
      else parts.push({ field, run: piece })
      paraField = field
      if (field !== 'other') last = field
    })
    // Consecutive sentences of one field stay one paragraph.
    let pending: { field: Field | 'other'; inlines: InlineNode[] } | null = null
    const emit = () => {
      if (!pending) return
      if (pending.field !== 'other') trailing = []
      if (pending.field === 'other') {
        const para: Item = {
          type: 'para',
          lines: [{ inlines: pending.inlines, text: plainText(pending.inlines), icons: [] }],
          at: item.at,
          inDetails: false,
          italicOnly: false,
        }
        ctx.unplaced.push(para)
        if (!FRAMING.test(para.type === 'para' ? (para.lines[0]?.text ?? '') : '')) trailing.push(para)
      } else out[pending.field].push(paragraph(pending.inlines))
      pending = null
    }
    for (const part of parts) {
      if (pending && (pending as { field: string }).field === part.field) {
        ;(pending as { inlines: InlineNode[] }).inlines.push(
          { nodeType: 'text', value: ' ', marks: [], data: {} } as InlineNode,
          ...part.run.inlines,
        )
      } else {
        emit()
        pending = { field: part.field, inlines: [...part.run.inlines] }
      }
    }
    emit()
    labelNext = null
    if (parts.every((p) => p.field === 'other')) last = last === null ? null : 'other'
    prevEndsColon = /:\s*$/.test(run.text)
  }
  ctx.unplaced.push(...others)
  let symptom = documentOf(out.symptom)
  if (!symptom && hasFix) {
    // No cue: the first unplaced paragraph is the best guess, flagged for a writer to check.
    const idx = ctx.unplaced.findIndex((i) => i.type === 'para' && !FRAMING.test((i.lines[0] as Line).text))
    const guess = ctx.unplaced[idx]
    if (guess && guess.type === 'para') {
      ctx.unplaced.splice(idx, 1)
      symptom = documentOf(guess.lines.map((l) => lineBlock(l)))
      const m = ctx.file.message('No symptom cue found; the first paragraph was taken as the symptom', {
        place: guess.at ? { line: guess.at, column: 1 } : undefined,
        ruleId: 'symptom-guessed',
        source: 'kb-cms',
      })
      m.fatal = false
    }
  }
  return {
    symptom,
    condition: documentOf(out.condition),
    cause: documentOf(out.cause),
    symptomByCue,
    multiCause,
    lead: ((kept) => trailing.filter((i) => kept.has(i)))(new Set(ctx.unplaced)),
  }
}

/** "If X happens, follow the steps below": the advice clause is not part of the symptom. */
function splitAdvice(run: Run): { field: Field | 'other'; run: Run }[] {
  const m =
    /[,;][\s\u00a0]+(?=(please )?(follow|see|refer to|read|check|to (resolve|fix|solve|troubleshoot|prevent|handle))\b)/i.exec(
      run.text,
    )
  if (!m || !/^(if|when)\b/i.test(run.text.trim())) return [{ field: 'symptom', run }]
  return [
    { field: 'symptom', run: sliceRun(run, 0, m.index) },
    { field: 'other', run: sliceRun(run, m.index + m[0].length, run.text.length) },
  ]
}

function continuesSymptom(t: string, italicOnly: boolean, prevEndsColon: boolean): boolean {
  if (italicOnly || /^["“*_]/.test(t)) return true
  if (prevEndsColon && !RESOLUTION.test(t)) return true
  if (/^[a-z]/.test(t)) return true
  return (
    /:\s*$/.test(t) &&
    /\b(errors?|messages?|notifications?|text|following|shown|displayed|manifest\w*|symptoms?|signs?)\b/i.test(
      t,
    )
  )
}

// ---------------------------------------------------------------------------------------------------------
// Resolution groups and steps.

interface StepDraft {
  number: string
  blocks: Block[]
  subs: Block[][]
  images: RawImage[]
}

interface GroupDraft {
  title: string | null
  headingDepth: number
  intro: { blocks: Block[]; run: Run | null }[]
  hasIntroText: boolean
  steps: StepDraft[]
  closed: boolean
  /** Steps came from a bulleted action list; a further bullet list after an image or spacer continues it. */
  bullets: boolean
  at: number | null
}

function buildGroups(
  items: Item[],
  ctx: Ctx,
  multiCauseHint: boolean,
): { resolutions: Resolution[]; stepImages: Map<RawImage, true> } {
  const groups: GroupDraft[] = []
  let g: GroupDraft | null = null
  let pending: Item[] = []
  let floats: RawImage[] = []
  const stepImages = new Map<RawImage, true>()

  const newGroup = (title: string | null, depth: number, at: number | null): GroupDraft => {
    dropPending()
    g = {
      title,
      headingDepth: depth,
      intro: [],
      hasIntroText: false,
      steps: [],
      closed: false,
      bullets: false,
      at,
    }
    groups.push(g)
    return g
  }
  const dropPending = () => {
    ctx.unplaced.push(...pending)
    pending = []
  }
  const addIntro = (group: GroupDraft, item: Item) => {
    if (item.type === 'para') group.hasIntroText = true
    group.intro.push({
      blocks: itemBlocks(item, ctx.imageIndex),
      run: item.type === 'para' ? runOf(item.lines) : null,
    })
  }
  const addStep = (
    group: GroupDraft,
    number: string,
    line: Line | null,
    blocks: Block[],
    at: number | null,
  ) => {
    const last = group.steps[group.steps.length - 1]
    const instruction = line ? [lineBlock(line)] : blocks
    if (last && number.includes('.') && major(number) === major(last.number) && !last.number.includes('.')) {
      last.subs.push(instruction)
    } else {
      if (last && stepNumberAnomaly(last.number, number)) {
        const m = ctx.file.message(`Step ${number} follows step ${last.number}`, {
          place: at ? { line: at, column: 1 } : undefined,
          ruleId: 'step-numbering-gap',
          source: 'kb-cms',
        })
        m.fatal = false
      }
      group.steps.push({ number, blocks: instruction, subs: [], images: [...floats] })
      for (const f of floats) stepImages.set(f, true)
      floats = []
    }
    if (line) for (const icon of line.icons) stepImages.set(icon, true)
    group.closed = false
  }
  const startStep = (number: string, item: Item) => {
    let group = g as GroupDraft | null
    if (!group) group = newGroup(null, 7, item.at)
    else if (group.steps.length && group.closed) {
      const last = group.steps[group.steps.length - 1] as StepDraft
      const continues = continuesNumbering(last.number, number)
      const firstPending = pending.find((p) => p.type === 'para')
      const opensGroup =
        firstPending?.type === 'para' && RESOLUTION.test((firstPending.lines[0] as Line).text.trim())
      if (pending.some((p) => p.type === 'para' || p.type === 'list') && (opensGroup || !continues)) {
        const intro = pending
        pending = []
        group = newGroup(null, 7, item.at)
        for (const p of intro) addIntro(group, p)
      } else if (pending.length) {
        // Text between step N and step N+1 belongs to step N, spacers or not.
        for (const p of pending) last.blocks.push(...itemBlocks(p, ctx.imageIndex))
        pending = []
      } else if (!continues && major(number) <= 1 && !number.includes('.')) group = newGroup(null, 7, item.at)
    } else if (!group.steps.length && pending.length) {
      for (const p of pending) addIntro(group, p)
      pending = []
    }
    return group
  }

  for (const raw of items) {
    const item = pseudoHeading(raw)
    const group = g as GroupDraft | null
    switch (item.type) {
      case 'heading': {
        const text = item.line.text.trim()
        if (!group || group.steps.length || (group.hasIntroText && item.depth <= group.headingDepth)) {
          newGroup(text, item.depth, item.at)
        } else if (group.title === null) {
          group.title = text
          group.headingDepth = item.depth
        } else group.intro.push({ blocks: [lineBlock(item.line)], run: null })
        break
      }
      case 'para': {
        for (const line of item.lines) {
          const marker = stepMarker(line)
          const cur = g as GroupDraft | null
          if (marker) {
            const target = startStep(marker.number, item)
            addStep(target, marker.number, marker.rest, [], item.at)
            continue
          }
          const single: Item = { ...item, lines: [line] }
          if (!cur) {
            addIntro(newGroup(null, 7, item.at), single)
          } else if (cur.steps.length && !cur.closed) {
            if (/^if (that|this|it) (does not|doesn't|did not|didn't) help\b/i.test(line.text)) {
              addIntro(newGroup(null, 7, item.at), single)
            } else (cur.steps[cur.steps.length - 1] as StepDraft).blocks.push(lineBlock(line))
          } else if (cur.steps.length) {
            if (pending.length === 0 && RESOLUTION.test(line.text.replace(/\u00a0/g, ' ').trim())) {
              addIntro(newGroup(null, 7, item.at), single)
            } else pending.push(single)
          } else addIntro(cur, single)
        }
        break
      }
      case 'list': {
        if (item.ordered) {
          item.items.forEach((li, idx) => {
            const number = String(idx + 1)
            const target = startStep(number, item)
            const blocks = li.flatMap((x) => itemBlocks(x, ctx.imageIndex))
            addStep(target, number, null, blocks, item.at)
            for (const x of li) if (x.type === 'image') stepImages.set(x.image, true)
          })
        } else if (group?.steps.length && !group.closed) {
          ;(group.steps[group.steps.length - 1] as StepDraft).blocks.push(...itemBlocks(item, ctx.imageIndex))
        } else if (group?.bullets && pending.length === 0) {
          for (const li of item.items)
            addStep(
              group,
              String(group.steps.length + 1),
              null,
              li.flatMap((x) => itemBlocks(x, ctx.imageIndex)),
              item.at,
            )
        } else if (group && !group.steps.length && bulletStepsExpected(group)) {
          group.bullets = true
          for (const li of item.items)
            addStep(
              group,
              String(group.steps.length + 1),
              null,
              li.flatMap((x) => itemBlocks(x, ctx.imageIndex)),
              item.at,
            )
        } else if (group && !group.steps.length) addIntro(group, item)
        else pending.push(item)
        break
      }
      case 'image': {
        if (item.image.float) floats.push(item.image)
        else if (group?.steps.length && pending.length === 0) {
          ;(group.steps[group.steps.length - 1] as StepDraft).images.push(item.image)
          stepImages.set(item.image, true)
        }
        break
      }
      case 'spacer':
      case 'hr':
        if (group?.steps.length) group.closed = true
        break
      case 'table':
      case 'code':
        // Code belongs to a step; before the first step it is not intro text (it goes to body).
        if (item.type === 'code' && group && !group.steps.length) ctx.unplaced.push(item)
        else if (group?.steps.length && !group.closed)
          (group.steps[group.steps.length - 1] as StepDraft).blocks.push(...itemBlocks(item, ctx.imageIndex))
        else if (group && !group.steps.length) addIntro(group, item)
        else pending.push(item)
        break
      case 'caption':
        ctx.unplaced.push(item)
        break
      case 'note':
        if (group?.steps.length) group.closed = true
        break
    }
  }
  // Text left after the last step is not part of any group unless it opens a further resolution.
  const tail = pending
  pending = []
  const first = tail[0]
  if (first && first.type === 'para' && RESOLUTION.test((first.lines[0] as Line).text.trim())) {
    const ng = newGroup(null, 7, first.at)
    for (const p of tail) addIntro(ng, p)
  } else ctx.unplaced.push(...tail)

  const multiCause =
    multiCauseHint || groups.filter((x) => x.title && /^([0-9]+\.|[IVX]+\.)\s/.test(x.title)).length >= 2
  const resolutions = groups.map((draft) => finishGroup(draft, multiCause, ctx.toRef))
  return { resolutions, stepImages }
}

/**
 * A short paragraph that is bold throughout and reads like a heading ("**Steps for the legacy page**") plays the
 * role of a heading between step lists, as `### Steps for …` does elsewhere.
 */
function pseudoHeading(item: Item): Item {
  if (item.type !== 'para' || item.lines.length !== 1) return item
  const line = item.lines[0] as Line
  const words = line.text.trim().split(/\s+/)
  if (words.length > 14 || /[.!?]$/.test(line.text.trim()) || stepMarker(line)) return item
  const allBold = line.inlines.every((n) => {
    const texts = n.nodeType === 'text' ? [n] : (n.content as { value: string; marks: { type: string }[] }[])
    return texts.every((x) => x.value.trim() === '' || x.marks.some((m) => m.type === 'bold'))
  })
  if (!allBold || !(PSEUDO_HEADING.test(line.text.trim()) || RESOLUTION_HEADING.test(line.text))) return item
  return { type: 'heading', depth: 6, line, at: item.at }
}

const PSEUDO_HEADING =
  /^(steps? (for|to|in)|for (the )?|in (the )?|option|method|solution|variant|case|scenario|if you use)\b/i

function bulletStepsExpected(group: GroupDraft): boolean {
  const lastRun = group.intro[group.intro.length - 1]?.run
  if (lastRun && /:\s*$/.test(lastRun.text)) return true
  return (
    group.title !== null &&
    /\b(prevent|steps?|how to|solutions?|methods?|workarounds?|fix)\b/i.test(group.title)
  )
}

/** The next marker carries on from the previous one (2 after 1, 3.2 after 3.1, 4 after 3.2). */
function continuesNumbering(prev: string, next: string): boolean {
  const a = prev.split('.').map(Number)
  const b = next.split('.').map(Number)
  if (b.length > a.length) return b[0] === a[0] || b[0] === (a[0] as number) + 1
  const la = a[b.length - 1] as number
  const lb = b[b.length - 1] as number
  return a.slice(0, b.length - 1).join('.') === b.slice(0, -1).join('.')
    ? lb > la
    : (b[0] as number) > (a[0] as number)
}

function stepNumberAnomaly(prev: string, next: string): boolean {
  const a = prev.split('.').map(Number)
  const b = next.split('.').map(Number)
  if (a.length !== b.length) return false
  const la = a[a.length - 1] as number
  const lb = b[b.length - 1] as number
  return lb !== la + 1 && lb !== 1
}

function finishGroup(
  draft: GroupDraft,
  multiCause: boolean,
  toRef: (image: RawImage) => ImageRef,
): Resolution {
  // The paragraph that opens a section may state the cause it answers.
  let cause: Block[] = []
  let intro = draft.intro.flatMap((e) => e.blocks)
  const firstRun = draft.intro[0]?.run
  if (draft.title !== null && firstRun) {
    const spans = sentenceSpans(firstRun.text)
    let taken = 0
    for (const [k, span] of spans.entries()) {
      const t = firstRun.text.slice(span.start, span.end).trim()
      if (
        (k === 0 && (CAUSE.test(t) || multiCause)) ||
        (k > 0 && taken === k && (CAUSE.test(t) || CAUSE_FOLLOW_UP.test(t)))
      )
        taken = k + 1
      else break
    }
    if (taken > 0) {
      const end = (spans[taken - 1] as { end: number }).end
      const causeRun = sliceRun(firstRun, 0, end)
      const restRun = sliceRun(firstRun, end, firstRun.text.length)
      cause = [paragraph(causeRun.inlines)]
      intro = [
        ...(restRun.text.trim() ? [paragraph(trimLead(restRun.inlines))] : []),
        ...draft.intro.slice(1).flatMap((e) => e.blocks),
      ]
    }
  }
  const steps: Step[] = draft.steps.map((s) => ({
    instruction: documentOf([...s.blocks, ...(s.subs.length ? [list(true, s.subs)] : [])]) ?? emptyDoc(),
    images: s.images.map(toRef),
  }))
  return { title: draft.title, cause: documentOf(cause), intro: documentOf(intro), steps }
}

function trimLead(inlines: InlineNode[]): InlineNode[] {
  const first = inlines[0]
  if (first?.nodeType === 'text')
    return [{ ...first, value: first.value.replace(/^[\s\u00a0]+/, '') }, ...inlines.slice(1)]
  return inlines
}

// ---------------------------------------------------------------------------------------------------------
// Table articles: a row per issue, with manifestation / explanation / solution columns.

const SYMPTOM_COLUMN = /manifest|symptom|issue|problem|error|what you see/i
const CAUSE_COLUMN = /explanation|cause|reason|why|description/i
const SOLUTION_COLUMN = /solution|resolution|fix|what to do|workaround|action/i

function isIssueTable(item: Extract<Item, { type: 'table' }>): boolean {
  const header = item.rows[0]
  if (!header || item.rows.length < 2) return false
  const names = header.cells.map((c) => c.text)
  return (
    names.some((n) => SYMPTOM_COLUMN.test(n)) &&
    names.some((n) => CAUSE_COLUMN.test(n)) &&
    names.some((n) => SOLUTION_COLUMN.test(n))
  )
}

function tableArticle(
  items: Item[],
  tables: Extract<Item, { type: 'table' }>[],
  ctx: Ctx,
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
    stepImages: new Map(),
    body: bodyOf(ctx),
    unplacedLines: ctx.unplacedLines,
    overview: false,
  }
}

function bodyOf(ctx: Ctx): RichText | null {
  const blocks: Block[] = []
  for (const item of ctx.unplaced) {
    const b = itemBlocks(item, ctx.imageIndex)
    if (b.length === 0) continue
    blocks.push(...b)
    ctx.unplacedLines.push(item.at)
  }
  return documentOf(blocks)
}
