// `parse --annotate`: writes author markers for the parser's current reading into the Markdown, so a writer
// reviews and corrects a diff instead of JSON. Only whole lines are inserted (a marker comment before a block, a
// `kb-cms:` line in front matter); every other byte stays as it was. A block that already has a marker before
// it is the author's: it is left alone, so annotating twice changes nothing. The annotated page must read
// exactly as before; markers that would change the reading are left out (the resolutions' first, then each
// field's), and the report says which.
import { VFile } from 'vfile'
import type { Article, Resolution, RichText } from '../model/article.ts'
import { itemBlocks } from './blocks.ts'
import type { Item } from './hast-items.ts'
import { type ParseOptions, pageItems, parseArticle } from './parse-article.ts'
import { type MarkerName, markerComment, type Unit } from './remark-author-markers.ts'
import { plainText } from './rich-text.ts'

export interface Annotation {
  text: string
  /** The marker lines written, in order. */
  written: string[]
  /** What could not be written without changing the reading. */
  skipped: string[]
}

interface Insert {
  /** 1-based line the comment goes before. */
  before: number
  comment: string
  group: string
}

export function annotateSource(path: string, text: string, options: ParseOptions = {}): Annotation {
  const { article, file } = read(path, text, options)
  const plan = file.data.authorMarkers
  const items = pageItems(file)
  if (!plan || article.kind === 'redirect' || article.diagnostics.some((d) => d.severity === 'fatal'))
    return { text, written: [], skipped: [] }
  let inserts = [
    ...kindInsert(article, text, file),
    ...(article.kind === 'troubleshooting' ? markerInserts(article, plan.units, items) : []),
  ]
  const skipped: string[] = []
  // Try the whole annotation; while it reads differently, give up the group that is least sure.
  for (;;) {
    const candidate = applyInserts(text, inserts)
    if (inserts.length === 0 || sameReading(article, read(path, candidate, options).article))
      return { text: candidate, written: inserts.map((i) => i.comment), skipped }
    const group = ['resolutions', 'symptom', 'condition', 'cause', 'kind'].find((g) =>
      inserts.some((i) => i.group === g),
    ) as string
    skipped.push(group)
    inserts = inserts.filter((i) => i.group !== group)
  }
}

function read(path: string, text: string, options: ParseOptions) {
  const file = new VFile({ path, value: text })
  return { article: parseArticle(file, options), file }
}

/** The reading an author sees: every field, not the diagnostics or the confidence (markers raise it). */
function sameReading(a: Article, b: Article): boolean {
  const strip = ({ diagnostics, confidence, links, ...rest }: Article) => {
    void diagnostics
    void confidence
    return { ...rest, links: links.map((l) => l.href) }
  }
  return JSON.stringify(strip(a), mergeTexts) === JSON.stringify(strip(b), mergeTexts)
}

/**
 * Adjacent text nodes with the same marks read as one (a pinned paragraph is not cut at its sentences), and a
 * space between two of them reads the same with or without their marks.
 */
function mergeTexts(_key: string, value: unknown): unknown {
  if (!Array.isArray(value) || !value.some((n) => n?.nodeType === 'text')) return value
  const out: { nodeType: string; value: string; marks: unknown[] }[] = []
  for (const n of value) {
    const last = out.at(-1)
    const blank = (t: { value: string }) => t.value.trim() === ''
    if (n?.nodeType !== 'text' || last?.nodeType !== 'text') out.push(n)
    else if (blank(n) || JSON.stringify(last.marks) === JSON.stringify(n.marks))
      out[out.length - 1] = { ...last, value: last.value + n.value }
    else if (blank(last)) out[out.length - 1] = { ...n, value: last.value + n.value }
    else out.push(n)
  }
  return out
}

// Letters only: a step's number ("**1\\.**") and spacing are the page's markup, not the field's text.
const squash = (s: string) => s.replace(/[^\p{L}]+/gu, '')
const docText = (d: RichText | null) => squash(plainText(d))

/** Markers for the fields and the resolutions, each before the top-level block it covers. */
function markerInserts(article: Article, units: Unit[], items: Item[]): Insert[] {
  // A note is a note wherever it stands (markers never take it): it counts as no text.
  const notes = units.map((u) => items.some((i) => i.at !== null && inUnit(i.at, u) && i.type === 'note'))
  // Text the parser set aside (a disclosure's label, a lead-in) is in no field: it counts as none either.
  const setAside = article.diagnostics.flatMap((d) =>
    d.ruleId === 'structure-dropped' && d.line ? [d.line] : [],
  )
  const aside = units.map((u) => setAside.some((line) => inUnit(line, u)))
  const texts = units.map((u, k) => (notes[k] ? '' : squash(unitText(u, items))))
  const images = units.map((u) => items.some((i) => i.at !== null && inUnit(i.at, u) && i.type === 'image'))
  const taken = units.map((u, k) => u.marker || (k > 0 && (units[k - 1] as Unit).marker))
  const out: Insert[] = []
  const owner: (string | null)[] = units.map(() => null)

  for (const name of ['symptom', 'condition', 'cause'] as const) {
    const whole = docText(article[name])
    if (whole === '') continue
    const mine = units.flatMap((u, k) =>
      !u.marker && texts[k] !== '' && whole.includes(texts[k] as string) ? [k] : [],
    )
    // Only a field made of whole blocks can be pinned by block markers.
    if (mine.map((k) => texts[k]).join('') !== whole) continue
    for (const k of mine) {
      owner[k] = name
      // A screenshot right after the field's block belongs to it.
      for (let j = k + 1; j < units.length && texts[j] === '' && images[j]; j++) owner[j] = name
    }
  }
  for (const [k, name] of owner.entries())
    if (name && !taken[k]) out.push(insert(units, k, markerComment(name as MarkerName), name))

  // A set-aside label inside a resolution (a disclosure's "Click to see") stays in it; the lead-in of the
  // related-article list after it does not.
  const related = squash(article.related.map((r) => r.title).join(' '))
  const isRelated = texts.map((t) => t !== '' && related.includes(t))
  const inside = aside.map((a, k) => a && !isRelated[texts.findIndex((t, j) => j > k && t !== '')])
  const resolutionInserts = resolutionMarkers(article.resolutions, units, texts, inside, owner, taken)
  return resolutionInserts ? [...out, ...resolutionInserts] : out
}

