// One troubleshooting article as a page: the typed, link-resolved entry (generated types, as the site's code
// gets it from the Delivery API) → HTML, in its structured layout (symptom, cause, resolutions with numbered
// steps). Pure; every text goes through `html` (escaped) or the rich-text renderer, and every URL through
// safeHref or the same-origin image check.
import type {
  TypeResolution,
  TypeResolutionStep,
  TypeTroubleshootingArticle,
} from '../../generated/content-types.ts'
import { tocAnchor } from '../../markdown/toc-anchor.ts'
import { type Html, html } from './html.ts'
import { layout } from './layout.ts'
import { type BodyOptions, banner, entryLinker, metaLine, related } from './page-parts.ts'
import { embeddedAssetIds, figure, noteHtml, type RichTextContext, richText, token } from './rich-text.ts'
import { substitute } from './variables.ts'

type Resolved<T> = T extends (infer U)[] ? NonNullable<U> : NonNullable<T>
export type Article = TypeTroubleshootingArticle<'WITHOUT_UNRESOLVABLE_LINKS'>
type Resolution = TypeResolution<'WITHOUT_UNRESOLVABLE_LINKS'>
type Step = TypeResolutionStep<'WITHOUT_UNRESOLVABLE_LINKS'>

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
  // An authored title was a heading of the page: it keeps the anchor MkDocs gave it, so links into it land.
  const id = r.fields.title && rt.anchors ? tocAnchor(title, rt.anchors) : undefined
  return html`<section class="resolution kind-${kind}">
${title ? html`<h3${id ? html` id="${id}"` : ''}>${title}${kind === 'workaround' ? html` <span class="badge">Workaround</span>` : ''}</h3>` : ''}
${r.fields.cause ? html`<div class="resolution-cause">${richText(r.fields.cause, rt)}</div>` : ''}
${richText(r.fields.intro, rt)}
${steps.length ? html`<ol class="steps">${steps.map((s, i) => step(s, `step-${index + 1}-${i + 1}`, rt))}</ol>` : ''}
</section>`
}

export function articleBody(a: Article, opts: BodyOptions): Html {
  const vars = opts.vars
  // The page's MkDocs anchors, in reading order: the title first, then headings as the layout shows them.
  const anchors = new Set<string>()
  const titleId = tocAnchor(substitute(a.fields.title, vars), anchors)
  const rt: RichTextContext = {
    vars,
    anchors,
    entryHref: entryLinker(a, opts.pathOf, vars),
    ...(opts.hyperlinkHref ? { hyperlinkHref: opts.hyperlinkHref } : {}),
    ...(opts.image ? { image: opts.image } : {}),
  }
  const f = a.fields
  const resolutions = (f.resolutions ?? []).filter((r): r is Resolved<typeof r> => r !== undefined)
  const notes = (f.notes ?? []).filter((n): n is Resolved<typeof n> => n !== undefined)
  const more = richText(f.body, rt)
  return html`<article class="article">
<h1 id="${titleId}">${substitute(f.title, vars)}</h1>
${metaLine(f, vars)}
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
${notes.map((n) => noteHtml(n, rt))}
${more.value ? html`<section class="more">${more}</section>` : ''}
${related(f.relatedArticles as Parameters<typeof related>[0], f.relatedLinks, opts)}
${banner(f.ctaBanner, vars)}
</article>`
}

export function articlePage(a: Article, opts: BodyOptions): Html {
  return layout({
    title: `${substitute(a.fields.title, opts.vars)} · ${opts.siteName}`,
    siteName: opts.siteName,
    main: articleBody(a, opts),
    ...(opts.nav ? { nav: opts.nav } : {}),
  })
}
