// What the marketing site's code looks like for any page of the knowledge base: read the menu (the
// `navigationMenu` entry, whose `pages` links give every menu entry's URL through `include`), read the page at
// a URL path (a general `page`, or a troubleshooting article), and render both, with the official `contentful`
// client and the generated types. Rich Text and the menu go through the built-in pages' renderers
// (src/server/pages/), so links, markup and anchors get the same safety and the same MkDocs ids here.
//
//   KB_CMS_DELIVERY_TOKEN=… npx tsx examples/site-page.ts /articles/How-to-Export-Notes-to-PDF/ [127.0.0.1:8787]
//
// It prints the page's HTML on stdout; see examples/README.md.
import type { Entry } from 'contentful'
import type {
  TypeNavigationMenuSkeleton,
  TypePage,
  TypePageSkeleton,
  TypeTroubleshootingArticleSkeleton,
} from '../src/generated/content-types.ts'
import { generalPageBody } from '../src/server/pages/general-page.ts'
import { escapeHtml } from '../src/server/pages/html.ts'
import { type MenuItem, menuHtml } from '../src/server/pages/menu.ts'
import { type Article, assetImage, deliveryClient, renderArticle } from './article-page.ts'

type Client = ReturnType<typeof deliveryClient>
export type Page = TypePage<'WITHOUT_UNRESOLVABLE_LINKS'>

export interface Menu {
  /** mkdocs.yml's site_name. */
  title: string
  /** The nav tree as stored: `[{ title, path, entry, url, children }]`. */
  items: MenuItem[]
  /** Every page the menu names, by entry id → its URL path (from the `pages` links, resolved by `include: 1`). */
  paths: Map<string, string>
}

/** The site's menu: one entry, its page links resolved in the same request. */
export async function fetchMenu(client: Client): Promise<Menu | undefined> {
  const { items } = await client.getEntries<TypeNavigationMenuSkeleton>({
    content_type: 'navigationMenu',
    include: 1,
    limit: 1,
  })
  const menu = items[0]
  if (!menu) return undefined
  const paths = new Map<string, string>()
  for (const page of menu.fields.pages ?? []) {
    const path = (page?.fields as { path?: unknown } | undefined)?.path
    if (page && typeof path === 'string') paths.set(page.sys.id, path)
  }
  return {
    title: menu.fields.title,
    items: Array.isArray(menu.fields.items) ? (menu.fields.items as MenuItem[]) : [],
    paths,
  }
}

/**
 * The page at a URL path (`/a/B/`): a general page, else a troubleshooting article. Page → note → its image
 * and article → resolution → step → screenshot are three levels of `include`.
 */
export async function fetchPage(
  client: Client,
  path: string,
): Promise<{ kind: 'page'; page: Page } | { kind: 'article'; article: Article } | undefined> {
  const pages = await client.getEntries<TypePageSkeleton>({
    content_type: 'page',
    'fields.path': path,
    include: 3,
    limit: 1,
  })
  if (pages.items[0]) return { kind: 'page', page: pages.items[0] }
  const articles = await client.getEntries<TypeTroubleshootingArticleSkeleton>({
    content_type: 'troubleshootingArticle',
    'fields.path': path,
    include: 3,
    limit: 1,
  })
  return articles.items[0] ? { kind: 'article', article: articles.items[0] } : undefined
}

/** A linked entry's URL: its own `path` when the link was resolved, else the menu's record of it. */
const pathFinder = (menu: Menu | undefined) => (id: string, entry?: Record<string, unknown>) => {
  const path = (entry as Entry | undefined)?.fields?.path
  return typeof path === 'string' ? path : menu?.paths.get(id)
}

/** The page's HTML: the site's title, the menu with this page marked, then the page. */
export function renderSitePage(
  found: NonNullable<Awaited<ReturnType<typeof fetchPage>>>,
  menu: Menu | undefined,
  protocol = 'https:',
): string {
  const current = found.kind === 'page' ? found.page.fields.path : found.article.fields.path
  const pathOf = pathFinder(menu)
  const nav = menu ? menuHtml(menu.items, { vars: {}, pathOf, ...(current ? { current } : {}) }).value : ''
  const main =
    found.kind === 'page'
      ? generalPageBody(found.page, {
          vars: {},
          siteName: menu?.title ?? '',
          pathOf,
          image: assetImage(protocol),
        }).value
      : renderArticle(found.article, protocol)
  return [`<header>${escapeHtml(menu?.title ?? '')}</header>`, nav, `<main>${main}</main>`].join('\n')
}

// Run as a script: fetch and print one page.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, host = process.env.KB_CMS_HOST ?? '127.0.0.1:8787'] = process.argv.slice(2)
  const accessToken = process.env.KB_CMS_DELIVERY_TOKEN
  if (!path || !accessToken) {
    console.error('usage: KB_CMS_DELIVERY_TOKEN=… npx tsx examples/site-page.ts </url/path/> [host:port]')
    process.exit(2)
  }
  const client = deliveryClient({ accessToken, host })
  const [found, menu] = await Promise.all([fetchPage(client, path), fetchMenu(client)])
  if (!found) {
    console.error(`no published page at "${path}"`)
    process.exit(1)
  }
  const local = host.startsWith('127.0.0.1') || host.startsWith('localhost')
  console.log(renderSitePage(found, menu, local ? 'http:' : 'https:'))
}
