// Rule `cause-column` (column). A column header for why it happens (explanation, cause, reason, meaning). One of the three columns (what the reader sees, why, what to do) that make an issue table.
import type { CueRule } from './rule.ts'

export const CAUSE_COLUMN = /explanation|cause|reason|why|description|meaning|details/i

export const rule: CueRule = {
  id: 'cause-column',
  kind: 'column',
  decides: 'A column header for why it happens (explanation, cause, reason, meaning).',
  pattern: CAUSE_COLUMN,
  ok: ['Explanation', 'Possible cause', 'Meaning'],
  notOk: ['Manifestation', 'What to do'],
}
