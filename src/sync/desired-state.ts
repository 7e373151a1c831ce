// Article → the entries kb-cms wants in the space: a troubleshooting article with its resolutions, steps and
// notes, a general page with its notes, or a redirect; the shared CTA banner; each with a deterministic id and
// every field the sync owns (typed against the model, see owned-fields.ts). Links between pages become entry
// links through the page index. Pure: images arrive already resolved to asset ids, pages to entry ids.
import type { Block, Document } from '@contentful/rich-text-types'
import type { DiagnosticId } from '../diagnostics/registry.ts'
import { imagePlaceholderId, notePlaceholderId } from '../markdown/rich-text.ts'
import {
  type Article,
  type CtaBanner,
  type ImageRef,
  NOTE_KINDS,
  type Note,
  type PageLink,
  type Resolution,
  type ResolutionKind,
} from '../model/article.ts'
import { contentHash } from '../model/canonical-json.ts'
import { type Link, link } from '../model/contentful-types.ts'
import type { SourceStamp } from '../model/sync-base.ts'
import { assignChildIds, type ChildIds } from './child-ids.ts'
import { ctaBannerId, type EntryKind, entryId } from './ids.ts'
import { linkTarget, type PagePlace } from './link-path.ts'
import type { OwnedFields, SyncedType } from './owned-fields.ts'
import type { PageEntry } from './page-index.ts'
import {
  type AssetIdOf,
  embeddedEntryIds,
  imageLinkBlock,
  linkRichText,
  placeholderResolver,
} from './rich-text-assets.ts'

export type { SyncedType } from './owned-fields.ts'

export interface DesiredEntry {
  id: string
  contentTypeId: SyncedType
  /** Every field the sync owns on this type, with its value or null (none); other fields are not its to touch. */
  owned: Record<string, unknown>
  /** The file this entry came from (a shared CTA banner: the first page that showed it). */
  source: string
  /** Top-level entries: what the page was made from, for the incremental sync (see source-stamp.ts). */
  stamp?: SourceStamp
  /** Top-level entries: the children's identities. */
  children?: ChildIds
}

/** A diagnostic about one page, placed in its file when the parser knows where. */
export interface DesiredWarning {
  ruleId: DiagnosticId
  message: string
  line: number | null
  column: number | null
}

export interface DesiredContext {
  /** The id base of the page's entries (see ids.ts idBase), settled by the run (legacy ids are adopted). */
  base: string
  assetIdOf: AssetIdOf
  /** The entry a URL path of the site resolves to (a redirect resolves to its target), or null. */
  resolve: (path: string) => PageEntry | null
  /** The title mkdocs.yml `nav` gives the page at a URL path: what MkDocs shows for a page without a heading. */
  navTitle?: (path: string) => string | null
  /** The children the page's entry recorded when it was last written (none: a page new to kb-cms). */
  previousChildren?: ChildIds | undefined
  /** What the page is made from (see source-stamp.ts). */
  stamp?: SourceStamp | undefined
}

export interface DesiredArticle {
  id: string
  /** Children first, the page last: the order entries are written and published in. */
  entries: DesiredEntry[]
  warnings: DesiredWarning[]
  /** Links to other pages: resolved to entries, and left as written (each also warned about). */
  links: { resolved: number; unresolved: number }
}

const SYMBOL_MAX = 256

/** The entries of any page kind. */
export function desiredEntries(article: Article, ctx: DesiredContext): DesiredArticle {
  if (article.kind === 'redirect') return desiredRedirect(article, ctx)
  if (article.kind === 'other') return desiredPage(article, ctx)
  return desiredArticle(article, ctx)
}

/** What every kind shares: the entry list, warnings, and the links resolved through the page index. */
class Builder {
  readonly entries: DesiredEntry[] = []
  readonly warnings: DesiredWarning[] = []
  readonly anchors: { entry: string; text: string; anchor: string }[] = []
  readonly links = { resolved: 0, unresolved: 0 }
  readonly children: ChildIds
  private readonly place: PagePlace | null
  /** Where each written link is in the file, consumed in document order for warnings. */
  private readonly positions: Map<string, PageLink[]>

