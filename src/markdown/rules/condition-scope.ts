// Rule `condition-scope` (sentence-class). Condition: a sentence that limits scope (an OS, client, edition or implementation, "only when …").
import type { CueRule } from './rule.ts'

/** A sentence that only limits scope: an OS, client, edition or implementation. */
export const CONDITION =
  /^(this|the|it|that)( described| same)?( (issue|problem|error|behaviou?r|bug|limitation))? (\w+ )?(affects|occurs|happens|appears|applies|exists|is (observed|seen|reproduced|relevant|present)|was (observed|seen|reproduced|reported))\b[^.]*\bonly\b|^(this|the) (issue|problem|error|behaviou?r|bug) (is|was) (reproduced|observed|seen|reported) (in|on|with|for)\b|\b(is|are) limited to\b|\b(only|solely) (happens|occurs|appears|applies|affects)\b|\b(is|are) (observed|seen|reproduced|reported|present) only\b|\b(occurs?|happens?|appears?|applies) only (in|on|with|for|to|when|if)\b|^only (users|customers|accounts|mailboxes|clients|versions|editions) (of|on|in|with|using)\b|\b(happens|occurs|applies) only\b|\bis specific to\b|\bare specific to\b|^(this|the) (issue|problem|error|article|behaviou?r|information|troubleshooting \w+)( \w+)? (only )?(concerns|affects only|applies (only )?to|is relevant (for|to)|is valid (only )?for)\b/i

export const rule: CueRule = {
  id: 'condition-scope',
  kind: 'sentence-class',
  decides:
    'Condition: a sentence that limits scope (an OS, client, edition or implementation, "only when …").',
  pattern: CONDITION,
  ok: [
    'This issue only occurs in the desktop app.',
    'The problem is limited to shared notebooks.',
    'This article applies to the web client.',
  ],
  notOk: ['The problem is caused by a stale token.', 'Open the desktop app.'],
}
