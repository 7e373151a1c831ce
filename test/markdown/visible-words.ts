// Test helper: the words a reader sees in a page, computed independently of the parser (mdast text plus
// the text of raw HTML, without comments, <style>, <script> or image alt text), and the words an Article holds.
import type { Document } from '@contentful/rich-text-types'
import type { Nodes as HastNodes } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import type { Nodes } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Article, RichText } from '../../src/model/article.ts'

export function tokens(text: string): string[] {
  const out: string[] = []
  // Markdown link syntax left in raw HTML renders as a link on the site: keep its text, not its URL. Inside
  // inline HTML Python-Markdown still reads Markdown, so escapes and emphasis markers are not seen either.
  const plain = text
    .replace(/\]\([^)\s]*\)?/g, ' ')
    .replace(/[[\]]/g, ' ')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\*\*|__/g, ' ')
  for (const raw of plain.toLowerCase().split(/[\s\u00a0]+/)) {
    const w = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    if (w && !/^[\d.]+$/.test(w)) out.push(w)
  }
  return out
}

export function visibleWords(source: string): Set<string> {
  const tree = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .parse(dedentAdmonitions(source))
  const parts: string[] = []
  const html: string[] = []
  const stack: Nodes[] = [tree]
  // Raw HTML is gathered in document order and parsed as one page, as a browser would.
  const walk = (node: Nodes) => {
    if (node.type === 'yaml') return
    if (node.type === 'html') {
      html.push(node.value)
      return
    }
    if (node.type === 'image' || node.type === 'imageReference') return
    if (node.type === 'break') html.push('<br>')
    if (node.type === 'text' || node.type === 'inlineCode') html.push(escapeHtml(node.value))
    if (node.type === 'code') html.push(' ', escapeHtml(node.value), ' ')
    if ('children' in node) {
      // Words run on across inline markup (`<i>name</i>→tab` is one word); blocks are apart.
      const gap = PHRASING.has(node.type) ? '' : ' '
      html.push(gap)
      for (const c of node.children) walk(c as Nodes)
      html.push(gap)
    }
  }
  for (const n of stack) walk(n)
  parts.push(hastText(fromHtml(html.join(''), { fragment: true })))
  // Admonition openers (`!!! kind "Title"`) are markup; their kind and title are kept as the note's.
  return new Set(tokens(parts.join(' ')))
}

/** mkdocs-material renders an admonition's indented body as Markdown: dedent it, keep the title words. */
function dedentAdmonitions(source: string): string {
  const out: string[] = []
  let inside = false
  for (const line of source.split('\n')) {
    const opener = /^(?:!!!|\?\?\?\+?)\s*[\w-]*\s*(?:"([^"]*)")?\s*$/.exec(line)
    if (opener) {
      inside = true
      out.push('', opener[1] ?? '', '')
      continue
    }
    if (inside && (line.trim() === '' || /^( {4}|\t)/.test(line))) {
      out.push(line.replace(/^( {4}|\t)/, ''))
      continue
    }
    inside = false
    out.push(line)
  }
  return out.join('\n')
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'code',
  'em',
  'font',
  'i',
  'kbd',
  'mark',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'u',
])

function hastText(root: HastNodes): string {
  const out: string[] = []
  const stack: HastNodes[] = [root]
  while (stack.length) {
    const n = stack.pop() as HastNodes
    if (n.type === 'text') out.push(n.value)
    else if (n.type === 'element') {
      if (n.tagName === 'script' || n.tagName === 'style') continue
      // Inline elements do not break a word (`andy@<a>example.com</a>` reads as one); blocks and <br> do.
      if (!INLINE_TAGS.has(n.tagName)) out.push(' ')
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as HastNodes)
    } else if (n.type === 'root')
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as HastNodes)
  }
  return out.join('')
}

export function richTextFields(a: Article): [string, RichText][] {
  const out: [string, RichText][] = []
  const add = (name: string, doc: RichText | null) => {
    if (doc) out.push([name, doc])
  }
  add('symptom', a.symptom)
  add('condition', a.condition)
  add('cause', a.cause)
  add('body', a.body)
  a.resolutions.forEach((r, i) => {
    add(`resolutions[${i}].cause`, r.cause)
    add(`resolutions[${i}].intro`, r.intro)
    r.steps.forEach((s, j) => {
      add(`resolutions[${i}].steps[${j}]`, s.instruction)
    })
  })
  a.notes.forEach((n, i) => {
    add(`notes[${i}]`, n.body)
  })
  return out
}

const PHRASING = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference'])

function docText(node: unknown): string {
  const n = node as { nodeType?: string; value?: string; content?: { nodeType?: string }[] }
  if (n.nodeType === 'text') return n.value ?? ''
  const content = n.content ?? []
  // Inline nodes (text, links) of one block run on; blocks are apart.
  const inline = content.every((c) => c.nodeType === 'text' || c.nodeType?.includes('hyperlink'))
  return content.map(docText).join(inline ? '' : ' ')
}

export function articleWords(a: Article): Set<string> {
  const texts: string[] = [a.title, a.description ?? '', ...a.appliesTo]
  if (a.readingTimeMinutes !== null) texts.push('min read')
  for (const [, doc] of richTextFields(a)) texts.push(docText(doc as Document))
  for (const r of a.resolutions) texts.push(r.title ?? '')
  for (const n of a.notes) texts.push(n.kind, n.title ?? '')
  for (const r of a.related) texts.push(r.title)
  if (a.cta) texts.push(a.cta.text)
  // What the parser reports as structure it set aside (labels, badge lead-ins) counts as accounted for.
  for (const d of a.diagnostics)
    if (d.ruleId === 'structure-dropped' || d.ruleId === 'work-in-progress') texts.push(d.message)
  return new Set(tokens(texts.join(' ')))
}
