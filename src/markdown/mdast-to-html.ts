// Renders the mdast to an HTML string, as the site's Markdown renderer would, so that raw HTML spread over
// several Markdown blocks (a <details> opened in one block and closed in another) nests correctly once the
// whole page is parsed by parse5. Line numbers travel as `data-line` attributes and
// `<!--kb-line:N-->` comments. Recursion is capped: deeper content is emitted as escaped text.
import type { Nodes, Parent, RootContent } from 'mdast'
import type { AdmonitionNode } from './remark-admonitions.ts'

export const MAX_DEPTH = 200
export const LINE_MARK = 'kb-line:'

export interface HtmlOptions {
  /** Show raw HTML as text instead of markup (the fallback when the page's HTML is too deeply nested). */
  escapeRaw?: boolean
}

const PHRASING_PARENTS = new Set([
  'paragraph',
  'heading',
  'emphasis',
  'strong',
  'delete',
  'link',
  'tableCell',
])

export function mdastToHtml(node: Nodes, options: HtmlOptions = {}): string {
  const out: string[] = []
  render(node, out, 0, options.escapeRaw === true)
  return out.join('')
}

function render(
  node: Nodes | AdmonitionNode,
  out: string[],
  depth: number,
  escapeRaw: boolean,
  inline = false,
): void {
  if (depth > MAX_DEPTH) {
    out.push(escapeText(flatText(node)))
    return
  }
  // Inside a paragraph, raw HTML is part of the line: no newline after it, or `x<a>y</a>.` would read `x y .`.
  const inPhrasing = inline || PHRASING_PARENTS.has(node.type)
  const recurse = (n: Nodes) => render(n, out, depth + 1, escapeRaw, inPhrasing)
  const line = node.position?.start.line
  const at = line ? ` data-line="${line}"` : ''
  const kids = (n: Parent) => {
    for (const c of n.children) recurse(c as Nodes)
  }
  switch (node.type) {
    case 'root':
      kids(node)
      return
    case 'admonition':
      out.push(
        `<aside class="admonition"${at} data-kind="${escapeAttr(node.kind)}"${
          node.title === null ? '' : ` data-title="${escapeAttr(node.title)}"`
        }${node.collapsible ? ' data-collapsible="true"' : ''}>`,
      )
      kids(node)
      out.push('</aside>\n')
      return
    case 'paragraph':
      out.push(`<p${at}>`)
      kids(node)
      out.push('</p>\n')
      return
    case 'heading':
      out.push(`<h${node.depth}${at}>`)
      kids(node)
      out.push(`</h${node.depth}>\n`)
      return
    case 'thematicBreak':
      out.push(`<hr${at}>\n`)
      return
    case 'blockquote':
      out.push(`<blockquote${at}>`)
      kids(node)
      out.push('</blockquote>\n')
      return
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul'
      const start =
        node.ordered && node.start !== null && node.start !== undefined ? ` start="${node.start}"` : ''
      out.push(`<${tag}${at}${start}>`)
      kids(node)
      out.push(`</${tag}>\n`)
      return
    }
    case 'listItem':
      out.push(`<li${at}>`)
      kids(node)
      out.push('</li>\n')
      return
    case 'code':
      out.push(`<pre${at}><code>${escapeText(node.value)}</code></pre>\n`)
      return
    case 'html':
      if (inline) {
        out.push(escapeRaw ? escapeText(node.value) : node.value)
        return
      }
      if (line) out.push(`<!--${LINE_MARK}${line}-->`)
      out.push(escapeRaw ? escapeText(node.value) : node.value, '\n')
      return
    case 'table': {
      out.push(`<table${at}>`)
      node.children.forEach((row, i) => {
        out.push('<tr>')
        for (const cell of row.children) {
          const tag = i === 0 ? 'th' : 'td'
          out.push(`<${tag}>`)
          kids(cell)
          out.push(`</${tag}>`)
        }
        out.push('</tr>')
      })
      out.push('</table>\n')
      return
    }
    case 'text':
      out.push(escapeText(node.value))
      return
    case 'emphasis':
      out.push('<em>')
      kids(node)
      out.push('</em>')
      return
    case 'strong':
      out.push('<strong>')
      kids(node)
      out.push('</strong>')
      return
    case 'delete':
      out.push('<del>')
      kids(node)
      out.push('</del>')
      return
    case 'inlineCode':
      out.push(`<code>${escapeText(node.value)}</code>`)
      return
    case 'break':
      out.push('<br>\n')
      return
    case 'link':
      out.push(`<a href="${escapeAttr(node.url)}">`)
      kids(node)
      out.push('</a>')
      return
    case 'image':
      out.push(
        `<img src="${escapeAttr(node.url)}" alt="${escapeAttr(node.alt ?? '')}" data-kb-markdown="true">`,
      )
      return
    case 'linkReference':
    case 'imageReference':
    case 'footnoteReference':
      // Unresolved references render as the literal text the reader sees.
      out.push(escapeText(flatText(node)))
      return
    case 'definition':
    case 'yaml':
    case 'footnoteDefinition':
      return
    default:
      if ('children' in node) kids(node as Parent)
      else if ('value' in node) out.push(escapeText(String((node as { value: unknown }).value)))
  }
}

/** Text of a subtree without recursion, so a pathological depth cannot overflow the stack. */
function flatText(node: Nodes | AdmonitionNode | RootContent): string {
  const parts: string[] = []
  const stack: unknown[] = [node]
  while (stack.length) {
    const n = stack.pop() as {
      type?: string
      value?: unknown
      alt?: string
      label?: string
      children?: unknown[]
    }
    if (typeof n.value === 'string' && n.type !== 'html') parts.push(n.value)
    if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i])
  }
  return parts.join('')
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;')
}
