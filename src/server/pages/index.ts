// Public pages of the local space, at the URLs the MkDocs site used: a page's `path` (`/a/B/`) renders it (a
// troubleshooting article in its structured layout, any other page by its body), its old spellings (no
// trailing slash, `.md`, another letter case, earlier versions' `/articles/<slug>`) and redirect entries'
// `from` URLs answer 301 to it, `/search/` searches, anything else is a 404 page. `/site.css` styles them and
// `/assets/…` serves published asset files. Content is read through the Delivery engine, so a page shows
// exactly what the Delivery API would give the site. No page carries or allows script.
import { existsSync, readFileSync } from 'node:fs'
import { NotFoundError } from '../../backends/port.ts'
import type { EmbeddedSpace } from '../../backends/sqlite/embedded-space.ts'
import { loadVariables } from '../../markdown/load-variables.ts'
import { serveAssetFile } from '../delivery/asset-files.ts'
import { deliver } from '../delivery/engine.ts'
import { snapshotOf } from '../delivery/load-snapshot.ts'
import type { RequestContext } from '../types.ts'
import { type Article, articlePage } from './article-page.ts'
import { type GeneralPage, generalPage } from './general-page.ts'
import { type Html, html, isExternalHref } from './html.ts'
import { indexPage, type ListOptions } from './index-page.ts'
import { layout, STYLESHEET_PATH } from './layout.ts'
import { resolveRelative } from './local-links.ts'
import { menuHtml } from './menu.ts'
import { notFoundPage } from './not-found-page.ts'
import type { BodyOptions } from './page-parts.ts'
import { resolveResponse } from './resolve-links.ts'
import { searchSite } from './search.ts'
import { searchPage } from './search-page.ts'
import { type EntriesQuery, route, type SiteMap, type SitePage, siteMapOf } from './site-map.ts'
import type { Variables } from './variables.ts'

/** No script from anywhere, images and styles from this server only, no framing; forms only to this server (search). */
export const PAGE_CSP =
  "default-src 'self'; script-src 'none'; img-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

const SECURITY_HEADERS = {
  'content-security-policy': PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
}

export interface PagesConfig {
  /** Values for `{{ name }}`; default: the `extra:` block of ./content/mkdocs.yml when it exists. */
  variables?: Variables
  /** The header's title when the space has no menu entry (whose title is mkdocs.yml's site_name). */
  siteName?: string
}

let config: PagesConfig = {}
let defaultVariables: Variables | undefined

/** Set by `serve` (e.g. from `--vars <file>`); pages read it per request. */
export function configurePages(next: PagesConfig): void {
  config = next
}

function variables(): Variables {
  if (config.variables) return config.variables
  defaultVariables ??= existsSync('content/mkdocs.yml') ? loadVariables('content/mkdocs.yml') : {}
  return defaultVariables
}

const stylesheet = readFileSync(new URL('./site.css', import.meta.url))

function send(ctx: RequestContext, status: number, page: Html, headers: Record<string, string> = {}): true {
  const bytes = Buffer.from(page.value)
  ctx.res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(bytes.length),
    'cache-control': 'no-cache',
    ...SECURITY_HEADERS,
    ...headers,
  })
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : bytes)
  return true
}

/** A Location header value: a path on this site percent-encoded as a URL needs it; a web address as it is. */
const locationHeader = (location: string) => (isExternalHref(location) ? location : encodeURI(location))

function moved(ctx: RequestContext, location: string, siteName: string): true {
  const href = locationHeader(location)
  const main = html`<h1>Moved</h1><p>This page is now at <a href="${href}">${location}</a>.</p>`
  return send(ctx, 301, layout({ title: `Moved · ${siteName}`, siteName, main }), { location: href })
}

/**
 * The site-relative target of a link as written on `page`: where the page (or the move) it names is. With
 * `always`, a link to a page that is not here still gets the URL MkDocs would have given it (`Other.md` from
 * `/a/X/` is `/a/Other/`, not the browser's `/a/X/Other.md`), so it works once that page is published.
 */
