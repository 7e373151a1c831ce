// Rule `solution-column` (column). A column header for what to do (solution, fix, workaround, recommended action). One of the three columns (what the reader sees, why, what to do) that make an issue table.
import type { CueRule } from './rule.ts'

export const SOLUTION_COLUMN =
  /solution|resolution|fix|what to do|workaround|action|how to (fix|resolve)|recommend|next steps/i

export const rule: CueRule = {
  id: 'solution-column',
  kind: 'column',
  decides: 'A column header for what to do (solution, fix, workaround, recommended action).',
  pattern: SOLUTION_COLUMN,
  ok: ['Solution', 'What to do', 'Recommended action'],
  notOk: ['Explanation', 'Symptom'],
}
