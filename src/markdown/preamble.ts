// Symptom, condition and cause, read from the text before the first resolution.
import type { Block } from '@contentful/rich-text-types'
import { report } from '../diagnostics/registry.ts'
import type { RichText } from '../model/article.ts'
import { append } from './append.ts'
import { itemBlocks, lineBlock } from './blocks.ts'
import {
  CAUSE_HEADING,
  FRAMING,
  INDICATES,
  LABEL,
  labelField,
  PROBLEM,
  SEVERAL_CAUSES,
  SYMPTOM,
} from './cues.ts'
import type { Item, Line } from './hast-items.ts'
import { documentOf, type InlineNode, paragraph, plainText, sentenceStart } from './rich-text.ts'
import { ADVICE_CLAUSE } from './rules/advice-clause.ts'
import { HEDGED_CAUSE_CLAUSE } from './rules/hedged-cause-clause.ts'
import { placeSentence } from './rules/preamble-place.ts'
import { SHARED_CAUSE_CLAUSE } from './rules/shared-cause-clause.ts'
import { type Run, runOf, sentenceSpans, sliceRun } from './sentences.ts'
import { dropped, type Field, type StructureCtx } from './structure-context.ts'

export interface Fields {
  symptom: RichText | null
  condition: RichText | null
  cause: RichText | null
  symptomByCue: boolean
  multiCause: boolean
  /** Unclassified paragraphs right before the fix: the first group's intro when it has no heading. */
  lead: Item[]
}

export function classifyPreamble(items: Item[], ctx: StructureCtx, mayGuess: boolean): Fields {
  const out: Record<Field, Block[]> = { symptom: [], condition: [], cause: [] }
  let last = null as Field | 'other' | null
  let symptomSeen = false
  // The symptom told so far says something is wrong (a problem word or a malfunction phrasing).
  let symptomNamesProblem = false
  let causeSeen = false
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
      if (last && last !== 'other' && !item.image.float) append(out[last], itemBlocks(item, ctx.imageIndex))
      continue
    }
    if (item.type === 'list') {
      if (last === 'symptom' || last === 'cause') {
        append(out[last], itemBlocks(item, ctx.imageIndex))
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
    // A label is a noun phrase ("Cause:"); "To add the field to the search scope:" is a lead-in to steps.
    const aloneField =
      alone?.[1] && !/^\s*(to|if|when|please|for|in order)\b/i.test(alone[1]) ? labelField(alone[1]) : null
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
      } else if (
        !symptomSeen &&
        !FRAMING.test(t) &&
        INDICATES.test(t) &&
        /(\S+\s+){2}\S/.test(t.slice(0, INDICATES.exec(t)?.index))
      ) {
        // "X usually indicates that Y": X is what the reader sees (three words at least, not a bare "This"), Y why.
        const m = INDICATES.exec(piece.text) as RegExpExecArray
        dropped(ctx, item, m[0])
        parts.push({ field: 'symptom', run: sliceRun(piece, 0, m.index) })
        parts.push({ field: 'cause', run: sliceRun(piece, m.index + m[0].length, piece.text.length) })
        symptomSeen = true
        symptomByCue = true
        causeSeen = true
        paraField = 'cause'
        last = 'cause'
        return
      } else {
        // The ordered sentence rules (rules/preamble-place.ts): the first that places the sentence wins.
        const placed = placeSentence({
          t,
          k,
          symptomSeen,
          causeSeen,
          last,
          paraField,
          italicOnly: item.italicOnly,
          causeSection,
          prevEndsColon,
          symptomNamesProblem,
        })
        field = placed.field
        if (placed.rule === 'framing' && /\b(reasons?|causes?)\b/i.test(t)) multiCause = true
        if (placed.rule === 'conditional-symptom' || placed.rule === 'symptom-phrase') symptomByCue = true
      }
      // One sentence holding symptom and cause ("If …, that is most probably caused by …") is cut at the clause.
      if (field === 'symptom' || field === 'cause') {
        const shared = SHARED_CAUSE_CLAUSE.exec(piece.text) ?? HEDGED_CAUSE_CLAUSE.exec(piece.text)
        if (shared && SYMPTOM.test(piece.text.slice(0, shared.index))) {
          append(parts, splitAdvice(sliceRun(piece, 0, shared.index)))
          parts.push({
            field: 'cause',
            run: sliceRun(piece, shared.index + shared[0].length, piece.text.length),
          })
          symptomSeen = true
          symptomByCue = true
          causeSeen = true
          paraField = 'cause'
          last = 'cause'
          return
        }
      }
      if (field === 'symptom') symptomSeen = true
      if (field === 'symptom' && PROBLEM.test(t)) symptomNamesProblem = true
      if (field === 'cause') causeSeen = true
      if (field === 'symptom') append(parts, splitAdvice(piece))
      else parts.push({ field, run: piece })
      paraField = field
      if (field !== 'other') last = field
    })
    // Consecutive sentences of one field stay one paragraph.
    let pending: { field: Field | 'other'; inlines: InlineNode[] } | null = null
    const emit = () => {
      if (!pending) return
      if (pending.field !== 'other') trailing = []
      if (pending.field === 'other' && FRAMING.test(plainText(pending.inlines).trim())) {
        // "There are two reasons why this may happen:" announces the sections that follow; the article's
        // structure says it already, so it is set aside (reported), not left stranded in the body.
        dropped(ctx, item, plainText(pending.inlines))
        pending = null
        return
      }
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
  append(ctx.unplaced, others)
  let symptom = documentOf(out.symptom)
  if (!symptom && mayGuess && out.cause.length > 0) {
    // No cue: the first unplaced paragraph is the best guess, flagged for a writer to check.
    const idx = ctx.unplaced.findIndex((i) => i.type === 'para' && !FRAMING.test((i.lines[0] as Line).text))
    const guess = ctx.unplaced[idx]
    if (guess && guess.type === 'para') {
      ctx.unplaced.splice(idx, 1)
      symptom = documentOf(guess.lines.map((l) => lineBlock(l)))
      report(
        ctx.file,
        'symptom-guessed',
        'No symptom cue found; the first paragraph was taken as the symptom',
        guess.at ? { line: guess.at, column: 1 } : null,
      )
    }
  }
  return {
    symptom: sentenceStart(symptom),
    condition: sentenceStart(documentOf(out.condition)),
    cause: sentenceStart(documentOf(out.cause)),
    symptomByCue,
    multiCause,
    lead: ((kept) => trailing.filter((i) => kept.has(i)))(new Set(ctx.unplaced)),
  }
}

/**
 * "If X happens, follow the steps below" / "…, one of the causes below applies": the advice or framing clause
 * is not part of the symptom.
 */
function splitAdvice(run: Run): { field: Field | 'other'; run: Run }[] {
  const m = ADVICE_CLAUSE.exec(run.text)
  if (!m || !/^(if|when)\b/i.test(run.text.trim())) return [{ field: 'symptom', run }]
  return [
    { field: 'symptom', run: sliceRun(run, 0, m.index) },
    { field: 'other', run: sliceRun(run, m.index + m[0].length, run.text.length) },
  ]
}
