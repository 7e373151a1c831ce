// Rule `symptom-column` (column). A column header naming the issue (a symptom, an error, a code, a message). One of the three columns (what the reader sees, why, what to do) that make an issue table.
import type { CueRule } from './rule.ts'

export const SYMPTOM_COLUMN =
  /manifest|symptom|issue|problem|error|what you see|message|code|notification|behaviou?r/i

export const rule: CueRule = {
  id: 'symptom-column',
  kind: 'column',
  decides: 'A column header naming the issue (a symptom, an error, a code, a message).',
  pattern: SYMPTOM_COLUMN,
  ok: ['Error code', 'Issue', 'Message'],
  notOk: ['Reason', 'Solution'],
}
