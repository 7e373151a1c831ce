// Whether an article is troubleshooting: an issue is described (symptom cue or issue table) and a fix is
// given (a resolution group). Numbered steps alone do not make a troubleshooting article.
import type { ArticleKind } from '../model/article.ts'
import { ACTION, GUIDE_TITLE, PROBLEM, SYMPTOM_PHRASE, TROUBLESHOOTING_TITLE } from './cues.ts'
import { findErrorCodes } from './error-codes.ts'
import { plainText } from './rich-text.ts'
import type { Structure } from './structure.ts'

/** An issue's article explains at most a couple of side topics; a guide explains several. */
const EXPLAINER_SECTIONS = 3

export function articleKind(s: Structure, redirect: boolean): ArticleKind {
  if (redirect) return 'redirect'
  if (!s.hasTitle) return 'other'
  if (s.tableArticle) return 'troubleshooting'
  if (s.overview) return 'other'
  // A guide that touches on a problem: several sections explain rather than fix, or the title names a task,
  // a topic or a reference rather than an issue ("How to Obtain …", "Using …", "… Explained", "List of …").
  if (s.explainers >= EXPLAINER_SECTIONS) return 'other'
  if (GUIDE_TITLE.test(s.title) && !TROUBLESHOOTING_TITLE.test(s.title)) return 'other'
  const hasFix = s.resolutions.length > 0
  // A title naming a malfunction, or an error code ("Sync Stopped With TOKEN_EXPIRED").
  const issueTitle = TROUBLESHOOTING_TITLE.test(s.title) || findErrorCodes([s.title]).length > 0
  // Multi-cause articles state their causes in the sections that fix them, not before.
  const stated = s.cause !== null || s.resolutions.some((r) => r.cause !== null)
  // A symptom must say something is wrong (a problem word, a malfunction phrasing, an issue title or a stated
  // cause): "When you contact support, …" opens a how-to, not an issue.
  const symptom = plainText(s.symptom)
  // What follows "If/When …," must not be an instruction: "When you contact support, please include:" is a how-to.
  const mainClause = symptom.replace(/^\s*(if|when)\b[^,]{1,160},\s*/i, '')
  const instructs = mainClause !== symptom && (/^please\b/i.test(mainClause) || ACTION.test(mainClause))
  const describesIssue =
    s.symptomByCue &&
    !instructs &&
    (PROBLEM.test(symptom) || SYMPTOM_PHRASE.test(symptom) || PROBLEM.test(s.title) || stated)
  // Without an issue title, prose alone does not make a fix: a feature page explains, it gives no steps.
  const steps = s.resolutions.some((r) => r.steps.length > 0)
  if (describesIssue && hasFix && (issueTitle || (stated && steps))) return 'troubleshooting'
  // No symptom phrasing, but an issue title, a stated cause and a fix: still an issue and its resolution.
  if (hasFix && issueTitle && stated) return 'troubleshooting'
  return 'other'
}
