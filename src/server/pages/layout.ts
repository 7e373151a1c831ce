// The page shell every page shares: one stylesheet from this server, no script at all.
import { type Html, html } from './html.ts'

export const STYLESHEET_PATH = '/site.css'

export function layout(opts: { title: string; siteName: string; main: Html }): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<header class="site-header"><a class="site-name" href="/">${opts.siteName}</a></header>
<main>
${opts.main}
</main>
<footer class="site-footer">Served from the local space by kb-cms</footer>
</body>
</html>
`
}
