// The list of published articles, linking to their pages.
import { articleHref } from './article-page.ts'
import { type Html, html } from './html.ts'
import { layout } from './layout.ts'
import { substitute, type Variables } from './variables.ts'

export interface ArticleSummary {
  title: string
  slug: string
  description?: string
}

export function indexPage(articles: ArticleSummary[], opts: { vars: Variables; siteName: string }): Html {
  const items = articles.map((a) => {
    const href = articleHref(a.slug)
    const title = substitute(a.title, opts.vars)
    return html`<li>${href ? html`<a href="${href}">${title}</a>` : title}${
      a.description ? html`<p>${substitute(a.description, opts.vars)}</p>` : ''
    }</li>`
  })
  const main = html`<h1>Troubleshooting articles</h1>
${items.length ? html`<ul class="article-list">${items}</ul>` : html`<p class="empty">No published articles yet. Run <code>npm run migrate</code>.</p>`}`
  return layout({ title: opts.siteName, siteName: opts.siteName, main })
}
