// Entry point of the Markdown parser: one file in, one Article out, problems as vfile messages. Never throws.
//
// Pipeline: remark-parse + remark-frontmatter + pipe tables (remark-tables), then small plugins (loose front matter, inline
// HTML paragraphs, admonitions); the mdast is rendered to HTML and parsed with parse5 so raw
// HTML and Markdown form one tree, as on the published page; that tree becomes a stream of items, and the
// structure stage reads the article's fields from the stream.
import { basename } from 'node:path'
import type { Root as HastRoot } from 'hast'
import { fromParse5 } from 'hast-util-from-parse5'
import type { Root } from 'mdast'
import { parseFragment } from 'parse5'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { type Processor, unified } from 'unified'
import { VFile } from 'vfile'
import { type DiagnosticId, report, severityOf } from '../diagnostics/registry.ts'
import {
  type Article,
  type ArticleKind,
  type CtaBanner,
  type Diagnostic,
  emptyArticle,
  type ImageRef,
} from '../model/article.ts'
import { append } from './append.ts'
import { applyPins, hasMarkers, type Pinned, pinItems } from './apply-markers.ts'
import { articleConfidence, type DecidedField, reportLowConfidence } from './confidence.ts'
import { findErrorCodes, tableColumnCodes } from './error-codes.ts'
import { type FrontMatterSettings, frontMatterSettings } from './front-matter-settings.ts'
import { type Item, type Line, type RawImage, walkPage } from './hast-items.ts'
import { findDocsRoot, type PageLocation, pageLocation, resolveImagePath } from './image-ref.ts'
import { articleKind } from './kind.ts'
import { mdastToHtml } from './mdast-to-html.ts'
import { pageBody } from './page-body.ts'
import { pageLinks } from './page-links.ts'
import { pageSlug, pageUrlPath } from './page-url.ts'
import remarkAdmonitions from './remark-admonitions.ts'
import remarkAuthorMarkers from './remark-author-markers.ts'
import remarkInlineHtmlParagraphs from './remark-inline-html-paragraphs.ts'
import remarkLooseFrontmatter from './remark-loose-frontmatter.ts'
import remarkTables from './remark-tables.ts'
import { documentOf, plainText } from './rich-text.ts'
import { buildStructure, type Structure } from './structure.ts'
import { variableNames } from './variables.ts'

export interface ParseOptions {
  /** Folder that MkDocs serves as the site root; image paths are made relative to it. */
  docsRoot?: string
  /** Values for `{{ name }}` variables; names without a value stay verbatim. */
  variables?: Record<string, string>
}

export function parseArticleSource(
  path: string,
  text: string,
  options: ParseOptions = {},
): { article: Article; file: VFile } {
  const file = new VFile({ path, value: text })
  return { article: parseArticle(file, options), file }
}

export function parseArticle(file: VFile, options: ParseOptions = {}): Article {
  const source = file.path ?? ''
  let article = emptyArticle(source, slugOf(source))
  try {
    article = parse(file, options, article)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    report(file, 'parse-failed', `Cannot parse this file: ${reason}`)
  }
  article.diagnostics = file.messages.map(toDiagnostic)
  return article
}

const MAX_NESTED_PARSES = 8

const itemsByFile = new WeakMap<VFile, Item[]>()

/** The page's items as the structure stage read them (for --annotate, which maps them back to lines). */
export function pageItems(file: VFile): Item[] {
  return itemsByFile.get(file) ?? []
}