function resolutionMarkers(
  resolutions: Resolution[],
  units: Unit[],
  texts: string[],
  /** Set-aside labels that stay inside the resolution they stand in. */
  aside: boolean[],
  owner: (string | null)[],
  taken: boolean[],
): Insert[] | null {
  if (resolutions.length === 0) return []
  const out: Insert[] = []
  let from = 0
  const starts: number[] = []
  for (const r of resolutions) {
    const whole = squash(
      [
        r.title ?? '',
        plainText(r.cause),
        plainText(r.intro),
        ...r.steps.map((s) => plainText(s.instruction)),
      ].join(''),
    )
    const start = units.findIndex(
      (u, k) =>
        k >= from &&
        !u.marker &&
        owner[k] === null &&
        texts[k] !== '' &&
        whole.startsWith(texts[k] as string),
    )
    if (start < 0) return null
    starts.push(start)
    from = start + 1
  }
  for (const [i, start] of starts.entries()) {
    const r = resolutions[i] as Resolution
    const u = units[start] as Unit
    const titled = r.title !== null && !(u.heading !== null && texts[start] === squash(r.title))
    if (!taken[start])
      out.push(insert(units, start, markerComment('resolution', titled ? r.title : null), 'resolutions'))
    // Where the resolution's text ends before its extent does (text after the last step, a related list), `end`.
    const next = starts[i + 1] ?? units.length
    const whole = squash(
      [
        r.title ?? '',
        plainText(r.cause),
        plainText(r.intro),
        ...r.steps.map((s) => plainText(s.instruction)),
      ].join(''),
    )
    // The extent ends at a heading of the same or a higher rank; within it, `end` goes after the last block
    // whose text is the resolution's (a set-aside label between its steps stays inside).
    let stop = next
    for (let k = start + 1; k < next; k++) {
      const h = (units[k] as Unit).heading
      if (h !== null && (u.heading === null || h <= u.heading)) {
        stop = k
        break
      }
    }
    let last = start
    for (let k = start + 1; k < stop; k++)
      if (texts[k] !== '' && !aside[k] && whole.includes(texts[k] as string)) last = k
    const after = units.findIndex((x, k) => k > last && k < stop && !x.marker && texts[k] !== '' && !aside[k])
    if (after >= 0 && !taken[after]) out.push(insert(units, after, markerComment('end'), 'resolutions'))
  }
  return out
}

function insert(units: Unit[], k: number, comment: string, group: string): Insert {
  return { before: (units[k] as Unit).start, comment, group }
}

const inUnit = (line: number, u: Unit) => u.start <= line && line <= u.end

function unitText(u: Unit, items: Item[]): string {
  return items
    .filter((i) => i.at !== null && inUnit(i.at, u))
    .map((i) => plainText({ nodeType: 'document', data: {}, content: itemBlocks(i, () => -1) } as RichText))
    .join(' ')
}

/** `kb-cms: { kind: … }` in the front matter, unless it already has `kb-cms` settings. */
function kindInsert(article: Article, text: string, file: VFile): Insert[] {
  const fm = file.data.frontMatter
  if (fm && Object.hasOwn(fm.data, 'kb-cms')) return []
  const line = `kb-cms: { kind: ${article.kind} }`
  if (fm) return [{ before: fm.endLine, comment: line, group: 'kind' }]
  // No front matter: a new block at the top (after a byte order mark, which stays first).
  void text
  return [{ before: 1, comment: `---\n${line}\n---`, group: 'kind' }]
}

/** Inserts whole lines before the given lines, in the file's own line ending; nothing else changes. */
export function applyInserts(text: string, inserts: Insert[]): string {
  if (inserts.length === 0) return text
  const eol = /\r\n/.test(text) ? '\r\n' : '\n'
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : ''
  const body = text.slice(bom.length)
  const lines = body.split(/(?<=\n)/)
  const byLine = new Map<number, string[]>()
  for (const i of inserts) byLine.set(i.before, [...(byLine.get(i.before) ?? []), i.comment])
  const out: string[] = []
  for (const [index, line] of lines.entries()) {
    for (const c of byLine.get(index + 1) ?? []) out.push(`${c.split('\n').join(eol)}${eol}`)
    out.push(line)
  }
  // A marker before a line past the end (a last line without a newline) still lands.
  for (const [n, cs] of byLine) if (n > lines.length) for (const c of cs) out.push(`${eol}${c}`)
  return bom + out.join('')
}
