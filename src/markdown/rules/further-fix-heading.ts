// Rule `further-fix-heading` (heading). A heading that offers a further, separate fix; it opens its own group even under a prose-only section.
import type { CueRule } from './rule.ts'

/**
 * A heading that offers a further, separate fix ("If that does not help", "If the issue still persists",
 * "Solution 2", "Method 3", "Alternatively"): it opens its own group even below a prose-only section's heading.
 */
export const FURTHER_FIX_HEADING =
  /^(if (that|this|it|the above|none of (the|these) \w+) (does not|doesn't|did not|didn't|do not|don't) (help|work|resolve)|if the (issue|problem|error) (still )?(persists|remains|continues|is not resolved)|(solution|method|option|workaround)\s+(\d+|[ivx]+)\b|alternatively\b)/i

export const rule: CueRule = {
  id: 'further-fix-heading',
  kind: 'heading',
  decides:
    'A heading that offers a further, separate fix; it opens its own group even under a prose-only section.',
  pattern: FURTHER_FIX_HEADING,
  ok: ['If that does not help', 'Method 3', 'Alternatively'],
  notOk: ['How to fix the sync error'],
}
