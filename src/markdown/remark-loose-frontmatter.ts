// Reads the YAML front matter into file.data.frontMatter, also when its delimiters are odd (`--- ` with a
// trailing space) so remark-frontmatter did not recognise it; invalid YAML becomes a message, not a throw.
import type { Root, RootContent } from 'mdast'
import type { VFile } from 'vfile'
import { parse as parseYaml } from 'yaml'
import { report } from '../diagnostics/registry.ts'

export interface FrontMatter {
  data: Record<string, unknown>
  /** Last line of the block (1-based), so later stages know where the page starts. */
  endLine: number
}

declare module 'vfile' {
  interface DataMap {
    frontMatter: FrontMatter | null
  }
}

export default function remarkLooseFrontmatter() {
  return (tree: Root, file: VFile) => {
    file.data.frontMatter = null
    const first = tree.children[0]
    if (first?.type === 'yaml') {
      file.data.frontMatter = { data: readYaml(first.value, file, 2), endLine: first.position?.end.line ?? 1 }
      return
    }
    const text = String(file.value)
    const open = /^\uFEFF?---[ \t]+\r?\n/.exec(text)
    if (!open) return
    const rest = text.slice(open[0].length)
    const close = /^---[ \t]*$/m.exec(rest)
    if (!close || close.index > 20_000) {
      report(file, 'front-matter-unclosed', 'Front matter opens with `---` but never closes', {
        line: 1,
        column: 1,
      })
      return
    }
    const yamlText = rest.slice(0, close.index)
    const endLine = 1 + (yamlText.match(/\n/g)?.length ?? 0) + 1
    report(file, 'front-matter-delimiter', 'Front matter delimiter has trailing spaces', {
      line: 1,
      column: 4,
    })
    file.data.frontMatter = { data: readYaml(yamlText, file, 2), endLine }
    // Drop what CommonMark made of the block (a thematic break, a setext heading, paragraphs).
    tree.children = tree.children.filter(
      (node: RootContent) => (node.position?.start.line ?? Infinity) > endLine,
    )
  }
}

function readYaml(source: string, file: VFile, firstLine: number): Record<string, unknown> {
  try {
    const value = parseYaml(source, { maxAliasCount: 50 }) as unknown
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
    if (value === null || value === undefined) return {}
    report(file, 'front-matter-invalid', 'Front matter is not a key/value map', {
      line: firstLine,
      column: 1,
    })
  } catch (error) {
    const e = error as { message?: string; linePos?: { line: number; col: number }[] }
    const pos = e.linePos?.[0]
    report(
      file,
      'front-matter-invalid',
      `Front matter is not valid YAML (${(e.message ?? 'YAML error').split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}); read as \`key: value\` lines`,
      { line: firstLine - 1 + (pos?.line ?? 1), column: pos?.col ?? 1 },
    )
    return metaLines(source)
  }
  return {}
}

/** The Python-Markdown `meta` reading: each `key: value` line, the value taken verbatim after the first colon. */
function metaLines(source: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const line of source.split('\n')) {
    const m = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(line)
    if (m?.[1]) out[m[1]] = (m[2] ?? '').trim()
  }
  return out
}
