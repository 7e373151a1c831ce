// The page shell every page shares: the site's title and a search form in the header, the menu beside the
// content, one stylesheet from this server, no script at all.
import { type Html, html } from './html.ts'

export const STYLESHEET_PATH = '/site.css'
export const SEARCH_PATH = '/search/'

export interface LayoutOptions {
  /** The document title (the tab's text). */
  title: string
  /** The site's name (mkdocs.yml's site_name, from the menu entry), shown in the header. */
  siteName: string
  main: Html
  /** The menu, already marked for this page. */
  nav?: Html
  /** The search box's text (the search page shows what was searched). */
  query?: string
}

export function searchForm(query = '', id = 'site-search'): Html {
  return html`<form class="search" action="${SEARCH_PATH}" method="get" role="search"><label for="${id}" class="visually-hidden">Search</label><input type="search" id="${id}" name="q" value="${query}" placeholder="Search"><button type="submit">Search</button></form>`
}

export function layout(opts: LayoutOptions): Html {
  const nav = opts.nav && opts.nav.value !== '' ? opts.nav : undefined
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<header class="site-header"><a class="site-name" href="/">${opts.siteName}</a>${searchForm(opts.query ?? '')}</header>
<div class="site${nav ? ' with-nav' : ''}">
${nav ?? ''}
<main>
${opts.main}
</main>
</div>
<footer class="site-footer">Served from the local space by kb-cms</footer>
</body>
</html>
`
}
