// Walks the rendered page (hast) and produces a flat stream of typed items: headings, paragraphs split into
// lines at <br>, images, lists, tables, admonitions, spacers. Page chrome (badges, ShareThis, <style>, the
// CTA banner) is recognised here and set aside; executable content is dropped with a message.
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast'
import { toString as hastToString } from 'hast-util-to-string'
import type { VFile } from 'vfile'
import { type DiagnosticId, report } from '../diagnostics/registry.ts'
import { append } from './append.ts'
import { classList, findFirst, isUnsafeUrl, textOf, widthFrom } from './hast-util.ts'
import { LINE_MARK } from './mdast-to-html.ts'
import { badgeName, isBadge } from './page-chrome.ts'
import {
  hyperlink,
  type InlineNode,
  type MarkType,
  normaliseInlines,
  plainText,
  text,
  trimInlines,
} from './rich-text.ts'

export interface RawImage {
  src: string
  alt: string
  width: string | null
  fromMarkdown: boolean
  float: boolean
  inDetails: boolean
  line: number | null
}

export interface Line {
  inlines: InlineNode[]
  text: string
  /** Small images inside the sentence (inline icons). */
  icons: RawImage[]
}

export type Item =
  | { type: 'heading'; depth: number; line: Line; at: number | null }
  | { type: 'para'; lines: Line[]; at: number | null; inDetails: boolean; italicOnly: boolean }
  | { type: 'list'; ordered: boolean; start: number; items: Item[][]; at: number | null }
  | { type: 'image'; image: RawImage; at: number | null }
  | { type: 'spacer'; at: number | null }
  | { type: 'hr'; at: number | null }
  | {
      type: 'note'
      kind: string
      title: string | null
      collapsible: boolean
      items: Item[]
      at: number | null
    }
  | { type: 'table'; rows: { header: boolean; cells: Line[] }[]; at: number | null }
  | { type: 'code'; value: string; at: number | null }
  | { type: 'caption'; text: string; at: number | null }
  /** A `<details>` disclosure; its items start with the `<summary>` caption, when it has one. */
  | { type: 'details'; items: Item[]; at: number | null }

export interface CtaRaw {
  variant: string | null
  text: Line
  href: string
  image: RawImage | null
}

export interface WalkResult {
  items: Item[]
  badges: string[]
  cta: CtaRaw | null
  redirectTo: string | null
}

interface Ctx {
  file: VFile
  line: number | null
  badges: string[]
  cta: CtaRaw | null
  redirectTo: string | null
  variables: Record<string, string>
  reported: Set<string>
}

type Token = { t: 'inl'; node: InlineNode } | { t: 'br' } | { t: 'soft' } | { t: 'img'; img: RawImage }

const MAX_DEPTH = 200
const DROPPED_ELEMENTS = new Set(['iframe', 'object', 'embed', 'input', 'select', 'textarea'])
// Controls whose label a reader sees: the control goes, its text stays.
const UNWRAPPED_CONTROLS = new Set(['button', 'form', 'label'])
const SKIPPED_ELEMENTS = new Set(['style', 'head', 'meta', 'link', 'template', 'title'])
/** Skipped elements whose text a browser does not show; a page that puts words there gets told. */
const HIDDEN_TEXT = new Set(['template', 'title'])
const BLOCK_CONTAINERS = new Set([
  'p',
  'div',
  'center',
  'section',
  'article',
  'figure',
  'figcaption',
  'blockquote',
  'main',
  'header',
  'footer',
  'nav',
  'dl',
  'dd',
  'dt',
  'address',
  'body',
  'html',
  'tbody',
  'thead',
])

export function walkPage(tree: HastRoot, file: VFile, variables: Record<string, string>): WalkResult {
  const ctx: Ctx = {
    file,
    line: null,
    badges: [],
    cta: null,
    redirectTo: null,
    variables,
    reported: new Set(),
  }
  const items = walkBlocks(tree.children, ctx, 0, false)
  return { items, badges: ctx.badges, cta: ctx.cta, redirectTo: ctx.redirectTo }
}