function localLinker(map: SiteMap, page: { path: string; sourcePath?: unknown }, always = false) {
  const place = {
    path: page.path,
    ...(typeof page.sourcePath === 'string' ? { sourcePath: page.sourcePath } : {}),
  }
  return (href: string): string | undefined => {
    const target = resolveRelative(href, place)
    if (!target) return undefined
    const hashAt = target.indexOf('#')
    const path = hashAt < 0 ? target : target.slice(0, hashAt)
    const hash = hashAt < 0 ? '' : target.slice(hashAt)
    const r = route(map, path)
    if (r.kind === 'page' || r.kind === 'home') return encodeURI(path) + hash
    if (r.kind === 'moved') return locationHeader(r.location) + (r.location.includes('#') ? '' : hash)
    return always ? encodeURI(path) + hash : undefined
  }
}

function renderPage(query: EntriesQuery, map: SiteMap, page: SitePage, opts: BodyOptions): Html | undefined {
  // Page → note → its image, article → resolution → step → screenshot: three levels of links.
  const body = query({ content_type: page.type, 'sys.id': page.id, include: '3', limit: '1' })
  if (page.type === 'troubleshootingArticle') {
    const [article] = resolveResponse<Article>(body)
    if (!article) return undefined
    const place = { path: page.path, sourcePath: article.fields.sourcePath }
    return articlePage(article, {
      ...opts,
      hyperlinkHref: localLinker(map, place, true),
      resolveLocal: localLinker(map, place),
    })
  }
  const [general] = resolveResponse<GeneralPage>(body)
  if (!general) return undefined
  const place = { path: page.path, sourcePath: general.fields.sourcePath }
  return generalPage(general, {
    ...opts,
    hyperlinkHref: localLinker(map, place, true),
    resolveLocal: localLinker(map, place),
  })
}

export async function handlePages(ctx: RequestContext): Promise<boolean> {
  if (ctx.req.method !== 'GET' && ctx.req.method !== 'HEAD') return false
  const path = ctx.url.pathname
  if (path === STYLESHEET_PATH) {
    ctx.res.writeHead(200, {
      'content-type': 'text/css; charset=utf-8',
      'content-length': String(stylesheet.length),
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    })
    ctx.res.end(ctx.req.method === 'HEAD' ? undefined : stylesheet)
    return true
  }
  if (path === '/favicon.ico') {
    // Browsers ask for it on every page; an empty answer keeps their consoles free of 404s.
    ctx.res.writeHead(204, { 'cache-control': 'public, max-age=86400' })
    ctx.res.end()
    return true
  }
  const vars = variables()
  let space: EmbeddedSpace
  try {
    space = ctx.space as EmbeddedSpace
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err
    const siteName = config.siteName ?? 'Knowledge base'
    const main = html`<h1>No content yet</h1><p>The local space has no environment yet: run <code>npm run migrate</code>.</p>`
    return send(ctx, 503, layout({ title: siteName, siteName, main }))
  }
  if (path.startsWith('/assets/')) return serveAssetFile(ctx, space)
  const snapshot = snapshotOf(space, ctx.env)
  // Same-origin asset paths: the CSP allows images from this server only, under whichever name it was reached.
  const query: EntriesQuery = (params) =>
    deliver(snapshot, '/entries', new URLSearchParams(params), { assetOrigin: '' }) as Record<string, unknown>
  const map = siteMapOf(snapshot, query)
  const siteName = map.menu.title ?? config.siteName ?? 'Knowledge base'
  const pathOf = (id: string) => map.byId.get(id)?.path
  const nav = (current?: string) =>
    menuHtml(map.menu.items, { vars, pathOf, ...(current ? { current } : {}) })
  const list: ListOptions = { vars, siteName }

  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return send(ctx, 404, notFoundPage(path, { ...list, nav: nav() }))
  }
  const r = route(map, decoded)
  switch (r.kind) {
    case 'moved':
      return moved(ctx, r.location, siteName)
    case 'page': {
      const page = renderPage(query, map, r.page, { vars, siteName, pathOf, nav: nav(r.page.path) })
      if (page) return send(ctx, 200, page)
      return send(ctx, 404, notFoundPage(decoded, { ...list, nav: nav() }))
    }
    case 'home':
      return send(ctx, 200, indexPage(map.pages, { ...list, nav: nav('/') }))
    case 'search': {
      // Bounded: a query string is not a way to make every request scan the space with a megabyte of terms.
      const q = (ctx.url.searchParams.get('q') ?? '').slice(0, 200)
      return send(ctx, 200, searchPage(q, searchSite(query, map, q, vars), { ...list, nav: nav() }))
    }
    case 'not-found':
      return send(ctx, 404, notFoundPage(decoded, { ...list, nav: nav() }))
  }
}
