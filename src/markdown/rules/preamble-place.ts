// The preamble's sentence rules, in the order they are asked: each says what a sentence is from what it says
// and where it stands (after the symptom, inside a cause paragraph, under a cause heading…). The first rule
// that answers wins; a sentence no rule claims is `other` (body). Labels and "X indicates that Y" splits are
// read before these (preamble.ts), because they cut the sentence.

import { CAUSE_AFTER_SYMPTOM } from './cause-after-symptom.ts'
import { CAUSE_FOLLOW_UP } from './cause-follow-up.ts'
import { CAUSE } from './cause-phrase.ts'
import { SCOPE } from './condition-scope.ts'
import { ERROR_TEXT } from './error-text.ts'
import { FRAMING } from './framing.ts'
import { INDICATES } from './indicates-split.ts'
import { ACTION } from './instruction.ts'
import { REFERS_BACK } from './refers-back.ts'
import { RESOLUTION } from './resolution-opening.ts'
import { SYMPTOM } from './symptom-opening.ts'
import { SYMPTOM_PHRASE } from './symptom-phrase.ts'

export type Place = 'symptom' | 'condition' | 'cause' | 'other'

/** A sentence of the preamble and what came before it. */
export interface SentenceAt {
  /** The sentence, trimmed. */
  t: string
  /** Its index in its paragraph. */
  k: number
  symptomSeen: boolean
  causeSeen: boolean
  /** The field of the last classified sentence before this paragraph's. */
  last: Place | null
  /** The field of the previous sentence of this paragraph. */
  paraField: Place | null
  italicOnly: boolean
  /** Under a heading that introduces the cause. */
  causeSection: boolean
  /** The previous paragraph ended with a colon. */
  prevEndsColon: boolean
  /** The symptom told so far says something is wrong, so a fact after it can explain it. */
  symptomNamesProblem: boolean
}

export interface PlaceRule {
  id: string
  decides: string
  /** The field, or null when the rule has nothing to say about this sentence. */
  place: (s: SentenceAt) => Place | null
  ok: Example[]
  notOk: Example[]
}

export type Example = Partial<SentenceAt> & { t: string }

export const AT_START: SentenceAt = {
  t: '',
  k: 0,
  symptomSeen: false,
  causeSeen: false,
  last: null,
  paraField: null,
  italicOnly: false,
  causeSection: false,
  prevEndsColon: false,
  symptomNamesProblem: false,
}

const after = (s: SentenceAt, ...fields: Place[]) =>
  fields.includes(s.last as Place) || fields.includes(s.paraField as Place)