function walkBlocks(
  nodes: (RootContent | ElementContent)[],
  ctx: Ctx,
  depth: number,
  inDetails: boolean,
): Item[] {
  const items: Item[] = []
  let tokens: Token[] = []
  const flush = () => {
    if (tokens.length) append(items, tokensToItems(tokens, ctx, inDetails))
    tokens = []
  }
  for (const node of nodes) {
    if (node.type === 'comment') {
      if (node.value.startsWith(LINE_MARK)) ctx.line = Number(node.value.slice(LINE_MARK.length)) || ctx.line
      continue
    }
    if (node.type === 'text') {
      pushText(tokens, node.value, [], ctx)
      continue
    }
    if (node.type !== 'element') continue
    const el = node
    checkAttributes(el, ctx)
    const tag = el.tagName
    const line = Number(el.properties?.dataLine)
    if (line) ctx.line = line
    if (depth > MAX_DEPTH) {
      pushText(tokens, textOf(el), [], ctx)
      continue
    }
    if (SKIPPED_ELEMENTS.has(tag)) {
      reportHiddenText(el, ctx)
      continue
    }
    if (tag === 'script') {
      flush()
      handleScript(el, ctx)
      continue
    }
    if (DROPPED_ELEMENTS.has(tag)) {
      flush()
      message(
        ctx,
        `<${tag}> dropped: embedded or interactive content is not carried over`,
        'embedded-content-dropped',
      )
      continue
    }
    const classes = classList(el)
    if (tag === 'div' && classes.some((c) => c.startsWith('addthis'))) continue // ShareThis toolbox
    if (tag === 'div' && classes.includes('banners')) {
      flush()
      readCta(el, classes, ctx, depth)
      continue
    }
    if (tag === 'div' && classes.includes('container') && isBadge(el)) {
      flush()
      const img = findFirst(el, 'img')
      if (img)
        ctx.badges.push(badgeName(String(img.properties?.src ?? ''), String(img.properties?.alt ?? '')))
      continue
    }
    if (/^h[1-6]$/.test(tag)) {
      flush()
      const inner: Token[] = []
      collectInline(el.children, [], null, inner, ctx, depth + 1, inDetails)
      const line = joinTokensToLine(inner, ctx)
      items.push({ type: 'heading', depth: Number(tag.slice(1)), line: line.line, at: ctx.line })
      for (const icon of line.images) items.push({ type: 'image', image: icon, at: ctx.line })
      continue
    }
    if (tag === 'ul' || tag === 'ol') {
      flush()
      const at = ctx.line
      items.push({
        type: 'list',
        ordered: tag === 'ol',
        // A list interrupted by an image resumes with `start`; its numbers go on from there.
        start: Math.max(0, Math.min(1e6, Number(el.properties?.start ?? 1) || 1)),
        items: listItems(el, ctx, depth, inDetails),
        at,
      })
      continue
    }
    if (tag === 'table') {
      flush()
      items.push(readTable(el, ctx, depth))
      continue
    }
    if (tag === 'pre') {
      flush()
      items.push({ type: 'code', value: hastToString(el).replace(/\n$/, ''), at: ctx.line })
      continue
    }
    if (tag === 'hr') {
      flush()
      items.push({ type: 'hr', at: ctx.line })
      continue
    }
    if (tag === 'aside' && classes.includes('admonition')) {
      flush()
      const at = ctx.line
      const p = el.properties ?? {}
      items.push({
        type: 'note',
        kind: String(p.dataKind ?? 'note'),
        title: p.dataTitle === undefined ? null : String(p.dataTitle),
        collapsible: p.dataCollapsible === 'true',
        items: walkBlocks(el.children, ctx, depth + 1, inDetails),
        at,
      })
      continue
    }
    if (tag === 'details') {
      flush()
      const at = ctx.line
      items.push({ type: 'details', items: walkBlocks(el.children, ctx, depth + 1, true), at })
      continue
    }
    if (tag === 'summary') {
      flush()
      const caption = hastToString(el).replace(/\s+/g, ' ').trim()
      if (caption) items.push({ type: 'caption', text: caption, at: ctx.line })
      continue
    }
    if (BLOCK_CONTAINERS.has(tag)) {
      flush()
      append(items, walkBlocks(el.children, ctx, depth + 1, inDetails))
      continue
    }
    collectInline([el], [], null, tokens, ctx, depth + 1, inDetails)
  }
  flush()
  return items
}

/**
 * The items of a list. Browsers show text and tags written between `<li>`s (invalid, but common in hand-written
 * HTML) where they stand, so they join the item before them instead of vanishing.
 */
