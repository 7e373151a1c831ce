// Rule `disclosure-label` (line). The caption of a collapsed screenshot (">>> Click to see a screenshot <<<") is
// the widget's label, not the article's text.
import type { CueRule } from './rule.ts'

export const DISCLOSURE_LABEL = /^\W*(>>>|click|expand|see|show|view)\b.*?(<<<)?\W*$/i

export const rule: CueRule = {
  id: 'disclosure-label',
  kind: 'line',
  decides: 'The caption of a collapsed screenshot or animation is a widget label, not text of the article.',
  pattern: DISCLOSURE_LABEL,
  ok: ['>>> Click to see a screenshot <<<', 'Expand to view the animation'],
  notOk: ['The full error text reads: Access denied'],
}
