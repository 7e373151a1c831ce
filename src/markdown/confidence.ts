// A confidence per field: which kind of evidence decided it (docs/article-json.md, "Confidence"). It says how
// the parser knows, not how likely it is to be right: an author marker, an explicit heading/label/cue, the
// document's structure, or a fallback. A field below LOW_CONFIDENCE gets an info diagnostic.
import type { VFile } from 'vfile'
import { report } from '../diagnostics/registry.ts'
import {
  type ArticleConfidence,
  type ArticleKind,
  confidenceOf,
  EVIDENCE_SCORE,
  type Evidence,
  type FieldConfidence,
  LOW_CONFIDENCE,
  type Resolution,
} from '../model/article.ts'
import { RESOLUTION, RESOLUTION_HEADING } from './cues.ts'
import { plainText } from './rich-text.ts'
import type { Structure } from './structure.ts'

export type DecidedField = 'symptom' | 'condition' | 'cause' | 'resolutions'

declare module 'vfile' {
  interface DataMap {
    /**
     * What a structure rule that is weaker than a cue used to decide a field (a stated fact between symptom and
     * fix read as the cause: `structure`). Rules record it with `noteEvidence`; unrecorded fields found by the
     * structure stage count as explicit (a cue, a label or a heading found them).
     */
    fieldEvidence: Partial<Record<DecidedField, Evidence>>
  }
}

/** Records the weakest evidence a rule used for `field` (the weakest wins: a field is as sure as its weakest part). */
export function noteEvidence(file: VFile, field: DecidedField, evidence: Evidence): void {
  file.data.fieldEvidence ??= {}
  const known = file.data.fieldEvidence
  const was = known[field]
  if (was === undefined || EVIDENCE_SCORE[evidence] < EVIDENCE_SCORE[was]) known[field] = evidence
}

export interface ConfidenceInput {
  file: VFile
  kind: ArticleKind
  kindByAuthor: boolean
  /** The structure as read (with any author pins applied), before an `other` page's fields are emptied. */
  s: Structure
  title: string
  /** Fields an author marker or the front matter settled. */
  pinned: ReadonlySet<DecidedField>
}

export function articleConfidence(input: ConfidenceInput): ArticleConfidence {
  const { file, kind, s, pinned } = input
  const guessed = new Set(file.messages.map((m) => m.ruleId))
  const recorded = file.data.fieldEvidence ?? {}
  const field = (name: DecidedField, present: boolean, found: Evidence): FieldConfidence | null => {
    if (pinned.has(name)) return confidenceOf('marker')
    if (!present || kind !== 'troubleshooting') return null
    const rec = recorded[name]
    return confidenceOf(rec !== undefined && EVIDENCE_SCORE[rec] < EVIDENCE_SCORE[found] ? rec : found)
  }
  const symptomEvidence: Evidence = guessed.has('symptom-guessed')
    ? 'fallback'
    : s.symptomByCue || s.tableArticle
      ? 'explicit'
      : 'structure'
  const symptom = field('symptom', s.symptom !== null, symptomEvidence)
  const condition = field('condition', s.condition !== null, 'explicit')
  const cause = field('cause', s.cause !== null, 'explicit')
  const resolutions = field('resolutions', s.resolutions.length > 0, resolutionsEvidence(s))
  return {
    kind: confidenceOf(kindEvidence(input, symptom, resolutions, guessed)),
    title: input.title === '' ? null : confidenceOf('explicit'),
    symptom,
    condition,
    cause,
    resolutions,
  }
}

function kindEvidence(
  { kind, kindByAuthor, s }: ConfidenceInput,
  symptom: FieldConfidence | null,
  resolutions: FieldConfidence | null,
  guessed: Set<string | undefined>,
): Evidence {
  if (kindByAuthor) return 'marker'
  if (kind === 'redirect') return 'explicit'
  if (kind === 'troubleshooting') {
    if (s.tableArticle) return 'explicit'
    const sure = (c: FieldConfidence | null) => c !== null && c.score >= EVIDENCE_SCORE.explicit
    return sure(symptom) && sure(resolutions) ? 'explicit' : 'structure'
  }
  if (guessed.has('kind-guessed')) return 'fallback'
  // A page with nothing of an issue in it is plainly not one; one with a symptom or a fix was weighed.
  return s.symptom === null && s.resolutions.length === 0 ? 'explicit' : 'structure'
}

/** Groups whose heading or opening sentence says they fix are explicit; a step list alone is structure. */
function resolutionsEvidence(s: Structure): Evidence {
  if (s.tableArticle) return 'explicit'
  return s.resolutions.every(saysItFixes) ? 'explicit' : 'structure'
}

function saysItFixes(r: Resolution): boolean {
  const title = r.title?.trim() ?? ''
  if (title !== '' && (RESOLUTION_HEADING.test(title) || /^([0-9]+|[IVX]+)\.\s/.test(title))) return true
  return RESOLUTION.test(
    plainText(r.intro)
      .replace(/\u00a0/g, ' ')
      .trim(),
  )
}

const ADVICE: Record<string, string> = {
  kind: 'set it in front matter (`kb-cms: { kind: … }`)',
  title: 'give the page a `# Title`',
  resolutions: 'mark each with `<!-- kb-cms: resolution -->`',
}

/** An info diagnostic for every field decided by less than an explicit cue. */
export function reportLowConfidence(file: VFile, confidence: ArticleConfidence): void {
  for (const [name, c] of Object.entries(confidence) as [string, FieldConfidence | null][]) {
    if (c === null || c.score >= LOW_CONFIDENCE) continue
    const advice = ADVICE[name] ?? `mark it with \`<!-- kb-cms: ${name} -->\``
    report(
      file,
      'low-confidence',
      `\`${name}\` was decided by ${c.evidence === 'fallback' ? 'a fallback' : 'the structure alone'} (confidence ${c.score}); to settle it, ${advice}`,
    )
  }
}
