// The search page: a form and, when something was searched, its results (title matches first). No script: the
// form is a plain GET to the same page.
import { type Html, html } from './html.ts'
import type { ListOptions } from './index-page.ts'
import { layout, searchForm } from './layout.ts'
import type { SearchResult } from './search.ts'
import { substitute } from './variables.ts'

export function searchPage(q: string, results: SearchResult[], opts: ListOptions): Html {
  const text = q.trim()
  const items = results.map(
    (r) =>
      html`<li class="${r.inTitle ? 'match-title' : 'match-body'}"><a href="${r.page.path}">${substitute(
        r.page.title,
        opts.vars,
      )}</a>${r.page.description ? html`<p>${substitute(r.page.description, opts.vars)}</p>` : ''}</li>`,
  )
  const summary =
    text === ''
      ? html`<p>Type words to find in the titles and text of every page.</p>`
      : results.length === 0
        ? html`<p class="search-summary">No page matches <strong>${text}</strong>.</p>`
        : html`<p class="search-summary">${results.length} ${results.length === 1 ? 'page matches' : 'pages match'} <strong>${text}</strong>.</p>`
  const main = html`<h1>Search</h1>
${searchForm(text, 'search-page-query')}
${summary}
${items.length ? html`<ol class="search-results">${items}</ol>` : ''}`
  return layout({
    title: `${text ? `${text} · ` : ''}Search · ${opts.siteName}`,
    siteName: opts.siteName,
    main,
    query: text,
    ...(opts.nav ? { nav: opts.nav } : {}),
  })
}
