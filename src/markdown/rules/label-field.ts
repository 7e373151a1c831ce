// Rule `label-field` (cue). A leading label ending in a colon names the field of the rest of the sentence ("Cause: …"); the label is set aside.
import type { CueRule } from './rule.ts'

/** A leading label ending in a colon ("The essence of the issue:", "Cause:") and the field it introduces. */
export const LABEL = /^[\s\u00a0]*((?:the |an? )?[\w'’ ]{2,50}?)\s*:[\s\u00a0]+(?=\S)/i

export function labelField(label: string): 'symptom' | 'condition' | 'cause' | null {
  const l = label.toLowerCase()
  if (/\b(cause|causes|reason|reasons|root cause|why)\b|cause:?$/.test(l)) return 'cause'
  if (
    /\b(essence|symptoms?|manifests?|manifestation|problem|issue|error|behaviou?r)\b/.test(l) &&
    !/\bsteps?\b|resolve/.test(l)
  )
    return 'symptom'
  if (/\b(condition|scope|applies|prerequisites?|environment)\b/.test(l)) return 'condition'
  return null
}

export const rule: CueRule = {
  id: 'label-field',
  kind: 'cue',
  decides:
    'A leading label ending in a colon names the field of the rest of the sentence ("Cause: …"); the label is set aside.',
  pattern: LABEL,
  ok: ['The root cause: the token expired.', 'Symptoms: the panel stays blank.'],
  notOk: ['Open Settings and click Save.', 'Note that the app restarts.'],
}
