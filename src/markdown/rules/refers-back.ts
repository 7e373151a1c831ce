// Rule `refers-back` (sentence-class). Framing of a fix: "If you face this issue, …" points back at the symptom; it is not a symptom itself.
import type { CueRule } from './rule.ts'

/** "If you face this issue, …" points back at a symptom already told: it opens a fix, it is not one. */
export const REFERS_BACK =
  /^if (you (face|encounter|experience|see|have|run into|notice) (this|the|such an?|that) (issue|problem|error|behaviou?r|situation)|(this|that|it) happens)\b/i

export const rule: CueRule = {
  id: 'refers-back',
  kind: 'sentence-class',
  decides:
    'Framing of a fix: "If you face this issue, …" points back at the symptom; it is not a symptom itself.',
  pattern: REFERS_BACK,
  ok: ['If you face this issue, restart the app.', 'If this happens, sign out first.'],
  notOk: ['If the panel is blank, the cache is damaged.'],
}