function parse(file: VFile, options: ParseOptions, article: Article): Article {
  const text = decode(file)
  file.value = limitNesting(text, file)
  const variables = options.variables ?? {}
  const tree = markdownProcessor(0).parse(file) as Root
  markdownProcessor(0).runSync(tree, file)

  const hast = pageTree(tree, file)
  const walk = walkPage(hast, file, variables)
  itemsByFile.set(file, walk.items)

  const page = file.path
    ? pageLocation(file.path, findDocsRoot(file.path, options.docsRoot))
    : { pagePath: null }
  const links = pageLinks(tree)
  const images = new ImageRegistry(page, file)
  for (const raw of imagesIn(walk.items)) images.add(raw)

  const frontMatter = file.data.frontMatter?.data ?? {}
  const settings = frontMatterSettings(frontMatter, file)
  const fmTitle = typeof frontMatter.title === 'string' ? frontMatter.title.trim() : ''
  const description = typeof frontMatter.description === 'string' ? frontMatter.description.trim() : ''
  const redirect = walk.redirectTo !== null
  if (redirect) {
    report(file, 'redirect-stub', `Redirect stub to \`${walk.redirectTo}\``)
  }

  const imageIndex = (raw: RawImage) => images.indexOf(raw)
  const toRef = (raw: RawImage) => images.ref(raw)
  const { s, kind, pinned } = readStructure(walk.items, file, settings, redirect, imageIndex, toRef)
  reportGuesses(file, kind, s)
  const title = s.title || fmTitle
  const confidence = articleConfidence({ file, kind, kindByAuthor: settings.kind !== null, s, title, pinned })
  reportLowConfidence(file, confidence)
  // A page that is not an issue is read as it is: its whole content, in order, is the body.
  const fields = kind === 'other' ? pageFields(s, (raw) => images.indexOf(raw)) : s
  return {
    ...article,
    sourcePath: page.pagePath,
    path: page.pagePath === null ? null : pageUrlPath(page.pagePath),
    slug: page.pagePath === null ? article.slug : pageSlug(page.pagePath),
    kind,
    title,
    description: description === '' ? null : description,
    readingTimeMinutes: s.readingTimeMinutes,
    appliesTo: [...new Set(walk.badges)],
    symptom: fields.symptom,
    condition: fields.condition,
    cause: fields.cause,
    errorCodes: [...new Set([...findErrorCodes(textsOf(walk.items)), ...tableCodesOf(walk.items)])],
    resolutions: fields.resolutions,
    images: images.all(),
    notes: fields.notes,
    related: s.related,
    cta: walk.cta ? ctaOf(walk.cta, images) : null,
    variables: variableNames(text),
    body: fields.body,
    redirectTo: walk.redirectTo,
    links,
    confidence,
  }
}

/**
 * The structure stage over the page's items. Author markers take the items they cover out of the stream and
 * win over the parser's reading of the rest (apply-markers.ts); markers only apply to a troubleshooting article,
 * so on any other page they are reported and the page is read whole.
 */
function readStructure(
  items: Item[],
  file: VFile,
  settings: FrontMatterSettings,
  redirect: boolean,
  imageIndex: (raw: RawImage) => number,
  toRef: (raw: RawImage) => ImageRef,
): { s: Structure; kind: ArticleKind; pinned: Set<DecidedField> } {
  const plan = file.data.authorMarkers
  if (!plan || !hasMarkers(plan, settings.absent)) {
    const s = buildStructure(items, file, imageIndex, toRef)
    return { s, kind: settings.kind ?? articleKind(s, redirect), pinned: new Set() }
  }
  const pins = pinItems(items, plan, settings.absent)
  // Read on a scratch file first: if the page turns out not to be an issue, its messages do not apply.
  const scratch = new VFile({ path: file.path, value: file.value })
  scratch.data = file.data
  const ctx = { file: scratch, imageIndex, toRef, unplaced: [], unplacedLines: [], explainers: 0 }
  const rest = buildStructure(pins.stream, scratch, imageIndex, toRef)
  // The whole page, read without the pins: a field that needed the marked text as context (a symptom guessed
  // because a cause follows) keeps what that reading found, if the reading of the rest left it in body.
  const whole = new VFile({ path: file.path, value: file.value })
  whole.data = file.data
  const s = applyPins(
    recoverFields(rest, buildStructure(items, whole, imageIndex, toRef), pins, whole, scratch),
    pins,
    ctx,
  )
  const kind = settings.kind ?? articleKind(s, redirect)
  const markers = plan.markers.filter((m) => m.name !== 'end')
  if (kind === 'troubleshooting') {
    file.messages.push(...scratch.messages)
    for (const m of markers)
      report(file, 'marker-applied', `Marker \`${m.name}\` settles ${extent(m)}`, {
        line: m.line,
        column: m.column,
      })
    const pinned = new Set<DecidedField>([...pins.absent])
    for (const name of ['symptom', 'condition', 'cause'] as const) if (pins.fields[name]) pinned.add(name)
    if (pins.segments.length > 0) pinned.add('resolutions')
    return { s, kind, pinned }
  }
  for (const m of markers)
    report(
      file,
      'marker-misplaced',
      `Marker \`${m.name}\` applies to troubleshooting articles; this page reads as ${kind} (set \`kb-cms: { kind: troubleshooting }\` in front matter to make it one)`,
      { line: m.line, column: m.column },
    )
  return { s: buildStructure(items, file, imageIndex, toRef), kind, pinned: new Set() }
}

