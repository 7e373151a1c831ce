// Article → the entries kb-cms wants in the space: the article, its resolutions, steps and notes, and the shared
// CTA banner, each with a deterministic id and a content hash. Pure: images arrive already resolved to asset ids.
import {
  type Article,
  type CtaBanner,
  type ImageRef,
  NOTE_KINDS,
  type Note,
  type Resolution,
  type ResolutionKind,
} from '../model/article.ts'
import { contentHash } from '../model/canonical-json.ts'
import { type LocalizedFields, link } from '../model/contentful-types.ts'
import { stampFields } from '../model/entry-fields.ts'
import { articleId, childId, ctaBannerId, noteSuffix, resolutionSuffix, stepSuffix } from './ids.ts'
import { slugFromHref } from './related-slug.ts'
import { type AssetIdOf, linkRichTextAssets, placeholderResolver } from './rich-text-assets.ts'

export type SyncedType = 'troubleshootingArticle' | 'resolution' | 'resolutionStep' | 'note' | 'ctaBanner'

export interface DesiredEntry {
  id: string
  contentTypeId: SyncedType
  fields: LocalizedFields
  hash: string
  /** The article file this entry came from (a shared CTA banner: the first article that showed it). */
  source: string
}

export interface DesiredContext {
  /** Path stored in `sourcePath`: where the article's file lives, relative to the project. */
  sourcePath: string
  assetIdOf: AssetIdOf
  /** Whether an article with this slug is in the space or in this run (relatedArticles may link to it). */
  articleExists: (slug: string) => boolean
}

export interface DesiredArticle {
  id: string
  /** Children first, the article last: the order entries are written and published in. */
  entries: DesiredEntry[]
  warnings: string[]
}

const SYMBOL_MAX = 256

export function desiredArticle(article: Article, ctx: DesiredContext): DesiredArticle {
  const id = articleId(article.slug)
  const entries: DesiredEntry[] = []
  const warnings: string[] = []
  const assetOf = placeholderResolver(article.images, ctx.assetIdOf)
  const rich = (doc: Article['symptom']) => (doc ? linkRichTextAssets(doc, assetOf) : null)
  const make = (entryId: string, contentTypeId: SyncedType, plain: Record<string, unknown>): DesiredEntry => {
    const { fields, hash } = stampFields(plain)
    const entry = { id: entryId, contentTypeId, fields, hash, source: article.source }
    entries.push(entry)
    return entry
  }

  const resolutionIds = article.resolutions.map((resolution, i) => {
    const r = i + 1
    const stepIds = resolution.steps.map((step, j) => {
      const s = j + 1
      return make(childId(article.slug, stepSuffix(r, s)), 'resolutionStep', {
        name: symbol(`${article.title} — step ${r}.${s}`),
        instruction: rich(step.instruction),
        images: assetLinks(step.images, ctx.assetIdOf),
      }).id
    })
    return make(childId(article.slug, resolutionSuffix(r)), 'resolution', {
      name: symbol(`${article.title} — resolution ${r}`),
      title: resolution.title ? symbol(resolution.title) : null,
      kind: resolutionKind(resolution, i),
      cause: rich(resolution.cause),
      intro: rich(resolution.intro),
      steps: stepIds.map((s) => link('Entry', s)),
    }).id
  })

  const noteIds = article.notes.map(
    (note, i) =>
      make(childId(article.slug, noteSuffix(i + 1)), 'note', {
        kind: (NOTE_KINDS as readonly string[]).includes(note.kind) ? note.kind : 'note',
        title: symbol(noteTitle(note)),
        body: rich(note.body),
      }).id,
  )

  let ctaId: string | null = null
  if (article.cta) {
    if (/^https?:\/\/\S+$/i.test(article.cta.href)) {
      const plain = ctaFields(article.cta, ctx.assetIdOf)
      ctaId = make(ctaBannerId(contentHash(plain)), 'ctaBanner', plain).id
    } else warnings.push(`CTA banner link is not an http(s) URL, banner left out: ${article.cta.href}`)
  }

  const related = [
    ...new Set(article.related.map((r) => slugFromHref(r.href)).filter((s): s is string => s !== null)),
  ].filter((slug) => slug !== article.slug && ctx.articleExists(slug))

  make(id, 'troubleshootingArticle', {
    title: symbol(article.title),
    slug: article.slug,
    description: article.description,
    readingTimeMinutes:
      article.readingTimeMinutes !== null && article.readingTimeMinutes >= 1
        ? article.readingTimeMinutes
        : null,
    appliesTo: article.appliesTo.map(symbol),
    symptom: rich(article.symptom),
    condition: rich(article.condition),
    cause: rich(article.cause),
    errorCodes: article.errorCodes.map(symbol),
    resolutions: resolutionIds.map((r) => link('Entry', r)),
    notes: noteIds.map((n) => link('Entry', n)),
    relatedArticles: related.map((slug) => link('Entry', articleId(slug))),
    relatedLinks: article.related.map(({ title, href }) => ({ title, href })),
    ctaBanner: ctaId ? link('Entry', ctaId) : null,
    body: rich(article.body),
    sourcePath: ctx.sourcePath,
  })
  return { id, entries, warnings }
}

/** Every image the article needs as an asset: content images, step images and the CTA banner's image. */
export function articleImages(article: Article): ImageRef[] {
  const all = [...article.images, ...article.resolutions.flatMap((r) => r.steps.flatMap((s) => s.images))]
  if (article.cta?.image) all.push(article.cta.image)
  return all
}

function ctaFields(cta: CtaBanner, assetIdOf: AssetIdOf): Record<string, unknown> {
  const params = new URL(cta.href).searchParams
  const image = cta.image ? assetIdOf(cta.image) : null
  return {
    internalName: symbol(`${cta.variant ?? 'banner'}: ${cta.text}`),
    variant: cta.variant,
    text: symbol(cta.text),
    url: cta.href,
    utmSource: params.get('utm_source'),
    utmMedium: params.get('utm_medium'),
    utmCampaign: params.get('utm_campaign'),
    utmContent: params.get('utm_content'),
    image: image ? link('Asset', image) : null,
  }
}

function assetLinks(images: ImageRef[], assetIdOf: AssetIdOf) {
  const ids = images.map(assetIdOf).filter((id): id is string => id !== null)
  return [...new Set(ids)].map((id) => link('Asset', id))
}

function resolutionKind(resolution: Resolution, index: number): ResolutionKind {
  if (/workaround/i.test(resolution.title ?? '')) return 'workaround'
  return index === 0 ? 'primary' : 'alternative'
}

/** mkdocs-material shows an untitled admonition under its kind, capitalised. */
function noteTitle(note: Note): string {
  const title = note.title?.trim()
  if (title) return title
  return note.kind.charAt(0).toUpperCase() + note.kind.slice(1)
}

function symbol(text: string): string {
  return text.length <= SYMBOL_MAX ? text : `${text.slice(0, SYMBOL_MAX - 1)}…`
}
