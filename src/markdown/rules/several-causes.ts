// Rule `several-causes` (cue). The preamble announces several causes, one per section.
import type { CueRule } from './rule.ts'

/** The preamble announces several causes, one per section. */
export const SEVERAL_CAUSES =
  /\b(several|multiple|two|three|four|various|a number of|different|possible) (possible )?(reasons|causes)\b/i

export const rule: CueRule = {
  id: 'several-causes',
  kind: 'cue',
  decides: 'The preamble announces several causes, one per section.',
  pattern: SEVERAL_CAUSES,
  ok: ['There are two possible reasons for this.', 'Several causes are known.'],
  notOk: ['The reason is a stale token.'],
}
