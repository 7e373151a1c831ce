// Rule `symptom-phrase` (sentence-class). Symptom: a phrasing of something going wrong (a malfunction, an error shown, a failed action).
import type { CueRule } from './rule.ts'

/** Phrasings that describe something going wrong (a conditional opener alone does not). */
export const SYMPTOM_PHRASE = new RegExp(
  [
    '\\bmanifests?\\b',
    '\\b(may|might|can|could) (occur|happen|appear|arise|disappear|vanish|stop|fail|freeze|crash|break)\\b',
    "\\b(cannot|can't|could not|couldn't) be (\\w+ed|found|seen|opened|shown|saved|synced)\\b",
    '\\b(you|users?) (may|might|can|could|will)? ?(face|see|get|receive|encounter|notice|experience|observe)\\b',
    '\\bcan face\\b',
    '\\b(error|notification|warning) (message )?(is|are|may be|will be) (shown|displayed|thrown|returned)\\b',
    '\\b(is|are|gets?|got|becomes?) (greyed|grayed|disabled|stuck|blank|empty|missing|duplicated)\\b',
    "\\b(unable to|cannot|can't|fails? to|does not|doesn't|do not|don't) (\\w+ )?(work|load|open|start|sync|save|display|appear|show|connect)\\b",
    '\\bendless(ly)?\\b',
    "\\b(may|might|does|do|did|will|would|can|could|is|are)( not|n't) (\\w+ )?(work|load|open|start|sync|save|display|appear|show|connect|respond|update|link|run|be (shown|displayed|saved|synced|found|loaded|opened))\\b",
    '\\bnot (\\w+ )?(working|loading|shown|displayed|saved|synced|visible|available|responding|opening|starting|appearing|updated|linked|created|found)\\b',
    '\\bthe following error\\b',
    '\\b(errors?|warnings?|notifications?|messages?) (\\w+ ){0,3}(appears?|occurs?|pops? up|shows? up|comes? up)\\b',
    '\\b(users?|customers?|you) (\\w+ )?(reports?|reported|complains?|complained|notices?|noticed) that\\b',
    '\\b(shows?|displays?|returns?|throws?) (a |an |the )?(blank|empty|white|grey|gray|wrong|incorrect|error|warning|notification)\\b',
    '\\b(freez\\w*|crash\\w*|hangs|stops? (responding|working|with|after|when|syncing|saving|loading)|does nothing|runs? into|can be encountered)\\b',
    '\\bwith (the|an?) (error|warning|failure)\\b',
    '\\b(wrong|incorrect) (time|date|time zone|name|contact|account|owner|values?|data|totals?|numbers?|status|record)\\b',
    '^(sometimes|occasionally|in some cases|at times|in rare cases)\\b.*\\b(errors?|fail\\w*|blank|empty|missing|not|no|nothing|stuck|freez\\w*|crash\\w*|hangs?|wrong|incorrect\\w*|duplicat\\w*|slow\\w*|unable|cannot)\\b',
  ].join('|'),
  'i',
)

export const rule: CueRule = {
  id: 'symptom-phrase',
  kind: 'sentence-class',
  decides: 'Symptom: a phrasing of something going wrong (a malfunction, an error shown, a failed action).',
  pattern: SYMPTOM_PHRASE,
  ok: [
    'The sidebar may freeze after a restart.',
    'Users cannot be synced to the server.',
    'The export button is greyed out.',
  ],
  notOk: ['Open the Settings page.', 'The sidebar shows your recent notes.'],
}
