// Machine-style error codes in visible text: SCREAMING_SNAKE identifiers (OAUTH_APPROVAL_ERROR_GENERIC),
// prefixed numbers (SFA-011), service codes (AADSTS65001) and HRESULTs (0x80004005). Plain words, camelCase
// setting names, %placeholders%, version numbers and GUIDs do not match.
const PATTERNS = [
  /(?<![\w%{$.-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\w%}-])/g,
  /(?<![\w%{$.-])[A-Z]{2,6}-\d{2,6}(?![\w%}-])/g,
  /(?<![\w%{$.-])[A-Z]{4,8}\d{4,6}(?![\w%}-])/g,
  /(?<![\w%{$.-])0x[0-9A-Fa-f]{8}(?![\w%}-])/g,
]

export function findErrorCodes(texts: string[]): string[] {
  const seen = new Set<string>()
  for (const t of texts) for (const re of PATTERNS) for (const m of t.matchAll(re)) seen.add(m[0])
  return [...seen]
}

/**
 * Codes listed in a column headed "Code" / "Error code": a reference table names its codes in whatever shape
 * the product uses (E042, 1001, AUTH.FAILED), so a single code-like token there counts even when no pattern
 * above matches it.
 */
export function tableColumnCodes(rows: { cells: { text: string }[] }[]): string[] {
  const col = rows[0]?.cells.findIndex((c) => /\bcodes?\b/i.test(c.text)) ?? -1
  if (col < 0) return []
  const out: string[] = []
  for (const row of rows.slice(1)) {
    const t = (row.cells[col]?.text ?? '').replace(/\u00a0/g, ' ').trim()
    if (/^[A-Za-z0-9][\w.:-]{1,40}$/.test(t) && /[\d_]/.test(t)) out.push(t)
  }
  return out
}
