// The generated home page, for a space without a page at `/`: every published page, linking to its URL.
import { type Html, html } from './html.ts'
import { layout } from './layout.ts'
import type { SitePage } from './site-map.ts'
import { substitute, type Variables } from './variables.ts'

export interface ListOptions {
  vars: Variables
  siteName: string
  nav?: Html
}

export function pageList(pages: SitePage[], vars: Variables): Html {
  return html`<ul class="article-list">${pages.map(
    (p) =>
      html`<li><a href="${p.path}">${substitute(p.title, vars)}</a>${
        p.description ? html`<p>${substitute(p.description, vars)}</p>` : ''
      }</li>`,
  )}</ul>`
}

export function indexPage(pages: SitePage[], opts: ListOptions): Html {
  const articles = pages.filter((p) => p.type === 'troubleshootingArticle')
  const others = pages.filter((p) => p.type !== 'troubleshootingArticle')
  const main =
    pages.length === 0
      ? html`<h1>${opts.siteName}</h1><p class="empty">No published articles yet. Run <code>npm run migrate</code>.</p>`
      : html`<h1>${opts.siteName}</h1>
${articles.length ? html`<h2>Troubleshooting articles</h2>${pageList(articles, opts.vars)}` : ''}
${others.length ? html`<h2>Pages</h2>${pageList(others, opts.vars)}` : ''}`
  return layout({
    title: opts.siteName,
    siteName: opts.siteName,
    main,
    ...(opts.nav ? { nav: opts.nav } : {}),
  })
}
