// Rule `resolution-opening` (sentence-class). Fix opening: an intro before steps or a prose fix ("To resolve the issue, …", "If that does not help, …", "In case X, you can reduce Y …").
import type { CueRule } from './rule.ts'

/**
 * The opening of a resolution: an intro sentence before steps, or a prose fix, including advice given under a
 * condition ("In case X, you can reduce Y by …").
 */
export const RESOLUTION =
  /^(to (resolve|fix|solve|prevent|troubleshoot|avoid|address|handle|work ?around|get rid of|remedy|eliminate|correct)\b|(the )?steps to (resolve|fix|solve|troubleshoot|prevent)\b|the steps to\b|in order to (resolve|fix|solve|prevent|avoid)\b|(the )?(solution|resolution|workaround|fix)( is|:)|please (follow|try|do|perform|make sure)\b|try the following\b|follow (these|the) steps\b|if (that|this|it|the above|none of (the|these) \w+) (does not|doesn't|did not|didn't) (help|work|resolve)\b|if the (issue|problem|error) (still )?(persists|remains|continues)\b|if nothing (else )?(works|helps)\b|if you (face|encounter|experience|see|have|run into|notice) (this|the|such an?|that) (issue|problem|error|behaviou?r|situation)\b|if (this|that|it) happens\b|if the (issue|problem|error) is still (displayed|shown|there|present|occurring|happening)\b|if (the|these) (steps|solutions|methods|actions) (above )?(do not|don't|did not|didn't) (help|work)\b|alternatively,|(please )?(open|click|clear|restart|reinstall|re-install|update|upgrade|enable|disable|remove|reset|reconnect|sign (in|out)|log (in|out)|install|uninstall|switch|change|set|allow|grant|assign|contact|ask)\b[^.]*\bto (resolve|fix|solve) (it|this|that|the (issue|problem|error))\b|(here is|here's) how\b|(do|perform|complete) (the following|these|the steps)\b|what to do\b|how to (resolve|fix|solve)\b|you can (fix|resolve|solve|work around|avoid|prevent) (this|it|the)\b|to get (it|this|them|\w+) (working|back)\b|(in case|if|when)\b[^.]*?,[\s\u00a0]+(you|users?|your (\w+ )?admin) (can|should|need to|may want to|have to|must) (\w+ ){0,2}?(reduce|avoid|prevent|resolve|fix|solve|adjust|change|disable|enable|increase|lower|clear|reset|reinstall|restart|update|remove|request|contact|switch|allow)\b)/i

export const rule: CueRule = {
  id: 'resolution-opening',
  kind: 'sentence-class',
  decides:
    'Fix opening: an intro before steps or a prose fix ("To resolve the issue, …", "If that does not help, …", "In case X, you can reduce Y …").',
  pattern: RESOLUTION,
  ok: [
    'To resolve the issue, sign out and back in:',
    'If that does not help, reinstall the app.',
    'In case the export is slow, you can reduce the page size.',
  ],
  notOk: ['The export is slow on large notebooks.'],
}
