// The content model, in creation order: a type comes after the types its links point to, except where two
// types link to each other (a page suggests articles, an article suggests pages): migrations create the later
// one first and then add the link back (see migrations/0002).
import type { ContentTypeDefinition } from '../src/model/define-content-type.ts'
import ctaBanner from './cta-banner.ts'
import navigationMenu from './navigation-menu.ts'
import note from './note.ts'
import page from './page.ts'
import redirect from './redirect.ts'
import resolution from './resolution.ts'
import resolutionStep from './resolution-step.ts'
import troubleshootingArticle from './troubleshooting-article.ts'

export const contentTypes: readonly ContentTypeDefinition[] = [
  resolutionStep,
  resolution,
  note,
  ctaBanner,
  troubleshootingArticle,
  page,
  redirect,
  navigationMenu,
]

export default contentTypes