  constructor(
    readonly article: Article,
    readonly ctx: DesiredContext,
  ) {
    this.place =
      article.sourcePath !== null && article.path !== null
        ? { sourcePath: article.sourcePath, path: article.path }
        : null
    this.children = assignChildIds(ctx.base, article, ctx.previousChildren)
    this.positions = new Map()
    for (const l of article.links ?? []) {
      const list = this.positions.get(l.href) ?? []
      list.push(l)
      this.positions.set(l.href, list)
    }
  }

  make<T extends SyncedType>(id: string, contentTypeId: T, owned: OwnedFields<T>): DesiredEntry {
    const entry: DesiredEntry = { id, contentTypeId, owned, source: this.article.source }
    this.entries.push(entry)
    return entry
  }

  warn(
    ruleId: DiagnosticId,
    message: string,
    at: { line: number | null; column: number | null } = NOWHERE,
  ): void {
    this.warnings.push({ ruleId, message, line: at.line, column: at.column })
  }

  /** The entry a link leads to, or null when it is no page link or its page is nowhere (then warned). */
  entryOf(href: string, text: string | null): string | null {
    if (!this.place) return null
    const target = linkTarget(href, this.place)
    if (!target) return null
    const found = this.ctx.resolve(target.path)
    if (found) {
      this.links.resolved++
      if (target.anchor && text !== null) this.anchors.push({ entry: found.id, text, anchor: target.anchor })
      return found.id
    }
    this.links.unresolved++
    this.warn(
      'unresolved-link',
      `link to ${href} leads to ${target.path}, which is neither a page in the space nor in this run; kept as written`,
      this.positions.get(href)?.shift() ?? NOWHERE,
    )
    return null
  }

  rich(doc: Article['symptom'], noteIds: string[] = []): Document | null {
    if (!doc) return null
    const notes = new Map(noteIds.map((id, i) => [notePlaceholderId(i), id]))
    const images = new Map(this.article.images.map((ref, i) => [imagePlaceholderId(i), ref]))
    return linkRichText(doc, {
      assetOf: placeholderResolver(this.article.images, this.ctx.assetIdOf),
      imageFallback: (placeholder) => {
        const ref = images.get(placeholder)
        return ref ? imageLinkBlock(ref) : null
      },
      noteOf: (placeholder) => notes.get(placeholder) ?? null,
      entryOf: (uri, text) => this.entryOf(uri, text),
    })
  }

  /** Related links that lead to pages of the space or the run, as entry links (each page once). */
  related(): Link<'Entry'>[] {
    const ids: string[] = []
    for (const r of this.article.related) {
      const id = this.entryOf(r.href, null)
      if (id && !ids.includes(id) && id !== entryId(this.ctx.base)) ids.push(id)
    }
    return ids.map((id) => link('Entry', id))
  }

  notes(notes: Note[]): string[] {
    return notes.map(
      (note, i) =>
        this.make(this.children.notes[i]?.id as string, 'note', {
          kind: isNoteKind(note.kind) ? note.kind : 'note',
          title: symbol(noteTitle(note)),
          body: this.rich(note.body) ?? EMPTY_DOCUMENT,
          collapsible: note.collapsible ? true : null,
        }).id,
    )
  }

  cta(): string | null {
    const cta = this.article.cta
    if (!cta) return null
    if (!/^https?:\/\/\S+$/i.test(cta.href)) {
      this.warn('sync-cta', `CTA banner link is not an http(s) URL, banner left out: ${cta.href}`)
      return null
    }
    const plain = ctaFields(cta, this.ctx.assetIdOf)
    return this.make(ctaBannerId(contentHash(plain)), 'ctaBanner', plain).id
  }

