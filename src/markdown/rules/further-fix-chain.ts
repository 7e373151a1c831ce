// Rule `further-fix-chain` (sentence-class). "If that does not help, …" right after a step list: the next link of a
// chain of fixes. It opens a group of its own when steps follow it, else it folds into the last step.
import type { CueRule } from './rule.ts'

export const FURTHER_FIX_CHAIN = /^if (that|this|it) (does not|doesn't|did not|didn't) help\b/i

export const rule: CueRule = {
  id: 'further-fix-chain',
  kind: 'sentence-class',
  decides:
    '"If that does not help, …" after a step list: a further fix, a group of its own when steps follow it.',
  pattern: FURTHER_FIX_CHAIN,
  ok: ['If that does not help, also clear the cache:', "If it didn't help, restart the add-in."],
  notOk: ['If the upload stops, nothing is saved.', 'That does not help with large files.'],
}
