// Every link a page holds, with its place in the file: Markdown links from the tree, HTML `<a href>` from raw
// HTML nodes. The sync resolves them to entries and names the place of any that lead nowhere.
import type { Nodes, Root } from 'mdast'
import type { PageLink } from '../model/article.ts'
import { isUnsafeUrl } from './hast-util.ts'

const HTML_HREF = /<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi

export function pageLinks(tree: Root): PageLink[] {
  const links: PageLink[] = []
  const stack: Nodes[] = [tree]
  while (stack.length) {
    const node = stack.pop() as Nodes
    const start = node.position?.start
    if (node.type === 'link') {
      links.push({ href: node.url, line: start?.line ?? null, column: start?.column ?? null })
    } else if (node.type === 'html') {
      for (const m of node.value.matchAll(HTML_HREF)) {
        const href = m[1] ?? m[2] ?? m[3] ?? ''
        links.push({ href: decodeEntities(href), ...placeIn(node.value, m.index, start) })
      }
    }
    if ('children' in node)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes)
  }
  // Executable links are dropped from the page (and reported) by the walker; they are no links to resolve.
  return links.filter((l) => !isUnsafeUrl(l.href))
}

/** Line and column of `offset` inside a node's text that starts at `start`. */
function placeIn(value: string, offset: number, start?: { line: number; column: number }) {
  if (!start) return { line: null, column: null }
  const before = value.slice(0, offset)
  const newlines = before.split('\n').length - 1
  const column = newlines === 0 ? start.column + offset : offset - before.lastIndexOf('\n')
  return { line: start.line + newlines, column }
}

function decodeEntities(href: string): string {
  return href
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
}
