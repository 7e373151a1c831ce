// Rule `troubleshooting-title` (title). Title words of an article about an issue and its fix (trouble, malfunction, wrong or lost result).
import type { CueRule } from './rule.ts'

/**
 * Title words of articles that describe an issue and its fix: the words for trouble, for a malfunction and for
 * a wrong or lost result, as a family (never the name of one article's error).
 */
export const TROUBLESHOOTING_TITLE = new RegExp(
  [
    "\\b(troubleshoot\\w*|errors?|issues?|problems?|bugs?|failures?|fail\\w*|unable|cannot|can't|won't|doesn't|does not)\\b",
    '\\b(does|do|did|is|are|was|were|can|could|will|would)( \\w+){0,4} not\\b',
    '\\b(resolv\\w*|fix\\w*|repair\\w*|workarounds?)\\b',
    '\\bnot (\\w+ )?(working|loading|opening|starting|syncing|saving|showing|responding|displayed|shown|saved|synced|linked|found|available|visible)\\b',
    '\\b(greyed|grayed|disabled|missing|stuck|blank|empty|frozen|freez\\w*|crash\\w*|hangs?|slow|endless\\w*|loop\\w*)\\b',
    '\\b(wrong|incorrect\\w*|invalid|unexpected|duplicat\\w*|lost|los(e|es|ing)|disappear\\w*|broken|corrupt\\w*)\\b',
    '\\b(keeps? (re)?\\w+ing|again and again|over and over|repeatedly|overwritten|stop(s|ped)|expired)\\b',
    '\\b(limits?|exceeded|quotas?|throttl\\w*|time-?outs?|timed out|denied|blocked)\\b',
  ].join('|'),
  'i',
)

export const rule: CueRule = {
  id: 'troubleshooting-title',
  kind: 'title',
  decides:
    'Title words of an article about an issue and its fix (trouble, malfunction, wrong or lost result).',
  pattern: TROUBLESHOOTING_TITLE,
  ok: ['Sync Error After Update', 'Notes Are Not Saved', 'Editor Keeps Reloading'],
  notOk: ['Sharing a Notebook', 'Keyboard Shortcuts'],
}
