// Author markers win over the parser's reading. The items they cover are taken out of the stream before the
// structure stage reads it, and become the fields they name; what the parser still reads into a field the author
// pinned elsewhere goes to body, so nothing a reader sees is lost.
import type { Block } from '@contentful/rich-text-types'
import { VFile } from 'vfile'
import type { Resolution, RichText, Step } from '../model/article.ts'
import { itemBlocks } from './blocks.ts'
import { SEVERAL_CAUSES } from './cues.ts'
import { buildGroups } from './groups.ts'
import type { Item, RawImage } from './hast-items.ts'
import type { FieldMarker, MarkerPlan, PlacedMarker } from './remark-author-markers.ts'
import { documentOf, heading, list, paragraph, text } from './rich-text.ts'
import type { Structure } from './structure.ts'
import { emptyDoc, type StructureCtx } from './structure-context.ts'

interface Segment {
  marker: PlacedMarker
  items: Item[]
  cause: Item[]
  /** Items of each `step` marker, in order; empty when the resolution has none (the parser reads its steps). */
  steps: Item[][]
  /** Items before the first step marker. */
  intro: Item[]
  /** The step marker each entry of `steps` comes from. */
  stepMarkers: PlacedMarker[]
}

export interface Pinned {
  /** The stream for the structure stage: every item no marker claimed. */
  stream: Item[]
  fields: Record<FieldMarker, Item[] | null>
  body: Item[]
  segments: Segment[]
  /** Fields the front matter declares absent (`kb-cms: { cause: none }`). */
  absent: FieldMarker[]
}

export function hasMarkers(plan: MarkerPlan | undefined, absent: FieldMarker[]): boolean {
  return (plan?.markers.some((m) => m.name !== 'end') ?? false) || absent.length > 0
}

/** Splits the page's items by the markers that cover their lines. */
export function pinItems(items: Item[], plan: MarkerPlan, absent: FieldMarker[]): Pinned {
  const out: Pinned = {
    stream: [],
    fields: { symptom: null, condition: null, cause: null },
    body: [],
    segments: [],
    absent,
  }
  const covering = (line: number, names: readonly string[]) =>
    plan.markers.filter((m) => names.includes(m.name) && m.start <= line && line <= m.end).at(-1)
  const segments = new Map<PlacedMarker, Segment>()
  for (const item of items) {
    const line = item.at
    // Notes are notes wherever they stand; an item with no line cannot be placed by a marker.
    if (line === null || item.type === 'note') {
      out.stream.push(item)
      continue
    }
    const field = covering(line, ['symptom', 'condition', 'cause', 'body'])
    const section = covering(line, ['resolution', 'not-a-resolution'])
    // A heading a marker stands before labels the section: it is structure, not the field's text.
    const label = field?.headingLine === line
    if (section?.name === 'resolution') {
      let seg = segments.get(section)
      if (!seg) {
        seg = { marker: section, items: [], cause: [], steps: [], intro: [], stepMarkers: [] }
        segments.set(section, seg)
        out.segments.push(seg)
      }
      if (field?.name === 'cause' && field.start >= section.start) {
        if (!label) seg.cause.push(item)
        continue
      }
      if (!field || field.start < section.start) {
        const step = covering(line, ['step'])
        if (step && step.start >= section.start) {
          if (seg.stepMarkers.at(-1) !== step) {
            seg.steps.push([])
            seg.stepMarkers.push(step)
          }
          ;(seg.steps.at(-1) as Item[]).push(item)
        } else if (seg.steps.length === 0) seg.intro.push(item)
        else (seg.steps.at(-1) as Item[]).push(item)
        seg.items.push(item)
        continue
      }
    }
    if (field) {
      if (label) continue
      if (field.name === 'body') out.body.push(item)
      else {
        const name = field.name as FieldMarker
        out.fields[name] = [...(out.fields[name] ?? []), item]
      }
      continue
    }
    if (section?.name === 'not-a-resolution') {
      out.body.push(item)
      continue
    }
    out.stream.push(item)
  }
  return out
}

/** The structure with the author's pins applied over the parser's reading of the rest. */
export function applyPins(s: Structure, pinned: Pinned, ctx: StructureCtx): Structure {
  const blocks = (items: Item[]) => items.flatMap((i) => itemBlocks(i, ctx.imageIndex))
  const overridden: Block[] = []
  const field = (name: FieldMarker, parsed: RichText | null): RichText | null => {
    const items = pinned.fields[name]
    if (items === null && !pinned.absent.includes(name)) return parsed
    if (parsed) overridden.push(...parsed.content)
    return items === null ? null : (documentOf(blocks(items)) ?? null)
  }
  const symptom = field('symptom', s.symptom)
  const condition = field('condition', s.condition)
  const cause = field('cause', s.cause)
  let resolutions = s.resolutions
  if (pinned.segments.length > 0) {
    for (const r of s.resolutions) overridden.push(...resolutionBlocks(r))
    const multiCause = announcesCauses(pinned) || numberedSections(pinned) >= 2
    resolutions = pinned.segments.map((seg) => segmentResolution(seg, ctx, multiCause))
  }
  const body = documentOf([...(s.body?.content ?? []), ...blocks(pinned.body), ...overridden])
  return {
    ...s,
    symptom,
    condition,
    cause,
    symptomByCue: s.symptomByCue || pinned.fields.symptom !== null,
    resolutions,
    body,
  }
}

