// Public pages of the local space: `/` lists the published articles, `/articles/<slug>` renders one, `/site.css`
// styles them, and `/assets/…` serves published asset files. Content is read through the Delivery engine, so a
// page shows exactly what the Delivery API would give the site. No page carries or allows script.
import { existsSync, readFileSync } from 'node:fs'
import { NotFoundError } from '../../backends/port.ts'
import type { EmbeddedSpace } from '../../backends/sqlite/embedded-space.ts'
import { loadVariables } from '../../markdown/load-variables.ts'
import { serveAssetFile } from '../delivery/asset-files.ts'
import { deliver } from '../delivery/engine.ts'
import { snapshotOf } from '../delivery/load-snapshot.ts'
import type { RequestContext } from '../types.ts'
import { type Article, articlePage } from './article-page.ts'
import type { Html } from './html.ts'
import { html } from './html.ts'
import { type ArticleSummary, indexPage } from './index-page.ts'
import { layout, STYLESHEET_PATH } from './layout.ts'
import { resolveResponse } from './resolve-links.ts'
import type { Variables } from './variables.ts'

/** No script from anywhere, images and styles from this server only, no framing, no form posts. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'none'; img-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

const SECURITY_HEADERS = {
  'content-security-policy': PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
}

export interface PagesConfig {
  /** Values for `{{ name }}`; default: the `extra:` block of ./content/mkdocs.yml when it exists. */
  variables?: Variables
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

function send(ctx: RequestContext, status: number, page: Html): true {
  const bytes = Buffer.from(page.value)
  ctx.res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(bytes.length),
    'cache-control': 'no-cache',
    ...SECURITY_HEADERS,
  })
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : bytes)
  return true
}

const ARTICLE_PATH = /^\/articles\/([^/]+)\/?$/

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
  const opts = { vars: variables(), siteName: config.siteName ?? 'Knowledge base' }
  let space: EmbeddedSpace
  try {
    space = ctx.space as EmbeddedSpace
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err
    const main = html`<h1>No content yet</h1><p>The local space has no environment yet: run <code>npm run migrate</code>.</p>`
    return send(ctx, 503, layout({ title: opts.siteName, siteName: opts.siteName, main }))
  }
  if (path.startsWith('/assets/')) return serveAssetFile(ctx, space)
  const snapshot = snapshotOf(space, ctx.env)
  // Same-origin asset paths: the CSP allows images from this server only, under whichever name it was reached.
  const query = (params: Record<string, string>) =>
    deliver(snapshot, '/entries', new URLSearchParams(params), { assetOrigin: '' }) as Record<string, unknown>

  if (path === '/' || path === '/articles' || path === '/articles/') {
    const body = query({
      content_type: 'troubleshootingArticle',
      select: 'fields.title,fields.slug,fields.description',
      order: 'fields.title',
      limit: '1000',
      include: '0',
    })
    const items = (body.items as { fields: ArticleSummary }[]).map((i) => i.fields)
    return send(ctx, 200, indexPage(items, opts))
  }
  const m = ARTICLE_PATH.exec(path)
  if (!m) return false
  const slug = decodeURIComponent(m[1] as string)
  // article → resolution → step → screenshot: three levels of links.
  const body = query({
    content_type: 'troubleshootingArticle',
    'fields.slug': slug,
    include: '3',
    limit: '1',
  })
  const [article] = resolveResponse<Article>(body)
  if (!article) {
    const main = html`<h1>Article not found</h1><p>No published article has the slug <code>${slug}</code>.</p><p><a href="/">All articles</a></p>`
    return send(ctx, 404, layout({ title: `Not found · ${opts.siteName}`, siteName: opts.siteName, main }))
  }
  return send(ctx, 200, articlePage(article, opts))
}
