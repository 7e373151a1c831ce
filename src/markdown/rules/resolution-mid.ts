// Rule `resolution-mid` (sentence-class). A fix that starts mid-paragraph, after the cause ("… To resolve it, …").
import type { CueRule } from './rule.ts'

/** A fix that starts mid-paragraph, after the cause ("… is caused by X. To resolve it, …"). */
export const RESOLUTION_MID =
  /^(to (resolve|fix|solve|prevent|troubleshoot|avoid|address|work ?around|get rid of|remedy|eliminate|correct) (it|this|that|the)\b|(please )?(open|click|clear|restart|reinstall|re-install|update|upgrade|enable|disable|remove|reset|reconnect|sign (in|out)|log (in|out)|install|uninstall|switch|change|set|allow|grant|assign|contact|ask)\b[^.]*\bto (resolve|fix|solve) (it|this|that|the (issue|problem|error))\b)/i

export const rule: CueRule = {
  id: 'resolution-mid',
  kind: 'sentence-class',
  decides: 'A fix that starts mid-paragraph, after the cause ("… To resolve it, …").',
  pattern: RESOLUTION_MID,
  ok: ['To resolve it, delete the cache folder.', 'Restart the app to fix the issue.'],
  notOk: ['The cache folder is damaged.'],
}
