// Entry point of the Markdown parser: one file in, one Article out, problems as vfile messages. Never throws.
import { basename } from 'node:path'
import { toString as mdToString } from 'mdast-util-to-string'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { VFile } from 'vfile'
import type { Article, Diagnostic } from '../model/article.ts'

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

export function parseArticle(file: VFile, _options: ParseOptions = {}): Article {
  const source = file.path ?? ''
  const article = emptyArticle(source)
  try {
    const text = String(file.value ?? '')
    const tree = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).parse(text)
    const h1 = tree.children.find((n) => n.type === 'heading' && n.depth === 1)
    article.title = h1 ? mdToString(h1).trim() : ''
    article.variables = [
      ...new Set([...text.matchAll(/\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g)].map((m) => m[1] ?? '')),
    ].sort()
    article.kind = /document\.location/.test(text) ? 'redirect' : 'other'
  } catch (error) {
    const message = file.message(`Cannot parse: ${(error as Error).message}`, {
      ruleId: 'parse-failed',
      source: 'kb-cms',
    })
    message.fatal = true
  }
  article.diagnostics = file.messages.map(toDiagnostic)
  return article
}

function toDiagnostic(m: VFile['messages'][number]): Diagnostic {
  return {
    ruleId: m.ruleId ?? 'unknown',
    severity: m.fatal === true ? 'fatal' : m.fatal === false ? 'warning' : 'info',
    message: m.reason,
    line: m.line ?? null,
    column: m.column ?? null,
  }
}

function emptyArticle(source: string): Article {
  return {
    source,
    kind: 'other',
    slug: basename(source)
      .replace(/\.md$/i, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, ''),
    title: '',
    description: null,
    readingTimeMinutes: null,
    appliesTo: [],
    symptom: null,
    condition: null,
    cause: null,
    errorCodes: [],
    resolutions: [],
    images: [],
    notes: [],
    related: [],
    cta: null,
    variables: [],
    body: null,
    diagnostics: [],
  }
}
