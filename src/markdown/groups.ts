// Resolution groups and their steps: one group per step list or resolution section.
import type { Block } from '@contentful/rich-text-types'
import { report } from '../diagnostics/registry.ts'
import type { ImageRef, Resolution, Step } from '../model/article.ts'
import { append } from './append.ts'
import { itemBlocks, lineBlock } from './blocks.ts'
import {
  ACTION,
  ACTION_LIST_HEADING,
  CAUSE,
  CAUSE_FOLLOW_UP,
  DISCLOSURE_LABEL,
  FURTHER_FIX_CHAIN,
  FURTHER_FIX_HEADING,
  NUMBERED_SECTION,
  RESOLUTION,
  RESOLUTION_HEADING,
  RESOLUTION_MID,
  VARIANT_LABEL,
} from './cues.ts'
import type { Item, Line, RawImage } from './hast-items.ts'
import { documentOf, type InlineNode, list, paragraph, sentenceStart } from './rich-text.ts'
import { type Run, runOf, sentenceSpans, sliceRun } from './sentences.ts'
import { major, stepMarker } from './steps.ts'
import { dropped, emptyDoc, type StructureCtx } from './structure-context.ts'

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
  /** The items the group was read from, so a section that turns out not to be a fix can go back to `body`. */
  items: Item[]
  /** The section sits under a resolution heading in the outline ("## Solutions" > "### For readers"). */
  inFix: boolean
}

export function buildGroups(
  items: Item[],
  ctx: StructureCtx,
  multiCauseHint: boolean,
): { resolutions: Resolution[] } {
  const groups: GroupDraft[] = []
  let g: GroupDraft | null = null
  let pending: Item[] = []
  let floats: RawImage[] = []
  // The open headings of the outline, to know whether a section is nested under a resolution heading.
  const outline: { depth: number; fix: boolean }[] = []
  let underFix = false

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
      items: [],
      inFix: title !== null && underFix,
    }
    groups.push(g)
    return g
  }
  // "If that does not help, …" right after a step opens a new group only if steps follow it; otherwise it is
  // text after the last step with no spacer before it, which folds into that step.
  let tentative = false
  const dropPending = () => {
    const last = g?.steps[g.steps.length - 1]
    if (tentative && last) for (const p of pending) append(last.blocks, itemBlocks(p, ctx.imageIndex))
    else append(ctx.unplaced, pending)
    pending = []
    tentative = false
  }
  const addIntro = (group: GroupDraft, item: Item) => {
    group.items.push(item)
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
        report(
          ctx.file,
          'step-numbering-gap',
          `Step ${number} follows step ${last.number}`,
          at ? { line: at, column: 1 } : null,
        )
      }
      group.steps.push({ number, blocks: instruction, subs: [], images: [...floats] })
      floats = []
    }
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
        tentative = false
        group = newGroup(null, 7, item.at)
        for (const p of intro) addIntro(group, p)
      } else if (pending.length) {
        // Text between step N and step N+1 belongs to step N, spacers or not.
        for (const p of pending) append(last.blocks, itemBlocks(p, ctx.imageIndex))
        pending = []
        tentative = false
      } else if (!continues && major(number) <= 1 && !number.includes('.')) group = newGroup(null, 7, item.at)
    } else if (!group.steps.length && pending.length) {
      for (const p of pending) addIntro(group, p)
      pending = []
    }
    return group
  }

  for (const [index, raw] of items.entries()) {
    const item = pseudoHeading(raw)
    const group = g as GroupDraft | null
    switch (item.type) {
      case 'heading': {
        // Text between the last step and a new section belongs to neither (or to the step, when no spacer ends it).
        if (group?.steps.length && pending.length) dropPending()
        const text = item.line.text.trim()
        if (item === raw) {
          while ((outline.at(-1)?.depth ?? 0) >= item.depth) outline.pop()
          underFix = outline.some((o) => o.fix)
          outline.push({ depth: item.depth, fix: fixHeading(text) })
        }
        const last = group?.steps[group.steps.length - 1]
        if (item !== raw && last && !restartsNumbering(items, index)) {
          // A bold variant label between steps whose numbering carries on ("**Steps for the legacy page**"
          // before a second step 7) labels a branch of the same procedure, not a new group.
          last.blocks.push(lineBlock(item.line))
          report(
            ctx.file,
            'variant-label',
            `Bold label "${text}" before continuing step numbers kept inside the previous step`,
            item.at ? { line: item.at, column: 1 } : null,
          )
          break
        }
        if (
          !group ||
          group.steps.length ||
          (group.hasIntroText && (item.depth <= group.headingDepth || FURTHER_FIX_HEADING.test(text)))
        ) {
          newGroup(text, item.depth, item.at).items.push(item)
        } else if (group.title === null) {
          group.items.push(item)
          group.title = text
          group.headingDepth = item.depth
          group.inFix = underFix
        } else {
          group.items.push(item)
          group.intro.push({ blocks: [lineBlock(item.line)], run: null })
        }
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
            if (FURTHER_FIX_CHAIN.test(line.text)) {
              cur.closed = true
              pending.push(single)
              tentative = true
            } else (cur.steps[cur.steps.length - 1] as StepDraft).blocks.push(lineBlock(line))
          } else if (cur.steps.length) {
            // After a closed step list, even a fix opener ("Alternatively, …") waits: it opens a group only if
            // steps follow it (startStep), else it is text after the last step, in no group.
            pending.push(single)
          } else addIntro(cur, single)
        }
        break
      }
      case 'list': {
        if (item.ordered) {
          item.items.forEach((li, idx) => {
            const number = String(item.start + idx)
            const target = startStep(number, item)
            const blocks = li.flatMap((x) => itemBlocks(x, ctx.imageIndex))
            addStep(target, number, null, blocks, item.at)
          })
        } else if (group?.steps.length && !group.closed) {
          append((group.steps[group.steps.length - 1] as StepDraft).blocks, itemBlocks(item, ctx.imageIndex))
        } else if (
          group &&
          ((group.bullets && pending.length === 0) || (!group.steps.length && bulletStepsExpected(group)))
        ) {
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
          append((group.steps[group.steps.length - 1] as StepDraft).blocks, itemBlocks(item, ctx.imageIndex))
        else if (group && !group.steps.length) addIntro(group, item)
        else pending.push(item)
        break
      case 'caption':
        // The label of a screenshot disclosure (">>> Click to see a screenshot <<<", "(1)") is the widget's,
        // not the article's: the screenshots themselves stay with their step. Longer text in a disclosure (a
        // quoted error) is content, kept in body.
        if (DISCLOSURE_LABEL.test(item.text) || item.text.split(/\s+/).length <= 3)
          dropped(ctx, item, item.text)
        else ctx.unplaced.push(item)
        break
      case 'note':
        if (group?.steps.length) group.closed = true
        break
    }
  }
  // Text left after the last step is not part of any group unless it opens a further resolution.
  if (tentative) dropPending()
  const tail = pending
  pending = []
  const first = tail[0]
  // After a spacer that ends the last step list, even "Alternatively, …" or "If that does not help, …" prose is
  // in no group (it has no steps of its own); a section heading would have opened one.
  const afterSteps = (groups[groups.length - 1]?.steps.length ?? 0) > 0
  if (
    !afterSteps &&
    first &&
    first.type === 'para' &&
    RESOLUTION.test((first.lines[0] as Line).text.trim())
  ) {
    const ng = newGroup(null, 7, first.at)
    for (const p of tail) addIntro(ng, p)
  } else append(ctx.unplaced, tail)

  const multiCause =
    multiCauseHint || groups.filter((x) => x.title && NUMBERED_SECTION.test(x.title)).length >= 2
  const resolutions: Resolution[] = []
  for (const draft of groups) {
    const r = finishGroup(draft, multiCause, ctx.toRef)
    if (draft.steps.length === 0 && r.cause === null && !offersFix(draft)) {
      // A section with no steps, no cause and no advice explains rather than fixes: it is body text.
      report(
        ctx.file,
        'section-not-resolution',
        'Section with no steps or advice read as explanation, not as a resolution',
        draft.at ? { line: draft.at, column: 1 } : null,
      )
      ctx.explainers++
      append(ctx.unplaced, draft.items)
      continue
    }
    resolutions.push(r)
  }
  return { resolutions }
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
  if (!allBold || !(VARIANT_LABEL.test(line.text.trim()) || RESOLUTION_HEADING.test(line.text))) return item
  return { type: 'heading', depth: 6, line, at: item.at }
}

