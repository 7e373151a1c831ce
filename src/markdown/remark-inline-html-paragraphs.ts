// Python-Markdown only treats a line as raw HTML when it starts with a block-level tag; a line starting with
// `<br>`, `<b>` or `<img>` is a paragraph whose Markdown is rendered. CommonMark makes it an HTML block, so
// such blocks are re-parsed here as Markdown with HTML flow disabled.
import type { Html, Root, RootContent } from 'mdast'
import { append } from './append.ts'

export interface InlineHtmlOptions {
  /** Parses text as Markdown with HTML blocks disabled; `lineOffset` is added to positions. */
  parseInline: (text: string, lineOffset: number) => Root
}

const BLOCK_TAGS = new Set(
  (
    'address article aside blockquote body canvas center dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe li main math nav noscript ol p pre script ' +
    'section style summary table tbody td tfoot th thead tr ul video'
  ).split(' '),
)

export default function remarkInlineHtmlParagraphs(options: InlineHtmlOptions) {
  return (tree: Root) => {
    const out: RootContent[] = []
    for (const node of tree.children) {
      if (node.type === 'html' && startsInline(node)) {
        append(out, options.parseInline(node.value, (node.position?.start.line ?? 1) - 1).children)
      } else out.push(node)
    }
    tree.children = out
  }
}

function startsInline(node: Html): boolean {
  const m = /^\s*<\/?([A-Za-z][A-Za-z0-9]*)/.exec(node.value)
  if (!m?.[1]) return false // comments, doctypes, processing instructions stay raw
  return !BLOCK_TAGS.has(m[1].toLowerCase())
}
