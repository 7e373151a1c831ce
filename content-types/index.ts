// The content model, in creation order: a type comes after the types its links point to.
import type { ContentTypeDefinition } from '../src/model/define-content-type.ts'
import ctaBanner from './cta-banner.ts'
import note from './note.ts'
import resolution from './resolution.ts'
import resolutionStep from './resolution-step.ts'
import troubleshootingArticle from './troubleshooting-article.ts'

export const contentTypes: readonly ContentTypeDefinition[] = [
  resolutionStep,
  resolution,
  note,
  ctaBanner,
  troubleshootingArticle,
]

export default contentTypes
