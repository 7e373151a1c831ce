// Scores parsed articles (the Article JSON of docs/article-json.md) against hand-written gold (docs/scoring.md):
// per article one number in [0, 1] per metric, then the mean of each metric and the mean of those means.
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { comparableText, plainText, words } from './comparable-text.ts'

/** One gold file: what a correct parse of one page contains. A negative has only path and isTroubleshooting. */
export interface Gold {
  path: string
  isTroubleshooting: boolean
  title?: string | null
  symptom?: string | null
  condition?: string | null
  cause?: string | null
  errorCodes?: string[]
  resolutionGroups?: { intro?: string | null; steps?: string[] }[]
  imageSrcs?: string[]
  hasCtaBanner?: boolean
  ctaHref?: string | null
  variables?: string[]
}

export const METRICS = [
  'kind',
  'title',
  'symptom',
  'condition',
  'cause',
  'errorCodes',
  'groups',
  'steps',
  'stepF1',
  'intro',
  'images',
  'cta',
  'variables',
] as const
export type Metric = (typeof METRICS)[number]
export type Scores = Partial<Record<Metric, number>>

/** What the scorer reads of a prediction; anything else in it is ignored. */
interface Prediction {
  source?: unknown
  kind?: unknown
  title?: unknown
  symptom?: unknown
  condition?: unknown
  cause?: unknown
  errorCodes?: unknown
  resolutions?: unknown
  images?: unknown
  cta?: { href?: unknown } | null
  variables?: unknown
}
interface PredResolution {
  title?: unknown
  cause?: unknown
  intro?: unknown
  steps?: unknown
}

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : [])

/** A field's text, or null when it has none. */
function textOf(value: unknown): string | null {
  const text =
    typeof value === 'object' && value !== null ? plainText(value) : value == null ? '' : String(value)
  return text.trim() === '' ? null : text
}

function joined(values: unknown[]): string | null {
  const texts = values.map(textOf).filter((t): t is string => t !== null)
  return texts.length > 0 ? texts.join(' ') : null
}

/** F1 of two bags (multisets); two empty bags agree completely, one empty bag not at all. */
export function bagF1(gold: readonly string[], pred: readonly string[]): number {
  if (gold.length === 0 || pred.length === 0) return gold.length === pred.length ? 1 : 0
  const left = new Map<string, number>()
  for (const g of gold) left.set(g, (left.get(g) ?? 0) + 1)
  let matched = 0
  for (const p of pred) {
    const n = left.get(p) ?? 0
    if (n > 0) {
      matched++
      left.set(p, n - 1)
    }
  }
  return matched === 0 ? 0 : (2 * matched) / (gold.length + pred.length)
}

/** Word-bag F1 of two texts; a null or wordless text is "no value", and two of those agree. */
function wordF1(gold: string | null | undefined, pred: string | null, dropTrailingColon = false): number {
  const bag = (t: string | null | undefined) =>
    t == null ? [] : words(comparableText(t, { dropTrailingColon }))
  return bagF1(bag(gold), bag(pred))
}

const sameOrBothEmpty = (gold: string | null, pred: string | null) => ((gold ?? '') === (pred ?? '') ? 1 : 0)

/** Pairs the i-th gold item with the i-th prediction; an item without a partner scores 0. */
function pairedMean<G, P>(gold: G[], pred: P[], score: (g: G, p: P) => number): number {
  const n = Math.max(gold.length, pred.length)
  if (n === 0) return 1
  let sum = 0
  for (let i = 0; i < Math.min(gold.length, pred.length); i++) sum += score(gold[i] as G, pred[i] as P)
  return sum / n
}

const distinct = (values: string[]) => [...new Set(values)]

/** The scores of one page; `pred` is undefined when the page has no prediction. */
export function scoreArticle(gold: Gold, pred: Prediction | undefined): Scores {
  const troubleshooting = gold.isTroubleshooting === true
  if (!pred) return troubleshooting ? Object.fromEntries(METRICS.map((m) => [m, 0])) : { kind: 0 }
  const kind = troubleshooting === (pred.kind === 'troubleshooting') ? 1 : 0
  // A negative is scored on its kind alone: the other fields have nothing to be compared with.
  if (!troubleshooting) return { kind }

  const resolutions = list<PredResolution>(pred.resolutions)
  const groups = gold.resolutionGroups ?? []
  const goldSteps = groups.flatMap((g) => g.steps ?? [])
  const predSteps = resolutions.flatMap((r) => list<{ instruction?: unknown } | string>(r.steps))
  const title = (t: string | null) => (t === null ? null : comparableText(t) || null)
  const trimmed = (t: unknown) => (typeof t === 'string' && t.trim() !== '' ? t.trim() : null)
  const goldVars = distinct(gold.variables ?? []).sort()
  const predVars = distinct(list<string>(pred.variables)).sort()
  return {
    kind,
    title: sameOrBothEmpty(title(gold.title ?? null), title(textOf(pred.title))),
    symptom: wordF1(gold.symptom, textOf(pred.symptom), true),
    condition: wordF1(gold.condition, textOf(pred.condition), true),
    // The article's cause and each resolution's, in order: multi-cause articles put theirs on the resolutions.
    cause: wordF1(gold.cause, joined([pred.cause, ...resolutions.map((r) => r.cause)]), true),
    errorCodes: bagF1(
      distinct((gold.errorCodes ?? []).map((c) => c.trim()).filter(Boolean)),
      distinct(
        list<unknown>(pred.errorCodes)
          .map(trimmed)
          .filter((c): c is string => c !== null),
      ),
    ),
    groups: groups.length === resolutions.length ? 1 : 0,
    steps: goldSteps.length === predSteps.length ? 1 : 0,
    stepF1: pairedMean(goldSteps, predSteps, (g, p) =>
      wordF1(g, textOf(typeof p === 'string' ? p : p?.instruction)),
    ),
    // A gold intro is all of a group's text before its first step, heading included.
    intro: pairedMean(groups, resolutions, (g, r) => wordF1(g.intro, joined([r.title, r.cause, r.intro]))),
    images: bagF1(
      (gold.imageSrcs ?? []).filter((s) => s !== ''),
      list<{ src?: unknown } | string>(pred.images)
        .map((im) => (typeof im === 'string' ? im : typeof im?.src === 'string' ? im.src : ''))
        .filter((s) => s !== ''),
    ),
    cta: sameOrBothEmpty(trimmed(gold.ctaHref), trimmed(pred.cta?.href)),
    variables: goldVars.length === predVars.length && goldVars.every((v, i) => v === predVars[i]) ? 1 : 0,
  }
}

