// Rule `reading-time` (line). A reading-time line ("3 min read").
import type { CueRule } from './rule.ts'

/** Reading-time forms: "3 min read", "2 min read - updated few hours ago". */
export const READING_TIME = /^(\d{1,3})\s*min(?:ute)?s?\s+read\b(.*)$/i

export const rule: CueRule = {
  id: 'reading-time',
  kind: 'line',
  decides: 'A reading-time line ("3 min read").',
  pattern: READING_TIME,
  ok: ['3 min read', '12 minutes read - updated today'],
  notOk: ['Read 3 articles'],
}
