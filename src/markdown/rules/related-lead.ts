// Rule `related-lead` (line). A line that introduces a list of related articles ("Also see the following articles:").
import type { CueRule } from './rule.ts'

/** Lines that introduce a list of related articles. */
export const RELATED =
  /^(also )?(see|read)( also)?( the following)?( related)? (articles?|pages?|topics?)?:?$|^related (articles|pages|topics|reading)\s*:?$|^(you may|you might) also (want to )?(read|see|like)\b|^see also\b|\b(see|read|refer to|check( out)?)( also)? (the following|these|those|related|our|other) (\w+ )?(articles?|pages?|topics?|guides?|resources?|links?)\s*:$|^(related|further|useful|additional|more) (articles|reading|information|links|resources)\b/i

export const rule: CueRule = {
  id: 'related-lead',
  kind: 'line',
  decides: 'A line that introduces a list of related articles ("Also see the following articles:").',
  pattern: RELATED,
  ok: ['Also see the following articles:', 'Related articles', 'See also'],
  notOk: ['See the steps below.'],
}