/** One marked resolution: its steps from `step` markers, else as the parser reads the section's steps. */
function segmentResolution(seg: Segment, ctx: StructureCtx, multiCause: boolean): Resolution {
  const flat = (items: Item[]): Item[] => items.flatMap((i) => (i.type === 'details' ? flat(i.items) : [i]))
  const items = flat(seg.items)
  const first = items[0]
  const title = seg.marker.title
  const cause = documentOf(seg.cause.flatMap((i) => itemBlocks(i, ctx.imageIndex)))
  if (seg.steps.length > 0) {
    const heading = first?.type === 'heading' ? first : null
    const intro = flat(seg.intro).filter((i) => i !== heading)
    return {
      title: title ?? heading?.line.text.trim() ?? null,
      cause,
      intro: documentOf(intro.flatMap((i) => itemBlocks(i, ctx.imageIndex))),
      steps: seg.steps.map((step) => markedStep(flat(step), ctx)),
    }
  }
  // The parser reads the section's steps, on a scratch file: its guesses about this section do not apply.
  const scratch = new VFile({ path: ctx.file.path, value: '' })
  const sub: StructureCtx = { ...ctx, file: scratch, unplaced: [], unplacedLines: [], explainers: 0 }
  const groups = buildGroups(items, sub, multiCause).resolutions
  for (const m of scratch.messages)
    if (m.ruleId === 'step-numbering-gap' || m.ruleId === 'image-outside-docs-root') ctx.file.messages.push(m)
  const [head, ...more] = groups
  // The section's heading titles it; when the parser saw no group in it, the heading is not intro text.
  const heading = first?.type === 'heading' && !head ? first : null
  const leftover = sub.unplaced.filter((i) => i !== heading).flatMap((i) => itemBlocks(i, ctx.imageIndex))
  if (!head)
    return {
      title: title ?? heading?.line.text.trim() ?? null,
      cause,
      intro: documentOf(leftover),
      steps: [],
    }
  const steps: Step[] = [...head.steps]
  const intro: Block[] = [...(head.intro?.content ?? [])]
  const into = (extra: Block[]) => {
    const last = steps.at(-1)
    if (last) last.instruction.content.push(...(extra as typeof last.instruction.content))
    else intro.push(...extra)
  }
  for (const g of more) {
    into([...(g.title ? [paragraph([text(g.title)])] : []), ...(g.intro?.content ?? [])])
    steps.push(...g.steps)
  }
  into(leftover)
  return {
    title: title ?? head.title,
    cause: cause ?? head.cause,
    intro: documentOf(intro),
    steps,
  }
}

function markedStep(items: Item[], ctx: StructureCtx): Step {
  const images: RawImage[] = []
  const blocks: Block[] = []
  for (const item of items) {
    if (item.type === 'image') images.push(item.image)
    else blocks.push(...itemBlocks(item, ctx.imageIndex))
  }
  return { instruction: documentOf(blocks) ?? emptyDoc(), images: images.map(ctx.toRef) }
}

/** The text before the first marked resolution says there are several causes, one per section. */
function announcesCauses(pinned: Pinned): boolean {
  const first = pinned.segments[0]?.items[0]?.at ?? Number.POSITIVE_INFINITY
  return pinned.stream.some(
    (i) =>
      i.type === 'para' && (i.at ?? 0) < first && SEVERAL_CAUSES.test(i.lines.map((l) => l.text).join(' ')),
  )
}

function numberedSections(pinned: Pinned): number {
  return pinned.segments.filter((seg) => {
    const title = seg.marker.title ?? (seg.items[0]?.type === 'heading' ? seg.items[0].line.text : '')
    return /^([0-9]+\.|[IVX]+\.)\s/.test(title.trim())
  }).length
}

/** A resolution as body text, for one the parser read where the author marked none. */
function resolutionBlocks(r: Resolution): Block[] {
  return [
    ...(r.title ? [heading(3, [text(r.title)])] : []),
    ...(r.cause?.content ?? []),
    ...(r.intro?.content ?? []),
    ...(r.steps.length
      ? [
          list(
            true,
            r.steps.map((s) => s.instruction.content as Block[]),
          ),
        ]
      : []),
  ]
}