function listItems(el: Element, ctx: Ctx, depth: number, inDetails: boolean): Item[][] {
  const out: Item[][] = []
  let stray: ElementContent[] = []
  const flushStray = () => {
    if (stray.some((c) => c.type !== 'text' || c.value.trim() !== '')) {
      const blocks = walkBlocks(stray, ctx, depth + 1, inDetails)
      const last = out.at(-1)
      if (last) append(last, blocks)
      else out.push(blocks)
    }
    stray = []
  }
  for (const child of el.children) {
    if (child.type === 'element' && child.tagName === 'li') {
      flushStray()
      out.push(walkBlocks(child.children, ctx, depth + 1, inDetails))
    } else if (child.type !== 'comment') stray.push(child)
  }
  flushStray()
  return out
}

function collectInline(
  nodes: ElementContent[],
  marks: MarkType[],
  href: string | null,
  out: Token[],
  ctx: Ctx,
  depth: number,
  inDetails: boolean,
): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      pushText(out, node.value, marks, ctx, href)
      continue
    }
    if (node.type !== 'element') continue
    checkAttributes(node, ctx)
    const tag = node.tagName
    if (depth > MAX_DEPTH) {
      pushText(out, textOf(node), marks, ctx, href)
      continue
    }
    if (SKIPPED_ELEMENTS.has(tag)) {
      reportHiddenText(node, ctx)
      continue
    }
    if (tag === 'script') {
      handleScript(node, ctx)
      continue
    }
    if (DROPPED_ELEMENTS.has(tag)) {
      message(
        ctx,
        `<${tag}> dropped: embedded or interactive content is not carried over`,
        'embedded-content-dropped',
      )
      continue
    }
    if (UNWRAPPED_CONTROLS.has(tag)) {
      message(ctx, `<${tag}> control dropped; its text is kept`, 'interactive-content-dropped')
    }
    if (tag === 'br') {
      out.push({ t: 'br' })
      continue
    }
    if (tag === 'img') {
      const img = readImage(node, ctx, inDetails)
      if (img) out.push({ t: 'img', img })
      continue
    }
    let next = marks
    if (tag === 'b' || tag === 'strong') next = addMark(marks, 'bold')
    else if (tag === 'i' || tag === 'em' || tag === 'cite') next = addMark(marks, 'italic')
    else if (tag === 'code' || tag === 'kbd' || tag === 'samp') next = addMark(marks, 'code')
    else if (tag === 'u') next = addMark(marks, 'underline')
    let nextHref = href
    if (tag === 'a') {
      const raw = node.properties?.href
      const url = raw === undefined || raw === null ? null : String(raw)
      if (url !== null && isUnsafeUrl(url)) {
        message(
          ctx,
          `Link to \`${url.slice(0, 40)}\` dropped: only http(s), mailto and relative links are kept`,
          'unsafe-link-dropped',
        )
      } else if (url !== null && href === null) nextHref = url
    }
    collectInline(node.children, next, nextHref, out, ctx, depth + 1, inDetails)
  }
}

function addMark(marks: MarkType[], mark: MarkType): MarkType[] {
  return marks.includes(mark) ? marks : [...marks, mark]
}

/** HTML whitespace rules: runs collapse to one space; a newline is kept as a soft break for step splitting. */
function pushText(
  out: Token[],
  value: string,
  marks: MarkType[],
  ctx: Ctx,
  href: string | null = null,
): void {
  const resolved = substitute(value, ctx.variables)
  const parts = resolved.split(/[ \t\r\f]*\n[ \t\r\n\f]*/)
  parts.forEach((part, i) => {
    if (i > 0) out.push({ t: 'soft' })
    const collapsed = part.replace(/[ \t\r\f]+/g, ' ')
    if (collapsed === '') return
    const node = text(collapsed, marks)
    if (href === null) out.push({ t: 'inl', node })
    else {
      const prev = out[out.length - 1]
      // Consecutive pieces of one link stay one hyperlink node.
      if (prev?.t === 'inl' && prev.node.nodeType === 'hyperlink' && prev.node.data.uri === href) {
        prev.node.content.push(node)
      } else out.push({ t: 'inl', node: hyperlink(href, [node]) })
    }
  })
}

function substitute(value: string, variables: Record<string, string>): string {
  if (!value.includes('{{')) return value
  return value.replace(/\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g, (m, name: string) =>
    Object.hasOwn(variables, name) ? String(variables[name]) : m,
  )
}

const STEP_LEAD = /^[\s\u00a0]*$/

