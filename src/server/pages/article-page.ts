// One troubleshooting article as a page: the typed, link-resolved entry (generated types, as the site's code
// gets it from the Delivery API) → HTML. Pure; every text goes through `html` (escaped) or the rich-text
// renderer, and every URL through safeHref or the same-origin image check.
import type {
  TypeCtaBanner,
  TypeNote,
  TypeResolution,
  TypeResolutionStep,
  TypeTroubleshootingArticle,
} from '../../generated/content-types.ts'
import { NOTE_KINDS } from '../../model/article.ts'
import { type Html, html, safeHref } from './html.ts'
import { layout } from './layout.ts'
import { embeddedAssetIds, figure, imageOf, type RichTextContext, richText } from './rich-text.ts'
import { substitute, type Variables } from './variables.ts'

type Resolved<T> = T extends (infer U)[] ? NonNullable<U> : NonNullable<T>
export type Article = TypeTroubleshootingArticle<'WITHOUT_UNRESOLVABLE_LINKS'>
type Resolution = TypeResolution<'WITHOUT_UNRESOLVABLE_LINKS'>
type Step = TypeResolutionStep<'WITHOUT_UNRESOLVABLE_LINKS'>
type Note = TypeNote<'WITHOUT_UNRESOLVABLE_LINKS'>
type Banner = TypeCtaBanner<'WITHOUT_UNRESOLVABLE_LINKS'>

export interface PageOptions {
  vars: Variables
  siteName: string
}

const NOTE_KIND_SET: ReadonlySet<string> = new Set(NOTE_KINDS)

export const articleHref = (slug: unknown) =>
  typeof slug === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) ? `/articles/${slug}` : undefined

/** A class name from content: only known words, so content cannot inject attributes or odd selectors. */
const token = (value: unknown, allowed: (v: string) => boolean, fallback: string) =>
  typeof value === 'string' && allowed(value) ? value : fallback

function section(cls: string, heading: string, body: Html): Html {
  if (body.value === '') return html``
  return html`<section class="${cls}"><h2>${heading}</h2>${body}</section>`
}

function step(s: Step, id: string, rt: RichTextContext): Html {
  const embedded = embeddedAssetIds(s.fields.instruction)
  const extra = (s.fields.images ?? []).filter((a) => a && !embedded.has(a.sys.id))
  return html`<li class="step" id="${id}"><div class="step-body">${richText(s.fields.instruction, rt)}${extra.map(
    (a) => figure(a),
  )}</div></li>`
}

function resolution(r: Resolution, index: number, count: number, rt: RichTextContext): Html {
  const kind = token(r.fields.kind, (k) => ['primary', 'alternative', 'workaround'].includes(k), 'primary')
  const title = r.fields.title
    ? substitute(r.fields.title, rt.vars)
    : count > 1
      ? `Solution ${index + 1}`
      : ''
  const steps = (r.fields.steps ?? []).filter((s): s is Resolved<typeof s> => s !== undefined)
  return html`<section class="resolution kind-${kind}">
${title ? html`<h3>${title}${kind === 'workaround' ? html` <span class="badge">Workaround</span>` : ''}</h3>` : ''}
${r.fields.cause ? html`<div class="resolution-cause">${richText(r.fields.cause, rt)}</div>` : ''}
${richText(r.fields.intro, rt)}
${steps.length ? html`<ol class="steps">${steps.map((s, i) => step(s, `step-${index + 1}-${i + 1}`, rt))}</ol>` : ''}
</section>`
}

