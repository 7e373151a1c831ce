// Rule `badge-lead` (line). The lead-in of the platform badges under the title ("For users of the Email Sidebar
// on:"): page chrome, the badges themselves go to appliesTo.
import type { CueRule } from './rule.ts'

export const BADGE_LEAD = /^for users of\b.*:$/i

export const rule: CueRule = {
  id: 'badge-lead',
  kind: 'line',
  decides: 'The "For users of … on:" line before the platform badges is page chrome, not text.',
  pattern: BADGE_LEAD,
  ok: ['For users of the Email Sidebar on:', 'For users of the add-in on:'],
  notOk: ['For users of shared mailboxes the sync is slower.'],
}