  /** The page's own entry, last: it records the children's identities. */
  top<T extends 'troubleshootingArticle' | 'page' | 'redirect'>(
    type: T,
    owned: OwnedFields<T>,
  ): DesiredArticle {
    const id = entryId(this.ctx.base)
    const entry = this.make(id, type, owned)
    if (this.ctx.stamp) entry.stamp = this.ctx.stamp
    if (type !== 'redirect') entry.children = this.children
    return { id, entries: this.entries, warnings: this.warnings, links: this.links }
  }
}

const NOWHERE = { line: null, column: null }

/** A required Rich Text field the page left empty (a note with a title only): one empty paragraph, as the web app saves it. */
const EMPTY_DOCUMENT = {
  nodeType: 'document',
  data: {},
  content: [
    { nodeType: 'paragraph', data: {}, content: [{ nodeType: 'text', value: '', marks: [], data: {} }] },
  ],
} as Document

const isNoteKind = (kind: string): kind is (typeof NOTE_KINDS)[number] =>
  (NOTE_KINDS as readonly string[]).includes(kind)

export function desiredArticle(article: Article, ctx: DesiredContext): DesiredArticle {
  const b = new Builder(article, ctx)

  const resolutionIds = article.resolutions.map((resolution, i) => {
    const r = i + 1
    const ids = b.children.resolutions[i]
    const stepIds = resolution.steps.map((step, j) => {
      const s = j + 1
      return b.make(ids?.steps?.[j]?.id as string, 'resolutionStep', {
        name: symbol(`${article.title} — step ${r}.${s}`),
        instruction: b.rich(step.instruction) ?? EMPTY_DOCUMENT,
        images: assetLinks(step.images, ctx.assetIdOf),
      }).id
    })
    return b.make(ids?.id as string, 'resolution', {
      name: symbol(`${article.title} — resolution ${r}`),
      title: resolution.title ? symbol(resolution.title) : null,
      kind: resolutionKind(resolution, i),
      cause: b.rich(resolution.cause),
      intro: b.rich(resolution.intro),
      steps: stepIds.map((s) => link('Entry', s)),
    }).id
  })
  const noteIds = b.notes(article.notes)
  const ctaId = b.cta()
  const symptom = b.rich(article.symptom)
  const condition = b.rich(article.condition)
  const cause = b.rich(article.cause)
  const body = b.rich(article.body)
  const related = b.related()

  return b.top('troubleshootingArticle', {
    title: symbol(article.title),
    slug: article.slug,
    path: article.path,
    description: article.description,
    readingTimeMinutes: readingTime(article),
    appliesTo: article.appliesTo.map(symbol),
    symptom,
    condition,
    cause,
    errorCodes: article.errorCodes.map(symbol),
    resolutions: resolutionIds.map((r) => link('Entry', r)),
    notes: noteIds.map((n) => link('Entry', n)),
    relatedArticles: related,
    relatedLinks: article.related.map(({ title, href }) => ({ title, href })),
    ctaBanner: ctaId ? link('Entry', ctaId) : null,
    body,
    sourcePath: article.sourcePath ?? article.source,
    linkAnchors: b.anchors.length > 0 ? b.anchors : null,
  })
}