function extent(m: { start: number; end: number }): string {
  if (m.end === Number.POSITIVE_INFINITY) return `lines ${m.start} to the end`
  return m.end === m.start ? `line ${m.start}` : `lines ${m.start}–${m.end}`
}

function recoverFields(
  rest: Structure,
  whole: Structure,
  pins: Pinned,
  wholeFile: VFile,
  file: VFile,
): Structure {
  const out = { ...rest }
  let body = rest.body?.content ?? []
  for (const name of ['symptom', 'condition', 'cause'] as const) {
    const found = whole[name]
    if (rest[name] !== null || pins.fields[name] !== null || pins.absent.includes(name) || !found) continue
    const keys = new Set(found.content.map((b) => JSON.stringify(b)))
    const inBody = body.filter((b) => keys.has(JSON.stringify(b)))
    if (inBody.length !== keys.size) continue
    out[name] = found
    body = body.filter((b) => !keys.has(JSON.stringify(b)))
    if (name === 'symptom') {
      out.symptomByCue = whole.symptomByCue
      file.messages.push(...wholeFile.messages.filter((m) => m.ruleId === 'symptom-guessed'))
    }
  }
  out.body = documentOf(body)
  return out
}

function pageFields(s: Structure, imageIndex: (raw: RawImage) => number) {
  const { body, notes } = pageBody(s.page, imageIndex)
  return { symptom: null, condition: null, cause: null, resolutions: [], notes, body }
}

/** Where the structure had to be guessed, say so, so a writer can check the article. */
function reportGuesses(file: VFile, kind: Article['kind'], s: Structure): void {
  const note = (reason: string, ruleId: DiagnosticId) => report(file, ruleId, reason)
  if (kind === 'troubleshooting') {
    // In a troubleshooting article, text that fits no field is worth a look; elsewhere body is its home.
    for (const line of s.unplacedLines) {
      report(
        file,
        'unplaced-content',
        'Content fits no article field; kept in `body`',
        line ? { line, column: 1 } : null,
      )
    }
    if (s.cause === null && s.resolutions.every((r) => r.cause === null))
      note('No cause statement found', 'no-cause-found')
  } else if (kind === 'other' && s.hasTitle && s.symptom !== null && s.resolutions.length > 0) {
    note('Describes a problem and steps but reads as a how-to; kind set to other', 'kind-guessed')
  }
}

/**
 * The page as one HTML tree; HTML nested beyond what the parser can hold is shown as text instead. parse5 is
 * called without source locations (lines travel as `data-line` marks), which halves the cost of this step.
 */
function pageTree(tree: Root, file: VFile) {
  const toHast = (html: string) => fromParse5(parseFragment(html)) as HastRoot
  try {
    return toHast(mdastToHtml(tree))
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    report(file, 'html-too-deep', 'HTML is nested too deeply to render; its markup is kept as text')
    return toHast(mdastToHtml(tree, { escapeRaw: true }))
  }
}

const MAX_CONTAINER_PREFIX = 64

/** Indentation of more columns than this is cut back to it: 64 levels of two-space list nesting. */
const MAX_INDENT_COLUMNS = 2 * MAX_CONTAINER_PREFIX

/**
 * micromark's cost grows with the square of container nesting (`> > > …`, `* * * …`), and remark's list
 * handling with the cube of list nesting by indentation (a 1500-deep list costs minutes): a line opening more
 * than 64 containers is cut back to 64, and indentation beyond 128 columns is cut back to 128, with a
 * warning, so time stays linear in the input size. No page a writer keeps comes near either.
 */
