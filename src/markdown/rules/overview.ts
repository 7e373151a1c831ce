// Rule `overview` (sentence-class). An overview or guide announces itself ("This article provides an overview of …").
import type { CueRule } from './rule.ts'

/** An overview or guide announces itself; it is not a single issue's troubleshooting article. */
export const OVERVIEW =
  /\bthis (article|guide|page) (provides|gives|contains|offers) (a |an )?(detailed |general |brief |short )?(overview|description|list|summary)\b/i

export const rule: CueRule = {
  id: 'overview',
  kind: 'sentence-class',
  decides: 'An overview or guide announces itself ("This article provides an overview of …").',
  pattern: OVERVIEW,
  ok: ['This article provides an overview of sync.', 'This guide gives a brief summary of roles.'],
  notOk: ['This article describes one error.'],
}