/** A general page: its whole text in one body, its notes embedded where they stand (or after it). */
export function desiredPage(article: Article, ctx: DesiredContext): DesiredArticle {
  const b = new Builder(article, ctx)
  const noteIds = b.notes(article.notes)
  const ctaId = b.cta()
  let body = b.rich(article.body, noteIds)
  // A note the body does not place is kept after it: nothing a reader saw is lost.
  const placed = new Set(embeddedEntryIds(article.body))
  const unplaced = noteIds.filter((_, i) => !placed.has(notePlaceholderId(i)))
  if (unplaced.length > 0) {
    const blocks = unplaced.map(
      (n) => ({ nodeType: 'embedded-entry-block', data: { target: link('Entry', n) }, content: [] }) as Block,
    )
    body = {
      nodeType: 'document',
      data: {},
      content: [...(body?.content ?? []), ...blocks],
    } as Document
  }
  const related = b.related()
  const title =
    article.title || (article.path ? ctx.navTitle?.(article.path) : null) || fallbackTitle(article)
  if (!article.title)
    b.warn(
      'sync-no-title',
      `the page has no heading; it is titled "${title}" (from the nav, else the file name)`,
    )

  return b.top('page', {
    title: symbol(title),
    slug: article.slug,
    path: article.path ?? `/${article.slug}/`,
    description: article.description,
    readingTimeMinutes: readingTime(article),
    appliesTo: article.appliesTo.map(symbol),
    body,
    relatedPages: related,
    relatedLinks: article.related.map(({ title, href }) => ({ title, href })),
    ctaBanner: ctaId ? link('Entry', ctaId) : null,
    linkAnchors: b.anchors.length > 0 ? b.anchors : null,
    sourcePath: article.sourcePath ?? article.source,
  })
}

/** A redirect stub: its old URL and where it sends readers, as an entry link when the target is known. */
export function desiredRedirect(article: Article, ctx: DesiredContext): DesiredArticle {
  const b = new Builder(article, ctx)
  const written = article.redirectTo ?? ''
  const place =
    article.path !== null && article.sourcePath !== null
      ? { path: article.path, sourcePath: article.sourcePath }
      : null
  const target = place ? linkTarget(written, place) : null
  const targetPath = target ? target.path + (target.anchor ? `#${target.anchor}` : '') : written
  const found = target ? ctx.resolve(target.path) : null
  if (target && !found)
    b.warn(
      'redirect-target-missing',
      `redirect target ${written} (${target.path}) is neither a page in the space nor in this run; the redirect keeps the path only`,
    )
  return b.top('redirect', {
    from: article.path as string,
    target: found ? link('Entry', found.id) : null,
    targetPath,
    sourcePath: article.sourcePath ?? article.source,
  })
}

/** The URL paths an article's links, related links and redirect target lead to (to look up before planning). */
export function linkedPaths(article: Article): string[] {
  if (article.sourcePath === null || article.path === null) return []
  const place = { sourcePath: article.sourcePath, path: article.path }
  const hrefs = [
    ...(article.links ?? []).map((l) => l.href),
    ...article.related.map((r) => r.href),
    ...(article.redirectTo ? [article.redirectTo] : []),
  ]
  return [...new Set(hrefs.map((h) => linkTarget(h, place)?.path).filter((p): p is string => !!p))]
}

export const TOP_LEVEL: Record<Article['kind'], EntryKind> = {
  troubleshooting: 'troubleshootingArticle',
  other: 'page',
  redirect: 'redirect',
}

function readingTime(article: Article): number | null {
  return article.readingTimeMinutes !== null && article.readingTimeMinutes >= 1
    ? article.readingTimeMinutes
    : null
}

/** A page without a heading: its file name, as MkDocs titles it ("How-to-X.md" → "How to X"). */
function fallbackTitle(article: Article): string {
  const name = (article.sourcePath ?? article.source).split('/').at(-1) ?? ''
  const stem = name.replace(/\.md$/i, '')
  return (
    (stem === 'index' ? ((article.path ?? '/').split('/').filter(Boolean).at(-1) ?? 'Home') : stem)
      .replace(/[-_]+/g, ' ')
      .trim() || 'Untitled'
  )
}

/** Every image the article needs as an asset: content images, step images and the CTA banner's image. */
export function articleImages(article: Article): ImageRef[] {
  const all = [...article.images, ...article.resolutions.flatMap((r) => r.steps.flatMap((s) => s.images))]
  if (article.cta?.image) all.push(article.cta.image)
  return all
}

function ctaFields(cta: CtaBanner, assetIdOf: AssetIdOf): OwnedFields<'ctaBanner'> {
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