function note(n: Note, rt: RichTextContext): Html {
  const kind = token(n.fields.kind, (k) => NOTE_KIND_SET.has(k), 'note')
  return html`<aside class="admonition admonition-${kind}" role="note"><p class="admonition-title">${substitute(
    n.fields.title,
    rt.vars,
  )}</p>${richText(n.fields.body, rt)}</aside>`
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

function banner(b: Banner | undefined, vars: Variables): Html {
  if (!b) return html``
  const href = bannerHref(b, vars)
  const variant = token(b.fields.variant, (v) => /^[a-z0-9-]{1,40}$/.test(v), 'default')
  const img = imageOf(b.fields.image)
  const text = substitute(b.fields.text, vars)
  return html`<aside class="cta cta-${variant}" aria-label="Call to action">
${img ? html`<img class="cta-image" src="${img.src}" alt="">` : ''}
${href ? html`<a class="cta-button" href="${href}" rel="noopener noreferrer">${text}</a>` : html`<p class="cta-text">${text}</p>`}
</aside>`
}

function related(a: Article, vars: Variables): Html {
  const articles = (a.fields.relatedArticles ?? []).filter((r): r is Resolved<typeof r> => r !== undefined)
  // A written link is shown once: skip it when it names (by title or by its path's last segment) a linked article.
  const linked = new Set(articles.flatMap((r) => [r.fields.title, r.fields.slug]))
  const lastSegment = (href: unknown) =>
    typeof href === 'string'
      ? (href.split(/[?#]/)[0] ?? '').split('/').filter(Boolean).pop()?.replace(/\.md$/i, '').toLowerCase()
      : undefined
  const written = Array.isArray(a.fields.relatedLinks)
    ? (a.fields.relatedLinks as { title?: unknown; href?: unknown }[])
    : []
  const items: Html[] = articles.map(
    (r) =>
      html`<li><a href="${articleHref(r.fields.slug) ?? '#'}">${substitute(r.fields.title, vars)}</a></li>`,
  )
  for (const link of written) {
    if (typeof link?.title !== 'string' || linked.has(link.title)) continue
    const segment = lastSegment(link.href)
    if (segment && linked.has(segment)) continue
    const href = safeHref(link.href)
    const title = substitute(link.title, vars)
    items.push(
      href && /^https?:/i.test(href)
        ? html`<li><a href="${href}" rel="noopener noreferrer">${title}</a></li>`
        : html`<li>${title}</li>`,
    )
  }
  if (items.length === 0) return html``
  return html`<nav class="related" aria-label="Related articles"><h2>Related articles</h2><ul>${items}</ul></nav>`
}

export function articleBody(a: Article, opts: PageOptions): Html {
  const vars = opts.vars
  const rt: RichTextContext = { vars, entryHref: (e) => articleHref((e.fields as { slug?: unknown })?.slug) }
  const f = a.fields
  const resolutions = (f.resolutions ?? []).filter((r): r is Resolved<typeof r> => r !== undefined)
  const notes = (f.notes ?? []).filter((n): n is Resolved<typeof n> => n !== undefined)
  const meta = [
    f.readingTimeMinutes ? html`<span class="reading-time">${f.readingTimeMinutes} min read</span>` : '',
    ...(f.appliesTo ?? []).map((p) => html`<span class="badge">${substitute(p, vars)}</span>`),
  ]
  return html`<article class="article">
<h1>${substitute(f.title, vars)}</h1>
${meta.some((m) => m !== '') ? html`<p class="meta">${meta}</p>` : ''}
${f.description ? html`<p class="lead">${substitute(f.description, vars)}</p>` : ''}
${section('symptom', 'Symptom', richText(f.symptom, rt))}
${section('condition', 'When it happens', richText(f.condition, rt))}
${section('cause', 'Cause', richText(f.cause, rt))}
${
  f.errorCodes?.length
    ? html`<p class="error-codes">Error codes: ${f.errorCodes.map((c) => html`<code>${c}</code> `)}</p>`
    : ''
}
${
  resolutions.length
    ? html`<section class="resolutions"><h2>${resolutions.length > 1 ? 'Resolutions' : 'Resolution'}</h2>${resolutions.map(
        (r, i) => resolution(r, i, resolutions.length, rt),
      )}</section>`
    : ''
}
${notes.map((n) => note(n, rt))}
${richText(f.body, rt).value ? html`<section class="more">${richText(f.body, rt)}</section>` : ''}
${related(a, vars)}
${banner(f.ctaBanner, vars)}
</article>`
}

export function articlePage(a: Article, opts: PageOptions): Html {
  return layout({
    title: `${substitute(a.fields.title, opts.vars)} · ${opts.siteName}`,
    siteName: opts.siteName,
    main: articleBody(a, opts),
  })
}
