// Rule `advice-clause` (cue). In a conditional symptom, the clause of advice or framing that follows it ("If X
// happens, follow the steps below", "…, one of the causes below applies") is not part of the symptom.
import type { CueRule } from './rule.ts'

export const ADVICE_CLAUSE =
  /[,;][\s\u00a0]+(?=(please )?(follow|see|refer to|read|check|try|to (resolve|fix|solve|troubleshoot|prevent|handle))\b|(one|any|each|some|either) of the (following|causes|reasons|solutions|methods|options|fixes)\b|(the|these) (following )?(causes|reasons|solutions|methods|options|fixes|steps) (below|listed|described)\b|\w+ (it|them|this|the \w+) (as (described|shown|explained)|(by )?following the steps) below\b)/i

export const rule: CueRule = {
  id: 'advice-clause',
  kind: 'cue',
  decides: 'Where a conditional symptom ends and its advice or framing clause begins.',
  pattern: ADVICE_CLAUSE,
  ok: [
    'If the export stops halfway, follow the steps below.',
    'When the panel is blank, one of the following causes applies.',
  ],
  notOk: ['If the export stops halfway, the file is not saved.'],
}
