// Machine-style error codes in visible text: SCREAMING_SNAKE identifiers (OAUTH_APPROVAL_ERROR_GENERIC),
// prefixed numbers (SFA-011), service codes (AADSTS65001) and HRESULTs (0x80004005). Plain words, camelCase
// setting names, %placeholders%, version numbers and GUIDs do not match.
const PATTERNS = [
  /(?<![\w%{$.-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\w%}-])/g,
  /(?<![\w%{$.-])[A-Z]{2,6}-\d{2,6}(?![\w%}-])/g,
  /(?<![\w%{$.-])[A-Z]{4,8}\d{4,6}(?![\w%}-])/g,
  /(?<![\w%{$.-])0x[0-9A-Fa-f]{8}(?![\w%}-])/g,
]

/** A letter and digits (E1043) is a code only where it is presented as one: "(E1043)", "error E1043", "code: E1043". */
const SHORT_CODE = /(?:\(|\b(?:error|code)\s*:?\s*#?)([A-Z]\d{3,5})(?=\)|\b)(?![\w%}-])/gi

export function findErrorCodes(texts: string[]): string[] {
  const seen = new Set<string>()
  for (const t of texts) {
    for (const re of PATTERNS) for (const m of t.matchAll(re)) seen.add(m[0])
    for (const m of t.matchAll(SHORT_CODE)) if (/^[A-Z]\d+$/.test(m[1] as string)) seen.add(m[1] as string)
  }
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
