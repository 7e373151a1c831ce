// Rule `cause-heading` (heading). A heading that introduces the cause ("What causes the error", "Why …").
import type { CueRule } from './rule.ts'

/** A heading that introduces the cause ("What causes the error", "Why does it occur?"). */
export const CAUSE_HEADING = /\b(causes?d?|reasons?|why)\b/i

export const rule: CueRule = {
  id: 'cause-heading',
  kind: 'heading',
  decides: 'A heading that introduces the cause ("What causes the error", "Why …").',
  pattern: CAUSE_HEADING,
  ok: ['What causes the error', 'Reasons', 'Why it happens'],
  notOk: ['How to fix it'],
}