export interface ScoredPage {
  name: string
  troubleshooting: boolean
  missing: boolean
  scores: Scores
}

export interface ScoreResult {
  pages: ScoredPage[]
  /** Each metric's mean over the pages that have it (negatives have only `kind`). */
  means: Partial<Record<Metric, number>>
  /** The mean of the metric means. */
  overall: number
  warnings: string[]
}

const fileName = (path: string) => basename(path.replace(/\\/g, '/'))

/** Scores every gold page; a prediction is matched to its gold by file name (`source` vs `path`). */
export function scoreAll(golds: Gold[], preds: unknown[]): ScoreResult {
  const warnings: string[] = []
  const byName = new Map<string, Prediction>()
  for (const p of preds) {
    const source = (p as Prediction | null)?.source
    if (typeof source !== 'string') {
      warnings.push('a prediction without a string `source` was ignored')
      continue
    }
    const name = fileName(source)
    if (byName.has(name)) warnings.push(`two predictions for ${name}: the first is scored`)
    else byName.set(name, p as Prediction)
  }
  const pages = golds.map((gold): ScoredPage => {
    const name = fileName(gold.path)
    const pred = byName.get(name)
    if (!pred) warnings.push(`no prediction for ${name}: it scores 0`)
    return {
      name,
      troubleshooting: gold.isTroubleshooting === true,
      missing: !pred,
      scores: scoreArticle(gold, pred),
    }
  })
  const means: ScoreResult['means'] = {}
  for (const m of METRICS) {
    const values = pages.map((p) => p.scores[m]).filter((v): v is number => v !== undefined)
    if (values.length > 0) means[m] = values.reduce((a, b) => a + b, 0) / values.length
  }
  const present = Object.values(means)
  const overall = present.length > 0 ? present.reduce((a, b) => a + b, 0) / present.length : 0
  return { pages, means, overall, warnings }
}

/** Every `*.json` in a gold folder, by file name; a file without `path` is named in the error. */
export function loadGold(dir: string): Gold[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Gold
      if (typeof gold?.path !== 'string') throw new Error(`${join(dir, f)}: gold has no "path"`)
      return gold
    })
}

const HEADINGS: Record<Metric, string> = {
  kind: 'kind',
  title: 'title',
  symptom: 'sympt',
  condition: 'cond',
  cause: 'cause',
  errorCodes: 'codes',
  groups: 'grp#',
  steps: 'step#',
  stepF1: 'stepF1',
  intro: 'intro',
  images: 'imgs',
  cta: 'cta',
  variables: 'vars',
}

/** A table of every page, the metric means, and a last `score:` line with every mean and `overall`. */
export function formatScores(result: ScoreResult): string[] {
  const width = Math.min(44, Math.max(4, ...result.pages.map((p) => p.name.length)))
  const cell = (v: number | undefined) => (v === undefined ? '-' : v.toFixed(2)).padStart(6)
  const lines = [`${'page'.padEnd(width)}  gold  ${METRICS.map((m) => HEADINGS[m].padStart(6)).join(' ')}`]
  for (const p of result.pages) {
    const name = p.name.length > width ? `${p.name.slice(0, width - 1)}~` : p.name
    const tag = p.missing ? 'MISS' : p.troubleshooting ? 'ts' : 'neg'
    lines.push(`${name.padEnd(width)}  ${tag.padEnd(4)}  ${METRICS.map((m) => cell(p.scores[m])).join(' ')}`)
  }
  const ts = result.pages.filter((p) => p.troubleshooting).length
  lines.push(
    '',
    `pages: ${result.pages.length} (${ts} troubleshooting, ${result.pages.length - ts} negative)`,
  )
  for (const w of result.warnings) lines.push(`warning: ${w}`)
  const means = METRICS.map((m) => `${m}=${result.means[m]?.toFixed(2) ?? 'n/a'}`)
  lines.push(`score: ${means.join(' ')} overall=${result.overall.toFixed(2)}`)
  return lines
}
