// Rule `instruction` (sentence-class). Instruction: the imperative mood ("Open …", "Make sure …") or "you should / need to …".
import type { CueRule } from './rule.ts'

/** An instruction: a sentence that tells the reader to act (imperative, or "you should / need to …"). */
export const ACTION =
  /^(please )?(open|go to|click|close|delete|clear|restart|reinstall|re-install|disable|enable|check|make sure|ensure|update|upgrade|contact|ask|switch|remove|select|try|set|allow|add|sign (in|out)|log (in|out)|install|uninstall|reset|refresh|run|turn (on|off)|change|adjust|verify|wait|send|request|reach out|grant|assign|collect|gather|attach|provide|include|write to|email)\b|\b(you|users?|admins?|administrators?) (should|need to|must|have to|can try|are advised to)\b/i

export const rule: CueRule = {
  id: 'instruction',
  kind: 'sentence-class',
  decides: 'Instruction: the imperative mood ("Open …", "Make sure …") or "you should / need to …".',
  pattern: ACTION,
  ok: ['Open Settings and click Sync.', 'Make sure the folder exists.', 'You should sign out first.'],
  notOk: ['The folder exists on every device.', 'Opening the file shows an error.'],
}