function limitNesting(text: string, file: VFile): string {
  let reported = false
  const warn = (within: string, offset: number) => {
    if (reported) return
    const line = within.slice(0, offset).split('\n').length
    report(
      file,
      'nesting-too-deep',
      `Lists or quotes nested more than ${MAX_CONTAINER_PREFIX} deep; deeper levels are flattened`,
      { line, column: 1 },
    )
    reported = true
  }
  // Unambiguous on purpose: whitespace is only consumed before a marker, so a near-miss cannot backtrack.
  const prefixes = text.replace(
    /^(?:[ \t]*(?:>|(?:[*+-]|\d{1,9}[.)])(?=[ \t])))+/gm,
    (prefix, offset: number) => {
      const markers = prefix.match(/>|[*+-]|\d{1,9}[.)]/g) ?? []
      if (markers.length <= MAX_CONTAINER_PREFIX) return prefix
      warn(text, offset)
      return `${markers.slice(0, MAX_CONTAINER_PREFIX).join(' ')} `
    },
  )
  // A tab is at most 4 columns, so a shorter run of blanks cannot be over the limit.
  return prefixes.replace(/^[ \t]{32,}(?=\S)/gm, (indent, offset: number) => {
    if (columns(indent) <= MAX_INDENT_COLUMNS) return indent
    warn(prefixes, offset)
    return ' '.repeat(MAX_INDENT_COLUMNS)
  })
}

function columns(indent: string): number {
  let column = 0
  for (const c of indent) column = c === '\t' ? column + 4 - (column % 4) : column + 1
  return column
}

function decode(file: VFile): string {
  const value = file.value ?? ''
  const text = typeof value === 'string' ? value : new TextDecoder('utf-8', { fatal: false }).decode(value)
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  if (clean.includes('\u0000')) {
    report(file, 'binary-content', 'File contains NUL bytes; it may be binary')
    return clean.split('\u0000').join('')
  }
  return clean
}

// Processors are built once and reused: building one (combining the micromark extensions) costs more than
// parsing a typical page.
const processors: ReturnType<typeof buildProcessor>[] = []

function markdownProcessor(depth: number) {
  let p = processors[depth]
  if (!p) {
    p = buildProcessor(depth)
    processors[depth] = p
  }
  return p
}

function buildProcessor(depth: number) {
  const parseBody = (body: string, lineOffset: number): Root => {
    if (depth >= MAX_NESTED_PARSES) return flatParse(body, lineOffset)
    const p = markdownProcessor(depth + 1)
    const inner = new VFile({ value: body })
    const t = p.parse(inner) as Root
    p.runSync(t, inner)
    return shift(t, lineOffset)
  }
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkTables)
    .use(depth === 0 ? remarkLooseFrontmatter : noop)
    .use(remarkInlineHtmlParagraphs, { parseInline: flatParse })
    .use(remarkAdmonitions, { parseBody })
    .use(depth === 0 ? remarkAuthorMarkers : noop)
    .freeze()
}

function noop() {}

const flatProcessor = unified()
  .use(remarkParse)
  .use(remarkTables)
  .use(function disableHtmlFlow(this: Processor) {
    const data = this.data() as unknown as { micromarkExtensions?: unknown[] }
    data.micromarkExtensions = [...(data.micromarkExtensions ?? []), { disable: { null: ['htmlFlow'] } }]
  })
  .freeze()

/** Markdown with HTML blocks disabled: tags become inline HTML inside paragraphs (Python-Markdown style). */
function flatParse(text: string, lineOffset: number): Root {
  return shift(flatProcessor.parse(text) as Root, lineOffset)
}

function shift(tree: Root, lineOffset: number): Root {
  if (lineOffset === 0) return tree
  const stack: unknown[] = [tree]
  while (stack.length) {
    const n = stack.pop() as {
      position?: { start: { line: number }; end: { line: number } }
      children?: unknown[]
    }
    if (n.position) {
      n.position.start.line += lineOffset
      n.position.end.line += lineOffset
    }
    if (n.children) append(stack, n.children)
  }
  return tree
}

