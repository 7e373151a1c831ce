// What troubleshooting articles and general pages share: the reading-time and platform line, related links,
// the CTA banner, and where an entry link leads (the target's page plus the anchor the link was written with).
import type { TypeCtaBanner } from '../../generated/content-types.ts'
import { type Html, html, isExternalHref, safeHref } from './html.ts'
import { type Image, imageOf, token } from './rich-text.ts'
import { substitute, type Variables } from './variables.ts'

type Json = Record<string, unknown>
type Banner = TypeCtaBanner<'WITHOUT_UNRESOLVABLE_LINKS'>

export interface PageOptions {
  vars: Variables
  siteName: string
  /** An entry id (and the entry, when its link was resolved) → the URL path of its page, if it is one. */
  pathOf: (entryId: string, entry?: Json) => string | undefined
  /** The menu, marked for this page. */
  nav?: Html
}

/** What a page body needs besides the entry: links as written resolved against the page's place. */
export interface BodyOptions extends PageOptions {
  /** Where a hyperlink as written (`Other.md`, `../Other/#a`) lands on this site; undefined keeps it. */
  hyperlinkHref?: (uri: string) => string | undefined
  /** A relative link as written (a related link) → the URL of the page it names here, if there is one. */
  resolveLocal?: (href: string) => string | undefined
  /** Which image an asset may show; default: this server's `/assets/…` images only. */
  image?: (asset: unknown) => Image | undefined
}

interface LinkAnchor {
  entry?: unknown
  text?: unknown
  anchor?: unknown
}

const idOf = (entry: unknown) => (entry as { sys?: { id?: unknown } } | undefined)?.sys?.id

/**
 * Where an entry hyperlink in `top`'s fields leads: the target's page, plus the anchor kept in `top`'s
 * `linkAnchors` (`[{entry, text, anchor}]`, as Contentful allows only `target` in the link's data) for the
 * link with that text; a link to the same page without an anchor has no record there and gets none.
 */
export function entryLinker(
  top: { fields: object },
  pathOf: PageOptions['pathOf'],
  vars: Variables = {},
): (target: Json, text: string) => string | undefined {
  const anchors = (top.fields as { linkAnchors?: unknown }).linkAnchors
  const list = Array.isArray(anchors) ? (anchors as LinkAnchor[]) : []
  return (target, text) => {
    const id = idOf(target)
    if (typeof id !== 'string') return undefined
    const path = pathOf(id, target)
    if (!path) return undefined
    // The text is what the reader sees ({{ variables }} resolved); the record keeps it as written.
    const record = list.find(
      (a) =>
        a?.entry === id &&
        typeof a.anchor === 'string' &&
        a.anchor !== '' &&
        typeof a.text === 'string' &&
        (a.text === text || substitute(a.text, vars) === text),
    )
    return record ? `${path}#${encodeURIComponent(record.anchor as string)}` : path
  }
}

export function metaLine(f: { readingTimeMinutes?: unknown; appliesTo?: unknown }, vars: Variables): Html {
  const parts = [
    typeof f.readingTimeMinutes === 'number' && f.readingTimeMinutes > 0
      ? html`<span class="reading-time">${f.readingTimeMinutes} min read</span>`
      : '',
    ...(Array.isArray(f.appliesTo) ? f.appliesTo : [])
      .filter((p): p is string => typeof p === 'string')
      .map((p) => html`<span class="badge">${substitute(p, vars)}</span>`),
  ]
  return parts.some((m) => m !== '') ? html`<p class="meta">${parts}</p>` : html``
}

/** The banner's link with its UTM fields applied (kept when the url already carries them). */
function bannerHref(b: Banner, vars: Variables): string | undefined {
  const raw = safeHref(substitute(b.fields.url, vars))
  if (!raw || !/^https?:/i.test(raw)) return undefined
  try {
    const url = new URL(raw)
    const utm = {
      utm_source: b.fields.utmSource,
      utm_medium: b.fields.utmMedium,
      utm_campaign: b.fields.utmCampaign,
      utm_content: b.fields.utmContent,
    }
    for (const [k, v] of Object.entries(utm)) if (v && !url.searchParams.has(k)) url.searchParams.set(k, v)
    return url.toString()
  } catch {
    return undefined
  }
}

export function banner(b: Banner | undefined, vars: Variables): Html {
  if (!b?.fields) return html``
  const href = bannerHref(b, vars)
  const variant = token(b.fields.variant, (v) => /^[a-z0-9-]{1,40}$/.test(v), 'default')
  const img = imageOf(b.fields.image)
  const text = substitute(b.fields.text ?? '', vars)
  return html`<aside class="cta cta-${variant}" aria-label="Call to action">
${img ? html`<img class="cta-image" src="${img.src}" alt="">` : ''}
${href ? html`<a class="cta-button" href="${href}" rel="noopener noreferrer">${text}</a>` : html`<p class="cta-text">${text}</p>`}
</aside>`
}

interface Linked {
  sys: { id: string }
  fields: { title?: unknown; slug?: unknown; path?: unknown }
}

/**
 * Related pages: the linked entries, then the links as written that name none of them (by title, or by their
 * path's last segment). A written link to a page of this site (`../Other/`, `Other.md`) is resolved against
 * the page's URL and shown when that page exists; a web address is shown as an external link.
 */
export function related(
  linked: (Linked | undefined)[] | undefined,
  written: unknown,
  opts: BodyOptions,
): Html {
  const { vars } = opts
  const entries = (linked ?? []).filter((r): r is Linked => r !== undefined && !!r.fields)
  const names = new Set<string>()
  for (const r of entries) {
    if (typeof r.fields.title === 'string') names.add(r.fields.title)
    if (typeof r.fields.slug === 'string') names.add(r.fields.slug.split('/').at(-1) ?? r.fields.slug)
  }
  const lastSegment = (href: unknown) =>
    typeof href === 'string'
      ? (href.split(/[?#]/)[0] ?? '').split('/').filter(Boolean).pop()?.replace(/\.md$/i, '').toLowerCase()
      : undefined
  const items: Html[] = []
  for (const r of entries) {
    const href = opts.pathOf(r.sys.id)
    const title = typeof r.fields.title === 'string' ? substitute(r.fields.title, vars) : ''
    items.push(href ? html`<li><a href="${href}">${title}</a></li>` : html`<li>${title}</li>`)
  }
  for (const link of Array.isArray(written) ? (written as { title?: unknown; href?: unknown }[]) : []) {
    if (typeof link?.title !== 'string' || names.has(link.title)) continue
    const segment = lastSegment(link.href)
    if (segment && names.has(segment)) continue
    const href = safeHref(link.href)
    const title = substitute(link.title, vars)
    if (href && /^https?:/i.test(href)) {
      items.push(html`<li><a href="${href}" rel="noopener noreferrer">${title}</a></li>`)
      continue
    }
    const local = href && !isExternalHref(href) ? opts.resolveLocal?.(href) : undefined
    items.push(local ? html`<li><a href="${local}">${title}</a></li>` : html`<li>${title}</li>`)
  }
  if (items.length === 0) return html``
  return html`<nav class="related" aria-label="Related articles"><h2>Related articles</h2><ul>${items}</ul></nav>`
}
