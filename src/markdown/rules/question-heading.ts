// Rule `question-heading` (heading). A heading asked as a question ("How do I …?"): a run of them is an FAQ, which
// is no troubleshooting article however many problems it answers.
import type { CueRule } from './rule.ts'

export const QUESTION_HEADING = /\?\s*$/

export const rule: CueRule = {
  id: 'question-heading',
  kind: 'heading',
  decides: 'A heading asked as a question; three or more make the page an FAQ.',
  pattern: QUESTION_HEADING,
  ok: ['How do I change the sync interval?', 'Why is my note missing? '],
  notOk: ['How to change the sync interval'],
}
