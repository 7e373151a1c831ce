// Rule `shared-cause-clause` (cue). Where one sentence turns from symptom to cause: "…, that is most probably
// caused by …", "… – the reason is …". The symptom keeps the part before, the cause the part after.
import type { CueRule } from './rule.ts'

export const SHARED_CAUSE_CLAUSE =
  /(?:[,;]|[\s\u00a0][–—])[\s\u00a0]+(?=(that|this|which|it)\s+(\w+\s+){0,4}?(caused|due to|because|the result of)\b|the (\w+ ){0,2}(reason|cause) (is|was|being)\b)/i

export const rule: CueRule = {
  id: 'shared-cause-clause',
  kind: 'cue',
  decides:
    'Where a sentence holding symptom and cause is cut: before "that is … caused by", "the reason is".',
  pattern: SHARED_CAUSE_CLAUSE,
  ok: [
    'If the export stops halfway, that is most probably caused by a full disk.',
    'The panel stays blank – the reason is a stale cache.',
  ],
  notOk: ['If the export stops halfway, restart it.'],
}
