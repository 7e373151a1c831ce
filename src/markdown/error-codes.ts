// Machine-style error codes in visible text: SCREAMING_SNAKE identifiers and PREFIX-123 codes.
// Plain words, camelCase setting names, %placeholders% and version numbers do not match.
const SNAKE = /(?<![\w%{$.-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\w%}-])/g
const PREFIXED = /(?<![\w%{$.-])[A-Z]{2,6}-\d{2,6}(?![\w%}-])/g

export function findErrorCodes(texts: string[]): string[] {
  const seen = new Set<string>()
  for (const t of texts) {
    for (const m of t.matchAll(SNAKE)) seen.add(m[0])
    for (const m of t.matchAll(PREFIXED)) seen.add(m[0])
  }
  return [...seen]
}
