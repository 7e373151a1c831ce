// Rule `framing` (sentence-class). Framing: a sentence about the article rather than the issue ("There are two reasons why …", "This article describes …"); none of the fields.
import type { CueRule } from './rule.ts'

/** Sentences that frame the article rather than describe the issue. */
export const FRAMING =
  /^(there (are|is|can be|may be) (\w+ ){0,2}(reasons?|causes?|ways?|cases?|scenarios?|options?)\b|this (article|guide|page|section) (describes|explains|covers|lists|will|is an addition|provides|helps)|in some cases, the (error|issue|problem|notification) (will|does|may) not\b|read on\b|below,? you (will|can) find|(check|see|read|go through|review|follow) (the )?(sections?|options|steps|causes|cases|list|solutions|methods) below\b|.*\b(one|any) of the following (reasons|causes)[.:]?$)/i

export const rule: CueRule = {
  id: 'framing',
  kind: 'sentence-class',
  decides:
    'Framing: a sentence about the article rather than the issue ("There are two reasons why …", "This article describes …"); none of the fields.',
  pattern: FRAMING,
  ok: [
    'There are two reasons why this may happen:',
    'This article describes how to rebuild the index.',
    'Check the sections below.',
  ],
  notOk: ['The index is rebuilt every night.'],
}
