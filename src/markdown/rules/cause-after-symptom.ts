// Rule `cause-after-symptom` (sentence-class). Cause, once the symptom is told: "This problem occurs when …".
import type { CueRule } from './rule.ts'

/** Once the issue is described, "This problem occurs when …" explains why. */
export const CAUSE_AFTER_SYMPTOM =
  /^(this|that|the|such) (\w+ )?(problem|issue|error|behaviou?r|situation)s? (usually |typically |only )?(occurs?|may occur|can occur|happens?|may happen|arises?|appears?|is shown|is displayed) (when|if|because|after)\b/i

export const rule: CueRule = {
  id: 'cause-after-symptom',
  kind: 'sentence-class',
  decides: 'Cause, once the symptom is told: "This problem occurs when …".',
  pattern: CAUSE_AFTER_SYMPTOM,
  ok: ['This problem occurs when the token expires.', 'The error may happen if the disk is full.'],
  notOk: ['This problem is rare.'],
}
