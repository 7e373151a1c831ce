// Rule `resolution-heading` (heading). A heading that opens a resolution section ("How to fix …", "Solution", "Workaround", "If the issue persists").
import type { CueRule } from './rule.ts'

/** A heading that opens a resolution section. */
export const RESOLUTION_HEADING =
  /\b(how to (resolve|fix|solve|address|handle|remove|prevent|troubleshoot|avoid|get rid)|solutions?|resolutions?|workarounds?|fix(es)?|methods?|steps|troubleshoot(ing)?|if .* (persists|does not help|doesn't help)|prevent|still (seeing|getting|having|see|get|have|not working|not resolved|missing|broken))\b/i

export const rule: CueRule = {
  id: 'resolution-heading',
  kind: 'heading',
  decides:
    'A heading that opens a resolution section ("How to fix …", "Solution", "Workaround", "If the issue persists").',
  pattern: RESOLUTION_HEADING,
  ok: ['How to fix the sync error', 'Solution 2', 'Workarounds'],
  notOk: ['What causes the error', 'Background'],
}
