// Cue-phrase families that signal a symptom, condition, cause or resolution. Each is a family of phrasings
// seen across the knowledge base, not a sentence from one article.

/** A leading label ending in a colon ("The essence of the issue:", "Cause:") and the field it introduces. */
export const LABEL = /^[\s\u00a0]*((?:the |an? )?[\w'’ ]{2,50}?)\s*:[\s\u00a0]+(?=\S)/i

export function labelField(label: string): 'symptom' | 'condition' | 'cause' | null {
  const l = label.toLowerCase()
  if (/\b(cause|causes|reason|reasons|root cause|why)\b|cause:?$/.test(l)) return 'cause'
  if (
    /\b(essence|symptoms?|manifests?|manifestation|problem|issue|error|behaviou?r)\b/.test(l) &&
    !/\bsteps?\b|resolve/.test(l)
  )
    return 'symptom'
  if (/\b(condition|scope|applies|prerequisites?|environment)\b/.test(l)) return 'condition'
  return null
}

/** Phrasings that describe something going wrong (a conditional opener alone does not). */
export const SYMPTOM_PHRASE = new RegExp(
  [
    '\\bmanifests?\\b',
    '\\b(may|might|can|could) (occur|happen|appear|arise|disappear|vanish|stop|fail|freeze|crash|break)\\b',
    "\\b(cannot|can't|could not|couldn't) be (\\w+ed|found|seen|opened|shown|saved|synced)\\b",
    '\\b(you|users?) (may|might|can|could|will)? ?(face|see|get|receive|encounter|notice|experience|observe)\\b',
    '\\bcan face\\b',
    '\\b(error|notification|warning) (message )?(is|are|may be|will be) (shown|displayed|thrown|returned)\\b',
    '\\b(is|are|gets?|got|becomes?) (greyed|grayed|disabled|stuck|blank|empty|missing|duplicated)\\b',
    "\\b(unable to|cannot|can't|fails? to|does not|doesn't|do not|don't) (\\w+ )?(work|load|open|start|sync|save|display|appear|show|connect)\\b",
    '\\bendless(ly)?\\b',
    "\\b(may|might|does|do|did|will|would|can|could|is|are)( not|n't) (\\w+ )?(work|load|open|start|sync|save|display|appear|show|connect|respond|update|link|run|be (shown|displayed|saved|synced|found|loaded|opened))\\b",
    '\\bnot (\\w+ )?(working|loading|shown|displayed|saved|synced|visible|available|responding|opening|starting|appearing|updated|linked|created|found)\\b',
    '\\bthe following error\\b',
    '\\b(errors?|warnings?|notifications?|messages?) (\\w+ ){0,3}(appears?|occurs?|pops? up|shows? up|comes? up)\\b',
    '\\b(users?|customers?|you) (\\w+ )?(reports?|reported|complains?|complained|notices?|noticed) that\\b',
    '\\b(shows?|displays?|returns?|throws?) (a |an |the )?(blank|empty|white|grey|gray|wrong|incorrect|error|warning|notification)\\b',
    '\\b(freez\\w*|crash\\w*|hangs|stops? (responding|working|with|after|when|syncing|saving|loading)|does nothing|runs? into|can be encountered)\\b',
    '\\bwith (the|an?) (error|warning|failure)\\b',
    '\\b(wrong|incorrect) (time|date|time zone|name|contact|account|owner|values?|data|totals?|numbers?|status|record)\\b',
    '^(sometimes|occasionally|in some cases|at times|in rare cases)\\b.*\\b(errors?|fail\\w*|blank|empty|missing|not|no|nothing|stuck|freez\\w*|crash\\w*|hangs?|wrong|incorrect\\w*|duplicat\\w*|slow\\w*|unable|cannot)\\b',
  ].join('|'),
  'i',
)

/** "If you face this issue, …" points back at a symptom already told: it opens a fix, it is not one. */
export const REFERS_BACK =
  /^if (you (face|encounter|experience|see|have|run into|notice) (this|the|such an?|that) (issue|problem|error|behaviou?r|situation)|(this|that|it) happens)\b/i

/** The opening of a symptom description: a conditional opener or a phrasing of something going wrong. */
export const SYMPTOM = new RegExp(`^if\\b|^when\\b|${SYMPTOM_PHRASE.source}`, 'i')

/** Words that say something is wrong: a symptom without any of them describes a situation, not an issue. */
export const PROBLEM =
  /\b(errors?|fail\w*|issues?|problems?|not|no longer|unable|cannot|can't|couldn't|won't|doesn't|don't|isn't|aren't|stuck|blank|empty|wrong|incorrect\w*|missing|greyed|grayed|disabled|duplicat\w*|endless\w*|loops?|slow\w*|freez\w*|crash\w*|hangs?|lost|denied|expired|invalid|exceed\w*|limits?|warnings?|stops?|stopped|broken|unresponsive|instead of|without|again and again|over and over|repeatedly|keeps? (re)?\w+ing)\b/i

/** A sentence that only limits scope: an OS, client, edition or implementation. */
export const CONDITION =
  /^(this|the|it|that)( described| same)?( (issue|problem|error|behaviou?r|bug|limitation))? (\w+ )?(affects|occurs|happens|appears|applies|exists|is (observed|seen|reproduced|relevant|present)|was (observed|seen|reproduced|reported))\b[^.]*\bonly\b|^(this|the) (issue|problem|error|behaviou?r|bug) (is|was) (reproduced|observed|seen|reported) (in|on|with|for)\b|\b(is|are) limited to\b|\b(only|solely) (happens|occurs|appears|applies|affects)\b|\b(is|are) (observed|seen|reproduced|reported|present) only\b|\b(occurs?|happens?|appears?|applies) only (in|on|with|for|to|when|if)\b|^only (users|customers|accounts|mailboxes|clients|versions|editions) (of|on|in|with|using)\b|\b(happens|occurs|applies) only\b|\bis specific to\b|\bare specific to\b|^(this|the) (issue|problem|error|article|behaviou?r|information|troubleshooting \w+)( \w+)? (only )?(concerns|affects only|applies (only )?to|is relevant (for|to)|is valid (only )?for)\b/i

/** Explicit cause phrasing. */
export const CAUSE =
  /\b(caused by|the cause of|the causes? (is|are)|due to|because of (a|an|the)|the reason (is|for|why)|the (most (common|likely|probable) |main |usual |likely |probable )(reason|cause) (is|was)|results? from|stems? from|(is|are|be|been) (\w+ )?related to|is a result of|(is|are) the result of|root cause|the root of the (problem|issue|error)|is triggered by|(happens|occurs|appears|fails|\w+s|\w+ed) because|(is|are) (shown|displayed|thrown|returned|raised) because|(this|that|it) (is|was) because|arises? from|originates? from|lies in|is a known (limitation|issue|problem|defect|bug)|^most likely,)\b/i

/** A sentence that explains the cause further, following a cause sentence. */
export const CAUSE_FOLLOW_UP =
  /^(that|this|it) (also|in turn|means|is why|blocks|prevents|makes|leads|occurs (when|if|because)|happens (when|if|because))\b|^because of (that|this)\b|^(thus|therefore|hence|consequently|as a result|usually|typically|in this case|in such cases)\b/i

/** Sentences that frame the article rather than describe the issue. */
export const FRAMING =
  /^(there (are|is|can be|may be) (\w+ ){0,2}(reasons?|causes?|ways?|cases?|scenarios?|options?)\b|this (article|guide|page|section) (describes|explains|covers|lists|will|is an addition|provides|helps)|in some cases, the (error|issue|problem|notification) (will|does|may) not\b|read on\b|below,? you (will|can) find|(check|see|read|go through|review|follow) (the )?(sections?|options|steps|causes|cases|list|solutions|methods) below\b|.*\b(one|any) of the following (reasons|causes)[.:]?$)/i

/**
 * The opening of a resolution: an intro sentence before steps, or a prose fix, including advice given under a
 * condition ("In case X, you can reduce Y by …").
 */
export const RESOLUTION =
  /^(to (resolve|fix|solve|prevent|troubleshoot|avoid|address|handle|work ?around|get rid of|remedy|eliminate|correct)\b|(the )?steps to (resolve|fix|solve|troubleshoot|prevent)\b|the steps to\b|in order to (resolve|fix|solve|prevent|avoid)\b|(the )?(solution|resolution|workaround|fix)( is|:)|please (follow|try|do|perform|make sure)\b|try the following\b|follow (these|the) steps\b|if (that|this|it|the above|none of (the|these) \w+) (does not|doesn't|did not|didn't) (help|work|resolve)\b|if the (issue|problem|error) (still )?(persists|remains|continues)\b|if nothing (else )?(works|helps)\b|if you (face|encounter|experience|see|have|run into|notice) (this|the|such an?|that) (issue|problem|error|behaviou?r|situation)\b|if (this|that|it) happens\b|if the (issue|problem|error) is still (displayed|shown|there|present|occurring|happening)\b|if (the|these) (steps|solutions|methods|actions) (above )?(do not|don't|did not|didn't) (help|work)\b|alternatively,|(please )?(open|click|clear|restart|reinstall|re-install|update|upgrade|enable|disable|remove|reset|reconnect|sign (in|out)|log (in|out)|install|uninstall|switch|change|set|allow|grant|assign|contact|ask)\b[^.]*\bto (resolve|fix|solve) (it|this|that|the (issue|problem|error))\b|(here is|here's) how\b|(do|perform|complete) (the following|these|the steps)\b|what to do\b|how to (resolve|fix|solve)\b|you can (fix|resolve|solve|work around|avoid|prevent) (this|it|the)\b|to get (it|this|them|\w+) (working|back)\b|(in case|if|when)\b[^.]*?,[\s\u00a0]+(you|users?|your (\w+ )?admin) (can|should|need to|may want to|have to|must) (\w+ ){0,2}?(reduce|avoid|prevent|resolve|fix|solve|adjust|change|disable|enable|increase|lower|clear|reset|reinstall|restart|update|remove|request|contact|switch|allow)\b)/i

/** An instruction: a sentence that tells the reader to act (imperative, or "you should / need to …"). */
export const ACTION =
  /^(please )?(open|go to|click|close|delete|clear|restart|reinstall|re-install|disable|enable|check|make sure|ensure|update|upgrade|contact|ask|switch|remove|select|try|set|allow|add|sign (in|out)|log (in|out)|install|uninstall|reset|refresh|run|turn (on|off)|change|adjust|verify|wait|send|request|reach out|grant|assign|collect|gather|attach|provide|include|write to|email)\b|\b(you|users?|admins?|administrators?) (should|need to|must|have to|can try|are advised to)\b/i

/** A heading that opens a resolution section. */
export const RESOLUTION_HEADING =
  /\b(how to (resolve|fix|solve|address|handle|remove|prevent|troubleshoot|avoid|get rid)|solutions?|resolutions?|workarounds?|fix(es)?|methods?|steps|troubleshoot(ing)?|if .* (persists|does not help|doesn't help)|prevent|still (seeing|getting|having|see|get|have|not working|not resolved|missing|broken))\b/i

/**
 * A heading that offers a further, separate fix ("If that does not help", "If the issue still persists",
 * "Solution 2", "Method 3", "Alternatively"): it opens its own group even below a prose-only section's heading.
 */
export const FURTHER_FIX_HEADING =
  /^(if (that|this|it|the above|none of (the|these) \w+) (does not|doesn't|did not|didn't|do not|don't) (help|work|resolve)|if the (issue|problem|error) (still )?(persists|remains|continues|is not resolved)|(solution|method|option|workaround)\s+(\d+|[ivx]+)\b|alternatively\b)/i

/** Lines that introduce a list of related articles. */
export const RELATED =
  /^(also )?(see|read)( also)?( the following)?( related)? (articles?|pages?|topics?)?:?$|^related (articles|pages|topics|reading)\s*:?$|^(you may|you might) also (want to )?(read|see|like)\b|^see also\b|\b(see|read|refer to|check( out)?)( also)? (the following|these|those|related|our|other) (\w+ )?(articles?|pages?|topics?|guides?|resources?|links?)\s*:$|^(related|further|useful|additional|more) (articles|reading|information|links|resources)\b/i

/** Words naming further reading, in a lead-in or heading that introduces a list of links. */
export const READING_LEAD =
  /\b(articles?|pages?|guides?|documentation|docs|resources|reading|links|knowledge base|help center|tutorials?)\b/i

/** Work-in-progress banners, which are not content. */
export const WORK_IN_PROGRESS =
  /^(this (article|page) is (a )?(still )?(work in progress|under construction|being (updated|written))|work in progress|under construction)\b/i

/** Reading-time forms: "3 min read", "2 min read - updated few hours ago". */
export const READING_TIME = /^(\d{1,3})\s*min(?:ute)?s?\s+read\b(.*)$/i

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

/** A title that names a task, a topic or a reference: a how-to or guide, unless it also names an issue. */
export const GUIDE_TITLE =
  /^(how (to|do (i|you)) (?!(resolve|fix|restore|bring back|reconnect|recover|repair|remove|get rid|stop|avoid|prevent|troubleshoot|solve|unblock|reset|clear|handle|deal|re-?(enable|install|connect|store|activate|authori[sz]e|authenticate|start|sync))\b)|using|about|list of|introduction to|getting started|exclude|set ?up|configur\w+|install\w*|enabl\w+)\b|\b(overview|explained|guide|reference|introduction|setup|set-up|parameters|settings)\s*$|:\s*an overview\b/i

/** An overview or guide announces itself; it is not a single issue's troubleshooting article. */
export const OVERVIEW =
  /\bthis (article|guide|page) (provides|gives|contains|offers) (a |an )?(detailed |general |brief |short )?(overview|description|list|summary)\b/i

/** A fix that starts mid-paragraph, after the cause ("… is caused by X. To resolve it, …"). */
export const RESOLUTION_MID =
  /^(to (resolve|fix|solve|prevent|troubleshoot|avoid|address|work ?around|get rid of|remedy|eliminate|correct) (it|this|that|the)\b|(please )?(open|click|clear|restart|reinstall|re-install|update|upgrade|enable|disable|remove|reset|reconnect|sign (in|out)|log (in|out)|install|uninstall|switch|change|set|allow|grant|assign|contact|ask)\b[^.]*\bto (resolve|fix|solve) (it|this|that|the (issue|problem|error))\b)/i

/** Headings of a section that explains the issue rather than fixing it. */
export const EXPLAINER_HEADING =
  /^(what causes|why (does|do|is|are)|the cause|causes?\b|reasons?\b|root cause|background|overview|symptoms?\b|description|about\b)/i

/** The preamble announces several causes, one per section. */
export const SEVERAL_CAUSES =
  /\b(several|multiple|two|three|four|various|a number of|different|possible) (possible )?(reasons|causes)\b/i

/** "X usually indicates that Y": an implicit symptom followed by its cause. */
export const INDICATES =
  /[\s\u00a0]+(usually |often |typically |most likely |probably |generally )?(indicates|means|signals|suggests) that[\s\u00a0]+/i

/** Once the issue is described, "This problem occurs when …" explains why. */
export const CAUSE_AFTER_SYMPTOM =
  /^(this|that|the|such) (\w+ )?(problem|issue|error|behaviou?r|situation)s? (usually |typically |only )?(occurs?|may occur|can occur|happens?|may happen|arises?|appears?|is shown|is displayed) (when|if|because|after)\b/i

/** A heading that introduces the cause ("What causes the error", "Why does it occur?"). */
export const CAUSE_HEADING = /\b(causes?d?|reasons?|why)\b/i

/** Quoted error text (an italic paragraph) that shows the symptom itself. */
export const ERROR_TEXT =
  /\b(error|failed|failure|exception|denied|invalid|unable|cannot|can't|sorry|oops|went wrong|expired|timed out|no longer|not (found|allowed|available|authorized)|(has been|was|were) stopped)\b/i
