// Rule `problem-words` (cue). Words that say something is wrong; a would-be symptom without any of them describes a situation, not an issue.
import type { CueRule } from './rule.ts'

/** Words that say something is wrong: a symptom without any of them describes a situation, not an issue. */
export const PROBLEM =
  /\b(errors?|fail\w*|issues?|problems?|not|never|no longer|unable|cannot|can't|couldn't|won't|doesn't|don't|isn't|aren't|stuck|blank|empty|wrong|incorrect\w*|missing|greyed|grayed|disabled|duplicat\w*|endless\w*|loops?|slow\w*|freez\w*|crash\w*|hangs?|lost|denied|expired|invalid|exceed\w*|limits?|warnings?|stops?|stopped|broken|unresponsive|instead of|without|again and again|over and over|repeatedly|keeps? (re)?\w+ing)\b/i

export const rule: CueRule = {
  id: 'problem-words',
  kind: 'cue',
  decides:
    'Words that say something is wrong; a would-be symptom without any of them describes a situation, not an issue.',
  pattern: PROBLEM,
  ok: ['The report is empty.', 'Saving fails with a warning.', 'The file never reaches the record.'],
  notOk: ['The report lists every note.'],
}
