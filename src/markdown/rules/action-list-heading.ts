// Rule `action-list-heading` (heading). A section whose heading speaks of fixing, preventing or steps: a bulleted
// list right under it is what to do (steps), not a list of facts.
import type { CueRule } from './rule.ts'

export const ACTION_LIST_HEADING = /\b(prevent|steps?|how to|solutions?|methods?|workarounds?|fix)\b/i

export const rule: CueRule = {
  id: 'action-list-heading',
  kind: 'heading',
  decides: 'A heading about fixing, preventing or steps: the bulleted list under it is its steps.',
  pattern: ACTION_LIST_HEADING,
  ok: ['How to prevent this in future', 'Workaround', 'Steps'],
  notOk: ['Known limitations', 'Background'],
}
