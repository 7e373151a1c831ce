// The 404 page: says what was asked for, and offers the search and the home page (the menu is beside it).
import { type Html, html } from './html.ts'
import type { ListOptions } from './index-page.ts'
import { layout, searchForm } from './layout.ts'

export function notFoundPage(path: string, opts: ListOptions): Html {
  const main = html`<h1>Page not found</h1>
<p>No page is published at <code>${path}</code>. It may have moved: search for it, or start from <a href="/">the home page</a>.</p>
${searchForm('', 'not-found-query')}`
  return layout({
    title: `Not found · ${opts.siteName}`,
    siteName: opts.siteName,
    main,
    ...(opts.nav ? { nav: opts.nav } : {}),
  })
}