/** Splits tokens into lines at <br>, and at a soft newline when the next line starts with a step number. */
function splitLines(tokens: Token[]): Token[][] {
  const lines: Token[][] = [[]]
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as Token
    if (tok.t === 'br') lines.push([])
    else if (tok.t === 'soft') {
      if (startsWithMarker(tokens, i + 1)) lines.push([])
      else (lines[lines.length - 1] as Token[]).push({ t: 'inl', node: text(' ') })
    } else (lines[lines.length - 1] as Token[]).push(tok)
  }
  return lines
}

function startsWithMarker(tokens: Token[], from: number): boolean {
  for (let i = from; i < tokens.length; i++) {
    const tok = tokens[i] as Token
    if (tok.t !== 'inl') return false
    const node = tok.node
    if (node.nodeType !== 'text') return false
    if (STEP_LEAD.test(node.value)) continue
    return node.marks.some((m) => m.type === 'bold') && /^\s*\d+(?:\.\d+)*\.?\s*$/.test(node.value)
  }
  return false
}

function tokensToItems(tokens: Token[], ctx: Ctx, inDetails: boolean): Item[] {
  const items: Item[] = []
  let lines: Line[] = []
  const flushPara = () => {
    const kept = lines.filter((l) => l.text.trim() !== '' || l.icons.length)
    if (kept.length) {
      const italicOnly = kept.every((l) =>
        l.inlines.every(
          (n) =>
            plainText(n).trim() === '' || (n.nodeType === 'text' && n.marks.some((m) => m.type === 'italic')),
        ),
      )
      items.push(
        inDetails
          ? { type: 'caption', text: kept.map((l) => l.text).join(' '), at: ctx.line }
          : { type: 'para', lines: kept, at: ctx.line, inDetails, italicOnly },
      )
    }
    lines = []
  }
  let sawAnything = false
  for (const lineTokens of splitLines(tokens)) {
    // An image with words on both sides is an inline icon; otherwise it is a block image of its own.
    let segment: Token[] = []
    const segments: (Token[] | RawImage)[] = []
    // wordsAfter[i]: some token after i has words (computed once, so many images on a line stay linear).
    const wordsAfter: boolean[] = new Array(lineTokens.length).fill(false)
    for (let i = lineTokens.length - 2; i >= 0; i--)
      wordsAfter[i] = wordsAfter[i + 1] || hasWords([lineTokens[i + 1] as Token])
    lineTokens.forEach((tok, i) => {
      if (tok.t !== 'img') {
        segment.push(tok)
        return
      }
      const before = hasWords(segment)
      const after = wordsAfter[i] === true
      if (before && after) {
        segment.push(tok)
        return
      }
      segments.push(segment, tok.img)
      segment = []
    })
    segments.push(segment)
    for (const seg of segments) {
      if (Array.isArray(seg)) {
        const { line, images } = joinTokensToLine(seg, ctx)
        if (line.text.trim() !== '' || images.length) lines.push(line)
        if (line.text.trim() !== '') sawAnything = true
      } else {
        flushPara()
        items.push({ type: 'image', image: seg, at: seg.line })
        sawAnything = true
      }
    }
  }
  flushPara()
  // Only a visible gap (&nbsp; or <br>) is a spacer; whitespace between tags is not.
  const visibleGap = tokens.some(
    (t) => t.t === 'br' || (t.t === 'inl' && plainText(t.node).includes('\u00a0')),
  )
  if (!sawAnything && items.length === 0 && !inDetails && visibleGap)
    items.push({ type: 'spacer', at: ctx.line })
  return items
}

function hasWords(tokens: Token[]): boolean {
  return tokens.some(
    (t) =>
      t.t === 'inl' &&
      plainText(t.node)
        .replace(/\u00a0/g, ' ')
        .trim() !== '',
  )
}

function joinTokensToLine(tokens: Token[], _ctx: Ctx): { line: Line; images: RawImage[] } {
  const inlines: InlineNode[] = []
  const icons: RawImage[] = []
  for (const tok of tokens) {
    if (tok.t === 'inl') inlines.push(tok.node)
    else if (tok.t === 'img') icons.push(tok.img)
    else inlines.push(text(' '))
  }
  const trimmed = trimInlines(normaliseInlines(inlines))
  return { line: { inlines: trimmed, text: plainText(trimmed), icons }, images: icons }
}

