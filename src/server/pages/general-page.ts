// A general page (how-to, guide, overview, FAQ, release notes, landing page, the home page) → HTML: its title,
// reading time and badges, then its Rich Text body in reading order (headings carry the anchors MkDocs gave
// them, so `Page/#anchor` links from anywhere still land), related pages and the CTA banner. Pure.
import type { TypePage } from '../../generated/content-types.ts'
import { tocAnchor } from '../../markdown/toc-anchor.ts'
import { type Html, html } from './html.ts'
import { layout } from './layout.ts'
import { type BodyOptions, banner, entryLinker, metaLine, related } from './page-parts.ts'
import { type RichTextContext, richText } from './rich-text.ts'
import { substitute } from './variables.ts'

/** A delivered `page` entry with its links resolved, as the site's code gets it (generated types). */
export type GeneralPage = TypePage<'WITHOUT_UNRESOLVABLE_LINKS'>

export function generalPageBody(p: GeneralPage, opts: BodyOptions): Html {
  const { vars } = opts
  const f = p.fields
  const title = substitute(f.title, vars)
  // The title is the page's first heading: its anchor is taken first, as the toc extension takes it.
  const anchors = new Set<string>()
  const titleId = tocAnchor(title, anchors)
  const rt: RichTextContext = {
    vars,
    anchors,
    entryHref: entryLinker(p, opts.pathOf, vars),
    ...(opts.hyperlinkHref ? { hyperlinkHref: opts.hyperlinkHref } : {}),
    ...(opts.image ? { image: opts.image } : {}),
  }
  return html`<article class="page">
<h1 id="${titleId}">${title}</h1>
${metaLine(f, vars)}
${f.description ? html`<p class="lead">${substitute(f.description, vars)}</p>` : ''}
<div class="page-body">${richText(f.body, rt)}</div>
${related(f.relatedPages as Parameters<typeof related>[0], f.relatedLinks, opts)}
${banner(f.ctaBanner, vars)}
</article>`
}

export function generalPage(p: GeneralPage, opts: BodyOptions): Html {
  return layout({
    title: `${substitute(p.fields.title, opts.vars)} · ${opts.siteName}`,
    siteName: opts.siteName,
    main: generalPageBody(p, opts),
    ...(opts.nav ? { nav: opts.nav } : {}),
  })
}
