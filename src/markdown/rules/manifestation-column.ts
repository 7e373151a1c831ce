// Rule `manifestation-column` (column). A column header that says what the reader sees; it wins over one that names the issue. One of the three columns (what the reader sees, why, what to do) that make an issue table.
import type { CueRule } from './rule.ts'

export const MANIFESTATION_COLUMN = /manifest|symptom|what you see|you see|what happens|behaviou?r/i

export const rule: CueRule = {
  id: 'manifestation-column',
  kind: 'column',
  decides: 'A column header that says what the reader sees; it wins over one that names the issue.',
  pattern: MANIFESTATION_COLUMN,
  ok: ['Manifestation', 'What you see'],
  notOk: ['Error code', 'Reason'],
}
