// Rule `explainer-heading` (heading). A heading of a section that explains the issue rather than fixing it.
import type { CueRule } from './rule.ts'

/** Headings of a section that explains the issue rather than fixing it. */
export const EXPLAINER_HEADING =
  /^(what causes|why (does|do|is|are)|the cause|causes?\b|reasons?\b|root cause|background|overview|symptoms?\b|description|about\b)/i

export const rule: CueRule = {
  id: 'explainer-heading',
  kind: 'heading',
  decides: 'A heading of a section that explains the issue rather than fixing it.',
  pattern: EXPLAINER_HEADING,
  ok: ['What causes the error', 'Why does the sync stop?', 'Background'],
  notOk: ['How to fix it', 'Solution'],
}
