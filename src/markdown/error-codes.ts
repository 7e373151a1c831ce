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
