// Rule `hedged-cause-clause` (cue). Failing a shared cause clause, a hedged main clause after the condition is the
// cause: "If X, the add-in is most probably hidden by …".
import type { CueRule } from './rule.ts'

export const HEDGED_CAUSE_CLAUSE =
  /[,;][\s\u00a0]+(?=[^,;]{1,80}?\b(is|are|was|were|has|have) (most likely|most probably|probably)\b)/i

export const rule: CueRule = {
  id: 'hedged-cause-clause',
  kind: 'cue',
  decides: 'Where a conditional symptom turns into a hedged cause ("If X, the add-in is most probably …").',
  pattern: HEDGED_CAUSE_CLAUSE,
  ok: ['If the icon is missing, the add-in is most probably disabled by policy.'],
  notOk: ['If the icon is missing, enable the add-in.'],
}
