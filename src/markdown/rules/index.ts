// Every cue family and sentence class, one module each, in the order the preamble asks them (the first that
// matches wins there; see preamble-rules.ts for the conditions on place). One test runs every rule's examples.

import { rule as actionListHeading } from './action-list-heading.ts'
import { rule as adviceClause } from './advice-clause.ts'
import { rule as badgeLead } from './badge-lead.ts'
import { rule as causeAfterSymptom } from './cause-after-symptom.ts'
import { rule as causeColumn } from './cause-column.ts'
import { rule as causeFollowUp } from './cause-follow-up.ts'
import { rule as causeHeading } from './cause-heading.ts'
import { rule as causePhrase } from './cause-phrase.ts'
import { rule as conditionScope } from './condition-scope.ts'
import { rule as disclosureLabel } from './disclosure-label.ts'
import { rule as errorText } from './error-text.ts'
import { rule as explainerHeading } from './explainer-heading.ts'
import { rule as framing } from './framing.ts'
import { rule as furtherFixChain } from './further-fix-chain.ts'
import { rule as furtherFixHeading } from './further-fix-heading.ts'
import { rule as guideTitle } from './guide-title.ts'
import { rule as hedgedCauseClause } from './hedged-cause-clause.ts'
import { rule as indicatesSplit } from './indicates-split.ts'
import { rule as instruction } from './instruction.ts'
import { rule as labelField } from './label-field.ts'
import { rule as manifestationColumn } from './manifestation-column.ts'
import { rule as numberedSection } from './numbered-section.ts'
import { rule as overview } from './overview.ts'
import { rule as problemWords } from './problem-words.ts'
import { rule as questionHeading } from './question-heading.ts'
import { rule as readingLead } from './reading-lead.ts'
import { rule as readingTime } from './reading-time.ts'
import { rule as refersBack } from './refers-back.ts'
import { rule as relatedLead } from './related-lead.ts'
import { rule as resolutionHeading } from './resolution-heading.ts'
import { rule as resolutionMid } from './resolution-mid.ts'
import { rule as resolutionOpening } from './resolution-opening.ts'
import type { CueRule } from './rule.ts'
import { rule as severalCauses } from './several-causes.ts'
import { rule as sharedCauseClause } from './shared-cause-clause.ts'
import { rule as solutionColumn } from './solution-column.ts'
import { rule as symptomColumn } from './symptom-column.ts'
import { rule as symptomOpening } from './symptom-opening.ts'
import { rule as symptomPhrase } from './symptom-phrase.ts'
import { rule as troubleshootingTitle } from './troubleshooting-title.ts'
import { rule as variantLabel } from './variant-label.ts'
import { rule as workInProgress } from './work-in-progress.ts'

export const CUE_RULES: readonly CueRule[] = [
  labelField,
  framing,
  indicatesSplit,
  causeAfterSymptom,
  refersBack,
  symptomOpening,
  conditionScope,
  causePhrase,
  causeFollowUp,
  symptomPhrase,
  problemWords,
  errorText,
  instruction,
  resolutionOpening,
  resolutionMid,
  severalCauses,
  sharedCauseClause,
  hedgedCauseClause,
  adviceClause,
  overview,
  resolutionHeading,
  furtherFixHeading,
  explainerHeading,
  causeHeading,
  relatedLead,
  readingLead,
  workInProgress,
  readingTime,
  troubleshootingTitle,
  guideTitle,
  // Structure rules (groups.ts, structure.ts, table-article.ts): each asked in its own place, not in this order.
  furtherFixChain,
  variantLabel,
  disclosureLabel,
  actionListHeading,
  numberedSection,
  badgeLead,
  questionHeading,
  manifestationColumn,
  symptomColumn,
  causeColumn,
  solutionColumn,
]
