// Rule `reading-lead` (cue). Words naming further reading, in a lead-in or heading that introduces a list of links.
import type { CueRule } from './rule.ts'

/** Words naming further reading, in a lead-in or heading that introduces a list of links. */
export const READING_LEAD =
  /\b(articles?|pages?|guides?|documentation|docs|resources|reading|links|knowledge base|help center|tutorials?)\b/i

export const rule: CueRule = {
  id: 'reading-lead',
  kind: 'cue',
  decides: 'Words naming further reading, in a lead-in or heading that introduces a list of links.',
  pattern: READING_LEAD,
  ok: ['More guides', 'Useful articles'],
  notOk: ['More steps'],
}
