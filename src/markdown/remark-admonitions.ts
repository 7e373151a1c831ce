// mkdocs-material admonitions (`!!! kind "Title"`, `!!!kind`, `??? kind`) become `admonition` nodes whose
// children are the dedented body parsed as Markdown. CommonMark sees them as a paragraph (body lines are lazy
// continuations) or a paragraph followed by indented code, so both shapes are folded back together here.
import type { Code, Paragraph, Parent, Root, RootContent } from 'mdast'
import type { VFile } from 'vfile'
import { report } from '../diagnostics/registry.ts'
import { append } from './append.ts'

export interface AdmonitionNode extends Parent {
  type: 'admonition'
  kind: string
  title: string | null
  collapsible: boolean
  children: RootContent[]
}

export interface AdmonitionOptions {
  /** Parses a body (already dedented); `lineOffset` is added to its positions. */
  parseBody: (text: string, lineOffset: number) => Root
}

const OPENER = /^(!!!|\?\?\?\+?)[ \t]*([A-Za-z][\w-]*)?(?:[ \t]+"([^"\n]*)")?[ \t]*$/

export default function remarkAdmonitions(options: AdmonitionOptions) {
  return (tree: Root, file: VFile) => {
    const lines = String(file.value).split('\n')
    transform(tree, lines, options, file)
  }
}

function transform(parent: Parent, lines: string[], options: AdmonitionOptions, file: VFile): void {
  const out: RootContent[] = []
  const kids = parent.children as RootContent[]
  for (let i = 0; i < kids.length; i++) {
    const node = kids[i] as RootContent
    const start = node.position?.start.line
    const firstLine = start ? (lines[start - 1] ?? '') : ''
    const m = node.type === 'paragraph' && start ? OPENER.exec(firstLine.trim()) : null
    if (!m || !start || node.type !== 'paragraph') {
      out.push(node)
      continue
    }
    const para = node as Paragraph
    const end = para.position?.end.line ?? start
    const body: string[] = []
    let j = start + 1
    // Body lines inside the paragraph must be indented; the first unindented one ends the admonition.
    for (; j <= end; j++) {
      const line = lines[j - 1] ?? ''
      if (line.trim() !== '' && !/^( {2,}|\t)/.test(line)) break
      body.push(dedent(line))
    }
    const rest = j <= end ? lines.slice(j - 1, end).join('\n') : ''
    // Indented code blocks right after the opener continue its body (a blank line separated them).
    let k = i + 1
    let lastLine = j - 1
    while (
      k < kids.length &&
      kids[k]?.type === 'code' &&
      !(kids[k] as Code).lang &&
      isIndentedCode(kids[k] as Code, lines)
    ) {
      const code = kids[k] as Code
      const cs = code.position?.start.line ?? 0
      const ce = code.position?.end.line ?? cs
      for (let l = lastLine + 1; l < cs; l++) body.push('')
      for (let l = cs; l <= ce; l++) body.push(dedent(lines[l - 1] ?? ''))
      lastLine = ce
      k++
    }
    const kind = (m[2] ?? 'note').toLowerCase()
    const title = m[3] === undefined ? null : m[3].trim()
    const parsed = options.parseBody(body.join('\n'), start)
    const admonition: AdmonitionNode = {
      type: 'admonition',
      kind,
      title: title === '' ? null : title,
      collapsible: m[1]?.startsWith('???') ?? false,
      children: parsed.children,
      position: {
        start: para.position?.start ?? { line: start, column: 1 },
        end: { line: lastLine, column: 1 },
      },
    }
    out.push(admonition as unknown as RootContent)
    if (rest.trim() !== '') append(out, options.parseBody(rest, j - 1).children)
    if (body.join('').trim() === '') {
      report(file, 'admonition-empty', 'Admonition has no body', { line: start, column: 1 })
    }
    i = k - 1
  }
  parent.children = out as Parent['children']
}

function isIndentedCode(code: Code, lines: string[]): boolean {
  const line = lines[(code.position?.start.line ?? 1) - 1] ?? ''
  return /^( {4}|\t)/.test(line)
}

function dedent(line: string): string {
  return line.replace(/^(?: {1,4}|\t)/, '')
}
