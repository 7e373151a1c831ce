// Rule `resolution-heading` (heading). A heading that opens a resolution section ("How to fix …", "Solution",
// "Workaround", "If the issue persists"), however it is spelt: a fix word one slip away ("Soluton",
// "Troubleshoting", "Resolutoin") counts as that word.
import type { CueRule, Matcher } from './rule.ts'

const WORDS =
  /\b(how to (resolve|fix|solve|address|handle|remove|prevent|troubleshoot|avoid|get rid)|solutions?|resolutions?|workarounds?|fix(es)?|methods?|steps|troubleshoot(ing)?|if .* (persists|does not help|doesn't help)|prevent|still (seeing|getting|having|see|get|have|not working|not resolved|missing|broken))\b/i

/** Long fix words only: a short word one letter from another is too often a different word. */
const FIX_WORDS = [
  'solution',
  'solutions',
  'resolution',
  'resolutions',
  'workaround',
  'workarounds',
  'troubleshoot',
  'troubleshooting',
  'resolving',
  'solving',
]

/** Optimal-string-alignment distance of at most 1 (one insertion, deletion, substitution or swap). */
function oneSlip(a: string, b: string): boolean {
  if (a === b) return true
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  const rest = (x: string, y: string) => x === y
  return (
    rest(a.slice(i + 1), b.slice(i + 1)) || // substitution
    rest(a.slice(i + 1), b.slice(i)) || // deletion
    rest(a.slice(i), b.slice(i + 1)) || // insertion
    (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a.slice(i + 2), b.slice(i + 2))) // swap
  )
}

/** Real words one slip from a fix word. */
const NOT_SLIPS = new Set(['revolution', 'revolutions', 'evolution', 'dissolving', 'resolute'])

function misspeltFixWord(heading: string): boolean {
  for (const word of heading.toLowerCase().match(/[a-z]{7,}/g) ?? []) {
    if (NOT_SLIPS.has(word)) continue
    if (FIX_WORDS.some((w) => w[0] === word[0] && oneSlip(word, w))) return true
  }
  return false
}

export const RESOLUTION_HEADING: Matcher = {
  test: (heading: string) => WORDS.test(heading) || misspeltFixWord(heading),
}

export const rule: CueRule = {
  id: 'resolution-heading',
  kind: 'heading',
  decides:
    'A heading that opens a resolution section ("How to fix …", "Solution", "Workaround", "If the issue persists"), a fix word with one slip included.',
  pattern: RESOLUTION_HEADING,
  ok: [
    'How to fix the sync error',
    'Solution 2',
    'Workarounds',
    'Possible soluton',
    'Troubleshoting steps',
    'Resolutoin',
  ],
  notOk: ['What causes the error', 'Background', 'Solidarity', 'Revolutions in sync'],
}
