// Rule `cause-follow-up` (sentence-class). Cause, continued: a sentence that explains the cause further ("That also blocks …", "Because of that, …", "Thus, …").
import type { CueRule } from './rule.ts'

/** A sentence that explains the cause further, following a cause sentence. */
export const CAUSE_FOLLOW_UP =
  /^(that|this|it) (also|in turn|means|is why|blocks|prevents|makes|leads|occurs (when|if|because)|happens (when|if|because))\b|^because of (that|this)\b|^(thus|therefore|hence|consequently|as a result|usually|typically|in this case|in such cases)\b/i

export const rule: CueRule = {
  id: 'cause-follow-up',
  kind: 'sentence-class',
  decides:
    'Cause, continued: a sentence that explains the cause further ("That also blocks …", "Because of that, …", "Thus, …").',
  pattern: CAUSE_FOLLOW_UP,
  ok: [
    'That also blocks scheduled exports.',
    'Because of that, every request is refused.',
    'Thus, the index stays incomplete.',
  ],
  notOk: ['Then click Save.'],
}