function readImage(el: Element, ctx: Ctx, inDetails: boolean): RawImage | null {
  const p = el.properties ?? {}
  const src = p.src === undefined || p.src === null ? '' : String(p.src)
  if (isUnsafeUrl(src)) {
    message(ctx, 'Image with a `data:`/`javascript:` source dropped', 'unsafe-image-dropped')
    return null
  }
  if (src === '') return null
  const style = p.style === undefined ? '' : String(p.style)
  return {
    src,
    alt: p.alt === undefined ? '' : String(p.alt),
    width: widthFrom(style, p.width === undefined ? null : String(p.width)),
    fromMarkdown: p.dataKbMarkdown === 'true',
    float: /float\s*:\s*right/i.test(style),
    inDetails,
    line: ctx.line,
  }
}

function readTable(el: Element, ctx: Ctx, depth: number): Item {
  const at = ctx.line
  const rows: { header: boolean; cells: Line[] }[] = []
  // Rows in document order, from the table and its row groups (shift/unshift here was quadratic in rows).
  const trs: Element[] = []
  for (const n of el.children) {
    if (n.type !== 'element') continue
    if (n.tagName === 'tr') trs.push(n)
    else if (n.tagName === 'thead' || n.tagName === 'tbody' || n.tagName === 'tfoot')
      for (const r of n.children) if (r.type === 'element' && r.tagName === 'tr') trs.push(r)
  }
  for (const tr of trs) {
    const cells = tr.children.filter(
      (c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'),
    )
    const lines = cells.map((cell) => {
      const tokens: Token[] = []
      collectInline(cell.children, [], null, tokens, ctx, depth + 1, false)
      // A <br> inside a cell reads as a space.
      return joinTokensToLine(
        tokens.map((t) => (t.t === 'br' || t.t === 'soft' ? { t: 'inl' as const, node: text(' ') } : t)),
        ctx,
      ).line
    })
    rows.push({ header: cells.length > 0 && cells.every((c) => c.tagName === 'th'), cells: lines })
  }
  return { type: 'table', rows, at }
}

function readCta(el: Element, classes: string[], ctx: Ctx, depth: number): void {
  const variant = classes.find((c) => /^banner-\w+$/.test(c)) ?? null
  const anchor = findFirst(el, 'a')
  const imgEl = findFirst(el, 'img')
  const href = anchor?.properties?.href === undefined ? '' : String(anchor.properties.href)
  if (isUnsafeUrl(href)) {
    message(ctx, 'CTA banner link dropped: unsafe URL', 'unsafe-link-dropped')
    return
  }
  const tokens: Token[] = []
  if (anchor) collectInline(anchor.children, [], null, tokens, ctx, depth + 1, false)
  const image = imgEl ? readImage(imgEl, ctx, false) : null
  if (ctx.cta) message(ctx, 'More than one CTA banner; only the first is kept', 'cta-duplicate')
  else ctx.cta = { variant, text: joinTokensToLine(tokens, ctx).line, href, image }
}

function handleScript(el: Element, ctx: Ctx): void {
  const code = hastToString(el)
  const m = /(?:document|window)\.location(?:\.href)?\s*=\s*["']([^"']+)["']/.exec(code)
  if (m?.[1]) {
    ctx.redirectTo = m[1]
    return
  }
  message(ctx, '<script> dropped: executable content is not carried over', 'script-dropped')
}

function checkAttributes(el: Element, ctx: Ctx): void {
  for (const key of Object.keys(el.properties ?? {})) {
    if (/^on[a-z]/i.test(key)) {
      message(
        ctx,
        `Event handler \`${key.toLowerCase()}\` on <${el.tagName}> dropped`,
        'event-handler-dropped',
      )
    }
  }
}

/** An unclosed `<title>` hides the rest of the page as its text: never quietly. */
function reportHiddenText(el: Element, ctx: Ctx): void {
  if (!HIDDEN_TEXT.has(el.tagName)) return
  const hidden = textOf(el).replace(/\s+/g, ' ').trim()
  if (hidden === '') return
  const sample = hidden.length > 60 ? `${hidden.slice(0, 60)}…` : hidden
  message(
    ctx,
    `Text inside <${el.tagName}> is not shown on the page and is left out (${hidden.length} characters: "${sample}"); close the tag if the rest of the page belongs to the body`,
    'hidden-text-dropped',
  )
}

function message(ctx: Ctx, reason: string, ruleId: DiagnosticId): void {
  // One report per problem and line: a control with two handlers is one finding for a writer.
  const key = `${ruleId}\u0000${ctx.line}\u0000${reason}`
  if (ctx.reported.has(key)) return
  ctx.reported.add(key)
  report(ctx.file, ruleId, reason, ctx.line ? { line: ctx.line, column: 1 } : undefined)
}