export const PREAMBLE_RULES: readonly PlaceRule[] = [
  {
    id: 'framing',
    decides: 'A sentence about the article, not the issue, is none of the fields.',
    place: (s) => (FRAMING.test(s.t) ? 'other' : null),
    ok: [{ t: 'There are two reasons why this may happen:' }],
    notOk: [{ t: 'The sync stops after an update.' }],
  },
  {
    id: 'cause-after-symptom',
    decides: 'Once the symptom is told, "This problem occurs when …" (or "… indicates that …") says why.',
    place: (s) => (s.symptomSeen && (CAUSE_AFTER_SYMPTOM.test(s.t) || INDICATES.test(s.t)) ? 'cause' : null),
    ok: [{ t: 'This error occurs when the token expires.', symptomSeen: true }],
    notOk: [{ t: 'This error occurs when the token expires.' }],
  },
  {
    id: 'refers-back',
    decides: '"If you face this issue, …" opens a fix; it is not the symptom.',
    place: (s) => (REFERS_BACK.test(s.t) ? 'other' : null),
    ok: [{ t: 'If you face this issue, sign out.' }],
    notOk: [{ t: 'If the upload stops, nothing is saved.' }],
  },
  {
    id: 'conditional-symptom',
    decides:
      'Before any symptom, a conditional opener describing a fault is the symptom (a shared cause clause is cut later).',
    place: (s) => (!s.symptomSeen && /^(if|when)\b/i.test(s.t) && SYMPTOM.test(s.t) ? 'symptom' : null),
    ok: [{ t: 'If the upload stops halfway, the note is not saved.' }],
    notOk: [{ t: 'If the upload stops halfway, the note is not saved.', symptomSeen: true }],
  },
  {
    id: 'condition-scope',
    decides: 'A sentence that only limits scope is the condition; one that also names a cause is the cause.',
    place: (s) => (SCOPE.test(s.t) && !CAUSE.test(s.t) ? 'condition' : null),
    ok: [{ t: 'It only happens in the desktop app.' }, { t: 'The issue affects users of the web client.' }],
    notOk: [{ t: 'It only happens in the desktop app because of a stale cache.' }],
  },
  {
    id: 'cause-phrase',
    decides: 'An explicit causal relation is the cause.',
    place: (s) => (CAUSE.test(s.t) ? 'cause' : null),
    ok: [{ t: 'The upload stops due to the size limit.' }],
    notOk: [{ t: 'The upload stops halfway.' }],
  },
  {
    id: 'cause-follow-up',
    decides: 'Right after a cause, "That also …", "Because of that, …", "Thus, …" explain it further.',
    place: (s) => (after(s, 'cause') && CAUSE_FOLLOW_UP.test(s.t) ? 'cause' : null),
    ok: [{ t: 'Because of that, every request is refused.', last: 'cause' }],
    notOk: [{ t: 'Because of that, every request is refused.', last: 'symptom' }],
  },
  {
    id: 'symptom-phrase',
    decides:
      'Before any symptom, a phrasing of something going wrong (or an italic error text) is the symptom.',
    place: (s) =>
      !s.symptomSeen && (SYMPTOM.test(s.t) || (s.italicOnly && ERROR_TEXT.test(s.t))) ? 'symptom' : null,
    ok: [{ t: 'The editor may freeze on large notes.' }, { t: 'Access denied.', italicOnly: true }],
    notOk: [{ t: 'The editor may freeze on large notes.', symptomSeen: true }],
  },
  {
    id: 'same-paragraph',
    decides: 'A later sentence of a paragraph keeps the field of the sentence before it.',
    place: (s) => (s.k > 0 && s.paraField && s.paraField !== 'other' ? s.paraField : null),
    ok: [{ t: 'It happens every time.', k: 1, paraField: 'symptom' }],
    notOk: [{ t: 'It happens every time.', k: 0, paraField: 'symptom' }],
  },
  {
    id: 'symptom-continues',
    decides:
      'A paragraph right after the symptom continues it when it quotes the error or is led in by a colon.',
    place: (s) =>
      s.k === 0 && s.last === 'symptom' && continuesSymptom(s.t, s.italicOnly, s.prevEndsColon)
        ? 'symptom'
        : null,
    ok: [{ t: '"Upload failed, try again."', last: 'symptom' }],
    notOk: [{ t: 'To resolve the issue, restart the app:', last: 'symptom' }],
  },
  {
    id: 'lower-case-continuation',
    decides: 'A paragraph starting lower-case continues the cause or condition before it.',
    place: (s) =>
      s.k === 0 && (s.last === 'cause' || s.last === 'condition') && /^[a-z]/.test(s.t) ? s.last : null,
    ok: [{ t: 'which also stops exports.', last: 'cause' }],
    notOk: [{ t: 'Which also stops exports.', last: 'cause' }],
  },
  {
    id: 'cause-section',
    decides: 'Under a heading that introduces the cause, prose is the cause.',
    place: (s) => (s.causeSection ? 'cause' : null),
    ok: [{ t: 'The token is kept for a day.', causeSection: true }],
    notOk: [{ t: 'The token is kept for a day.' }],
  },
  {
    id: 'stated-fact-cause',
    decides:
      'Right after the symptom (or its scope) and before any cause, a paragraph that states a plain fact (no instruction, no question, no lead-in) explains the symptom: symptom, then cause, then fix.',
    place: (s) =>
      s.k === 0 &&
      s.symptomNamesProblem &&
      !s.causeSeen &&
      (s.last === 'symptom' || s.last === 'condition') &&
      statesFact(s.t)
        ? 'cause'
        : null,
    ok: [
      {
        t: 'The server refuses files larger than 25 MB.',
        symptomSeen: true,
        symptomNamesProblem: true,
        last: 'symptom',
      },
      {
        t: 'Mailbox Server rejects every file above the limit.',
        symptomSeen: true,
        symptomNamesProblem: true,
        last: 'symptom',
      },
    ],
    notOk: [
      { t: 'The server refuses files larger than 25 MB.' },
      { t: 'The server refuses files larger than 25 MB.', symptomSeen: true, last: 'symptom' },
      {
        t: 'Open the settings and lower the limit.',
        symptomSeen: true,
        symptomNamesProblem: true,
        last: 'symptom',
      },
      { t: 'Why does this happen?', symptomSeen: true, symptomNamesProblem: true, last: 'symptom' },
      {
        t: 'Learn more about the limits in the admin guide.',
        symptomSeen: true,
        symptomNamesProblem: true,
        last: 'symptom',
      },
      {
        t: 'The server refuses files larger than 25 MB.',
        symptomSeen: true,
        causeSeen: true,
        last: 'symptom',
      },
    ],
  },
]

/** More of what the reader sees: the quoted error, or a second malfunction sentence ("It manifests as …"). */
export function continuesSymptom(t: string, italicOnly: boolean, prevEndsColon: boolean): boolean {
  if (italicOnly || /^["“*_]/.test(t) || SYMPTOM_PHRASE.test(t)) return true
  if (prevEndsColon && !RESOLUTION.test(t)) return true
  if (/^[a-z]/.test(t)) return true
  return (
    /:\s*$/.test(t) &&
    !RESOLUTION.test(t) &&
    /\b(errors?|messages?|notifications?|text|following|shown|displayed|manifest\w*|symptoms?|signs?|reads|says|states)\b/i.test(
      t,
    )
  )
}

/**
 * A declarative sentence about the product or its setting: not an instruction, a fix opener, a question, a
 * lead-in to what follows (":"), a conditional ("If …", which is a symptom or condition) or the reader's own
 * experience ("You may also see …", which continues the symptom).
 */
function statesFact(t: string): boolean {
  if (/[:?]\s*$/.test(t) || /^(if|when|you|please|see|refer|note)\b/i.test(t)) return false
  if (ACTION.test(t) || RESOLUTION.test(t)) return false
  // A statement has a subject: a determiner or pronoun, a variable ("{{ product_name }} …"), or a name followed
  // by its verb ("Salesforce rejects …"). A sentence opening with a bare verb ("Learn more …") instructs.
  const subject =
    /^(the|this|that|these|those|its|their|your|our|his|her|a|an|each|every|some|any|no|such|there|it|they|both|all|most|many|only)\b/i.test(
      t,
    ) ||
    /^\{\{/.test(t) ||
    /^[A-Z][\w-]*( [A-Z][\w-]*)* [a-z]+s\b/.test(t)
  return subject && t.split(/\s+/).length >= 5
}

/** The first rule that places the sentence, and its field. */
export function placeSentence(s: SentenceAt): { field: Place; rule: string } {
  for (const rule of PREAMBLE_RULES) {
    const field = rule.place(s)
    if (field !== null) return { field, rule: rule.id }
  }
  return { field: 'other', rule: 'unplaced' }
}