/** The section offers a fix: a resolution heading or numbered section, or advice in its text. */
function offersFix(group: GroupDraft): boolean {
  if (group.title !== null && (fixHeading(group.title) || group.inFix)) return true
  if (group.title !== null && ACTION.test(group.title.trim())) return true
  return group.intro.some((e) => e.run !== null && advises(e.run.text))
}

function advises(text: string): boolean {
  return sentenceSpans(text).some((sp) => {
    const t = text
      .slice(sp.start, sp.end)
      .replace(/\u00a0/g, ' ')
      .trim()
    return RESOLUTION.test(t) || RESOLUTION_MID.test(t) || ACTION.test(t)
  })
}

/** Whether the next step marker after `index` starts a count afresh (1, 1.1) rather than carrying on. */
function restartsNumbering(items: Item[], index: number): boolean {
  for (const next of items.slice(index + 1)) {
    if (next.type === 'heading') return true
    if (next.type === 'list' && next.ordered) return next.start <= 1
    if (next.type !== 'para') continue
    for (const line of next.lines) {
      const m = stepMarker(line)
      if (m) return /^1(\.1)?$/.test(m.number)
    }
  }
  return true
}

/** A heading that opens a fix: fix words, or a numbered section (one section per cause). */
export function fixHeading(text: string): boolean {
  return RESOLUTION_HEADING.test(text) || NUMBERED_SECTION.test(text)
}

function bulletStepsExpected(group: GroupDraft): boolean {
  // A section nested under a resolution heading is one of its sub-cases: its bullets are what to do.
  if (group.inFix) return true
  const lastRun = group.intro[group.intro.length - 1]?.run
  // "… in the following places:" before bullets: they are steps when the section gives advice at all.
  if (lastRun && /:\s*$/.test(lastRun.text) && (group.title === null || offersFix(group))) return true
  return group.title !== null && ACTION_LIST_HEADING.test(group.title)
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
        (k === 0 && (CAUSE.test(t) || multiCause) && !instruction(t)) ||
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
  return { title: draft.title, cause: sentenceStart(documentOf(cause)), intro: documentOf(intro), steps }
}

/** An instruction, even one opening with its condition ("After X, the user should open …"), is not a cause. */
function instruction(sentence: string): boolean {
  return ACTION.test(sentence) || ACTION.test(sentence.replace(/^[^,]{1,80},\s*/, ''))
}

function trimLead(inlines: InlineNode[]): InlineNode[] {
  const first = inlines[0]
  if (first?.nodeType === 'text')
    return [{ ...first, value: first.value.replace(/^[\s\u00a0]+/, '') }, ...inlines.slice(1)]
  return inlines
}
