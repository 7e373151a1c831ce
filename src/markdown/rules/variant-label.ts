// Rule `variant-label` (line). A short all-bold line that names a branch of a procedure ("**Steps for the legacy
// page**", "**Option B**") plays the role of a heading between step lists.
import type { CueRule } from './rule.ts'

export const VARIANT_LABEL =
  /^(steps? (for|to|in)|for (the )?|in (the )?|option|method|solution|variant|case|scenario|if you use)\b/i

export const rule: CueRule = {
  id: 'variant-label',
  kind: 'line',
  decides:
    'A bold line naming a branch of the procedure ("Steps for the legacy page", "Option B") acts as a heading.',
  pattern: VARIANT_LABEL,
  ok: ['Steps for the legacy settings page', 'If you use the desktop client', 'Option B'],
  notOk: ['Important', 'Open the settings page'],
}
