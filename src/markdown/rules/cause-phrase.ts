// Rule `cause-phrase` (sentence-class). Cause: an explicit causal relation ("caused by", "due to", "the reason is", "results from").
import type { CueRule } from './rule.ts'

/** Explicit cause phrasing. */
export const CAUSE =
  /\b(caused by|the cause of|the causes? (is|are)|due to|because of (a|an|the)|the reason (is|for|why)|the (most (common|likely|probable) |main |usual |likely |probable )(reason|cause) (is|was)|results? from|stems? from|(is|are|be|been) (\w+ )?related to|is a result of|(is|are) the result of|root cause|the root of the (problem|issue|error)|is triggered by|(happens|occurs|appears|fails|\w+s|\w+ed) because|(is|are) (shown|displayed|thrown|returned|raised) because|(this|that|it) (is|was) because|arises? from|originates? from|lies in|is a known (limitation|issue|problem|defect|bug)|^most likely,)\b/i

export const rule: CueRule = {
  id: 'cause-phrase',
  kind: 'sentence-class',
  decides: 'Cause: an explicit causal relation ("caused by", "due to", "the reason is", "results from").',
  pattern: CAUSE,
  ok: [
    'This is caused by an expired token.',
    'The upload stops due to the size limit.',
    'The reason is a stale cache.',
  ],
  notOk: ['Delete the cache and restart.', 'The upload stops halfway.'],
}
