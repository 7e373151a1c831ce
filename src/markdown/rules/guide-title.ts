// Rule `guide-title` (title). A title that names a task, topic or reference: a how-to or guide, unless it also names an issue.
import type { CueRule } from './rule.ts'

/** A title that names a task, a topic or a reference: a how-to or guide, unless it also names an issue. */
export const GUIDE_TITLE =
  /^(how (to|do (i|you)) (?!(resolve|fix|restore|bring back|reconnect|recover|repair|remove|get rid|stop|avoid|prevent|troubleshoot|solve|unblock|reset|clear|handle|deal|re-?(enable|install|connect|store|activate|authori[sz]e|authenticate|start|sync))\b)|using|about|list of|introduction to|getting started|exclude|set ?up|configur\w+|install\w*|enabl\w+)\b|\b(overview|explained|guide|reference|introduction|setup|set-up|parameters|settings)\s*$|:\s*an overview\b/i

export const rule: CueRule = {
  id: 'guide-title',
  kind: 'title',
  decides: 'A title that names a task, topic or reference: a how-to or guide, unless it also names an issue.',
  pattern: GUIDE_TITLE,
  ok: ['How to Share a Notebook', 'Export Settings', 'Sync: an overview'],
  notOk: ['How to Fix the Sync Error', 'Notes Are Not Saved'],
}
