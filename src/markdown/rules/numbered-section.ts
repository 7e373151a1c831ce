// Rule `numbered-section` (heading). A heading that keeps its own number ("1. No folder selected", "II. Wrong
// account"): one section per cause, each a resolution of its own.
import type { CueRule } from './rule.ts'

export const NUMBERED_SECTION = /^\s*([0-9]+|[IVX]+)\.\s/

export const rule: CueRule = {
  id: 'numbered-section',
  kind: 'heading',
  decides: 'A heading numbered "1." or "II.": a section per cause, each a resolution group.',
  pattern: NUMBERED_SECTION,
  ok: ['1. No folder selected', 'II. The account is a shared one'],
  notOk: ['Step 1: open the settings', '1.5 seconds timeout'],
}
