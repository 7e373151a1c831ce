// Rule `indicates-split` (cue). "X usually indicates that Y": X is the symptom the reader sees, Y its cause.
import type { CueRule } from './rule.ts'

/** "X usually indicates that Y": an implicit symptom followed by its cause. */
export const INDICATES =
  /[\s\u00a0]+(usually |often |typically |most likely |probably |generally )?(indicates|means|signals|suggests) that[\s\u00a0]+/i

export const rule: CueRule = {
  id: 'indicates-split',
  kind: 'cue',
  decides: '"X usually indicates that Y": X is the symptom the reader sees, Y its cause.',
  pattern: INDICATES,
  ok: [
    'A blank panel usually indicates that the cache is damaged.',
    'An empty list means that the filter hides every note.',
  ],
  notOk: ['The panel is blank.'],
}
