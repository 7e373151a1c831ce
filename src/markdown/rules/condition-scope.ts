// Rule `condition-scope` (sentence-class). Condition: a sentence that limits scope (an OS, client, edition or implementation, "only when …").
import type { CueRule, Matcher } from './rule.ts'

/** A sentence that only limits scope: an OS, client, edition or implementation. */
export const CONDITION =
  /^(this|the|it|that)( described| same)?( (issue|problem|error|behaviou?r|bug|limitation))? (\w+ )?(affects|occurs|happens|appears|applies|exists|is (observed|seen|reproduced|relevant|present)|was (observed|seen|reproduced|reported))\b[^.]*\bonly\b|^(this|the) (issue|problem|error|behaviou?r|bug) (is|was) (reproduced|observed|seen|reported) (in|on|with|for)\b|\b(is|are) limited to\b|\b(only|solely) (happens|occurs|appears|applies|affects)\b|\b(is|are) (observed|seen|reproduced|reported|present) only\b|\b(occurs?|happens?|appears?|applies) only (in|on|with|for|to|when|if)\b|^only (users|customers|accounts|mailboxes|clients|versions|editions) (of|on|in|with|using)\b|\b(happens|occurs|applies) only\b|\bis specific to\b|\bare specific to\b|^(this|the) (issue|problem|error|article|behaviou?r|information|troubleshooting \w+)( \w+)? (only )?(concerns|affects only|applies (only )?to|is relevant (for|to)|is valid (only )?for)\b/i

/**
 * The issue placed, not explained: its subject is the issue itself ("This", "It", "The issue") and its
 * predicate says where it is found ("affects …", "applies to …", "occurs in …", "is observed with …"), or what
 * the article's advice is for ("The tips below are for …"). A subordinate clause of circumstance or cause
 * ("… if the token expires") makes it a cause instead.
 */
const LOCATES_ISSUE =
  /^(this|it|that|the( described| same)?( \w+)? (issue|problem|error|behaviou?r|bug|limitation))( (usually|typically|mostly))? (affects|concerns|applies to|(occurs|happens|appears|exists) (in|on|with|for|to)|(is|was) (observed|seen|reproduced|reported|present|relevant) (in|on|with|for|to))\b|^this is the case (for|in|with)\b|^the (tips|steps|instructions|solutions?|advice|workarounds?)( \w+){0,4} (are|is) (for|intended for|relevant (for|to)|valid for|meant for)\b/i
const CIRCUMSTANCE = /\b(if|when|whenever|because|since|after|once|unless)\b/i

/** A sentence that limits scope: the cue family, or the issue placed without a clause of circumstance. */
export const SCOPE: Matcher = {
  test: (t: string) => CONDITION.test(t) || (LOCATES_ISSUE.test(t) && !CIRCUMSTANCE.test(t)),
}

export const rule: CueRule = {
  id: 'condition-scope',
  kind: 'sentence-class',
  decides:
    'Condition: a sentence that limits scope (an OS, client, edition or implementation, "only when …").',
  pattern: SCOPE,
  ok: [
    'This issue only occurs in the desktop app.',
    'The problem is limited to shared notebooks.',
    'This article applies to the web client.',
    'The issue affects users of the desktop client for Windows.',
    'The described error is observed with hosted mailboxes.',
    'The tips below are for the browser extension.',
  ],
  notOk: [
    'The problem is caused by a stale token.',
    'Open the desktop app.',
    'The error occurs on sign-in if the token has expired.',
    'It happens when the user works offline.',
  ],
}