class ImageRegistry {
  private refs: ImageRef[] = []
  private index = new Map<RawImage, number>()
  constructor(
    private page: PageLocation,
    private file: VFile,
  ) {}
  add(raw: RawImage): void {
    if (this.index.has(raw)) return
    this.index.set(raw, this.refs.length)
    this.refs.push(this.build(raw))
  }
  indexOf(raw: RawImage): number {
    return this.index.get(raw) ?? -1
  }
  ref(raw: RawImage): ImageRef {
    const i = this.index.get(raw)
    return i === undefined ? this.build(raw) : (this.refs[i] as ImageRef)
  }
  all(): ImageRef[] {
    return this.refs
  }
  build(raw: RawImage): ImageRef {
    const { path, outside } = resolveImagePath(raw.src, raw.fromMarkdown, this.page)
    if (outside) {
      report(
        this.file,
        'image-outside-docs-root',
        `Image \`${raw.src}\` resolves outside the docs root`,
        raw.line ? { line: raw.line, column: 1 } : null,
      )
    }
    return { src: raw.src, path, alt: raw.alt, width: raw.width }
  }
}

function imagesIn(items: Item[], out: RawImage[] = [], depth = 0): RawImage[] {
  if (depth > 100) return out
  for (const item of items) {
    if (item.type === 'image') out.push(item.image)
    else if (item.type === 'para') for (const l of item.lines) append(out, l.icons)
    else if (item.type === 'list') for (const li of item.items) imagesIn(li, out, depth + 1)
    else if (item.type === 'note' || item.type === 'details') imagesIn(item.items, out, depth + 1)
    else if (item.type === 'table') for (const r of item.rows) for (const c of r.cells) append(out, c.icons)
  }
  return out
}

function tableCodesOf(items: Item[], depth = 0): string[] {
  if (depth > 100) return []
  return items.flatMap((item) =>
    item.type === 'table'
      ? tableColumnCodes(item.rows)
      : item.type === 'note' || item.type === 'details'
        ? tableCodesOf(item.items, depth + 1)
        : item.type === 'list'
          ? item.items.flatMap((li) => tableCodesOf(li, depth + 1))
          : [],
  )
}

/**
 * The visible text that may name error codes. A link's text is left out: it names the page it points to
 * ("Attachments fail to upload with error AN-204"), not an error of this article.
 */
function textsOf(items: Item[], out: string[] = [], depth = 0): string[] {
  if (depth > 100) return out
  for (const item of items) {
    if (item.type === 'para') for (const l of item.lines) out.push(withoutLinks(l))
    else if (item.type === 'heading') out.push(withoutLinks(item.line))
    else if (item.type === 'list') for (const li of item.items) textsOf(li, out, depth + 1)
    else if (item.type === 'note' || item.type === 'details') textsOf(item.items, out, depth + 1)
    else if (item.type === 'table') for (const r of item.rows) for (const c of r.cells) out.push(c.text)
    else if (item.type === 'code') out.push(item.value)
    else if (item.type === 'caption') out.push(item.text)
  }
  return out
}

function withoutLinks(line: Line): string {
  return line.inlines.map((n) => (n.nodeType === 'text' ? n.value : ' ')).join('')
}

function ctaOf(cta: NonNullable<ReturnType<typeof walkPage>['cta']>, images: ImageRegistry): CtaBanner {
  return {
    variant: cta.variant,
    text: plainText(cta.text.inlines).trim(),
    href: cta.href,
    image: cta.image ? images.build(cta.image) : null,
  }
}

function toDiagnostic(m: VFile['messages'][number]): Diagnostic {
  return {
    // An id outside the registry is a bug (test/diagnostics/registry.test.ts catches it); it is kept as reported.
    ruleId: (m.ruleId ?? 'unknown') as DiagnosticId,
    severity: severityOf(m),
    message: m.reason,
    line: m.line ?? null,
    column: m.column ?? null,
  }
}

/** kebab-case from the file name: "Salesforce-OAuth-Error.md" → "salesforce-oauth-error". */
export function slugOf(path: string): string {
  return basename(path.replace(/\\/g, '/'))
    .replace(/\.(md|markdown)$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
