// Rule `symptom-opening` (sentence-class). Symptom opening: a conditional opener ("If …", "When …") or a symptom phrase.
import type { CueRule } from './rule.ts'
import { SYMPTOM_PHRASE } from './symptom-phrase.ts'

/** The opening of a symptom description: a conditional opener or a phrasing of something going wrong. */
export const SYMPTOM = new RegExp(`^if\\b|^when\\b|${SYMPTOM_PHRASE.source}`, 'i')

export const rule: CueRule = {
  id: 'symptom-opening',
  kind: 'sentence-class',
  decides: 'Symptom opening: a conditional opener ("If …", "When …") or a symptom phrase.',
  pattern: SYMPTOM,
  ok: ['If the upload stops halfway, nothing is saved.', 'When you open a large note the editor hangs.'],
  notOk: ['The cache lives in your profile folder.'],
}
