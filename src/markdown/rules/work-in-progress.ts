// Rule `work-in-progress` (line). A work-in-progress banner, which is not content.
import type { CueRule } from './rule.ts'

/** Work-in-progress banners, which are not content. */
export const WORK_IN_PROGRESS =
  /^(this (article|page) is (a )?(still )?(work in progress|under construction|being (updated|written))|work in progress|under construction)\b/i

export const rule: CueRule = {
  id: 'work-in-progress',
  kind: 'line',
  decides: 'A work-in-progress banner, which is not content.',
  pattern: WORK_IN_PROGRESS,
  ok: ['This article is work in progress', 'Under construction'],
  notOk: ['This article explains the export.'],
}
