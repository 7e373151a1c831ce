// Rule `error-text` (cue). Quoted error text (an italic paragraph) that shows the symptom itself.
import type { CueRule } from './rule.ts'

/** Quoted error text (an italic paragraph) that shows the symptom itself. */
export const ERROR_TEXT =
  /\b(error|failed|failure|exception|denied|invalid|unable|cannot|can't|sorry|oops|went wrong|expired|timed out|no longer|not (found|allowed|available|authorized)|(has been|was|were) stopped)\b/i

export const rule: CueRule = {
  id: 'error-text',
  kind: 'cue',
  decides: 'Quoted error text (an italic paragraph) that shows the symptom itself.',
  pattern: ERROR_TEXT,
  ok: ['Sorry, something went wrong.', 'Access denied for this user.'],
  notOk: ['Welcome back!'],
}
