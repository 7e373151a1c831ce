// What the sync says about a source file it could not use, and where in it a problem sits.
import { sep } from 'node:path'
import type { VFile } from 'vfile'
import { isDiagnosticId } from '../diagnostics/registry.ts'
import { type Article, emptyArticle } from '../model/article.ts'

/** A file that cannot be read or parsed, as an article with one fatal diagnostic: reported, never synced. */
export function unreadable(file: string, error: unknown): Article {
  const message = `cannot read or parse this file: ${error instanceof Error ? error.message : String(error)}`
  const article = emptyArticle(file, '')
  article.diagnostics.push({
    ruleId: 'sync-unreadable',
    severity: 'fatal',
    message,
    line: null,
    column: null,
  })
  return article
}

/** A file the reader refused (not UTF-8, binary, not a regular file, too large): its one fatal message. */
export function rejected(file: string, vfile: VFile): Article {
  const article = emptyArticle(file, '')
  for (const m of vfile.messages)
    article.diagnostics.push({
      ruleId: m.ruleId !== undefined && isDiagnosticId(m.ruleId) ? m.ruleId : 'sync-unreadable',
      severity: 'fatal',
      message: m.reason,
      line: m.line ?? null,
      column: m.column ?? null,
    })
  return article
}

/** Where a string first appears in a text, 1-based, or nulls. */
export function locate(text: string, needle: string): { line: number | null; column: number | null } {
  const at = text.indexOf(needle)
  if (at < 0) return { line: null, column: null }
  const before = text.slice(0, at)
  const line = before.split('\n').length
  return { line, column: at - before.lastIndexOf('\n') }
}

/** Paths as the user reads them, with forward slashes on every platform. */
export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/')
}
