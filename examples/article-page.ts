// What the marketing site's code looks like: fetch one article by slug over the Delivery API with the official
// `contentful` client, typed with the generated types, and render it to HTML. The same code reads Contentful
// (default host) or the local space of `npm run serve` (host 127.0.0.1:PORT, insecure).
//
//   KB_CMS_DELIVERY_TOKEN=… npx tsx examples/article-page.ts articles/attachments-fail-to-upload [127.0.0.1:8787]
//
// It prints the page's HTML on stdout; see examples/README.md. Rich Text goes through the same renderer as the
// built-in pages (src/server/pages/rich-text.ts), so what an editor writes gets the same link and markup
// safety here: a `javascript:` link is dropped, a link to another host (also `//host/…`) is marked external.
import type { Document } from '@contentful/rich-text-types'
import { type Asset, createClient } from 'contentful'
import type {
  TypeTroubleshootingArticle,
  TypeTroubleshootingArticleSkeleton,
} from '../src/generated/content-types.ts'
import { escapeHtml, safeHref } from '../src/server/pages/html.ts'
import { type Image, imageText, richText } from '../src/server/pages/rich-text.ts'

export interface DeliveryConfig {
  accessToken: string
  /** `127.0.0.1:8787` for the local space; omit for Contentful's CDN. */
  host?: string
  space?: string
  environment?: string
}

export function deliveryClient(config: DeliveryConfig) {
  const local = config.host?.startsWith('127.0.0.1') || config.host?.startsWith('localhost')
  return createClient({
    space: config.space ?? 'local',
    environment: config.environment ?? 'master',
    accessToken: config.accessToken,
    ...(config.host ? { host: config.host } : {}),
    // The local space speaks plain HTTP on loopback; Contentful is always HTTPS.
    ...(local ? { insecure: true } : {}),
  }).withoutUnresolvableLinks
}

export type Article = TypeTroubleshootingArticle<'WITHOUT_UNRESOLVABLE_LINKS'>

/** One article with everything the page shows: article → resolutions → steps → screenshots is three levels. */
export async function fetchArticle(client: ReturnType<typeof deliveryClient>, slug: string) {
  const { items } = await client.getEntries<TypeTroubleshootingArticleSkeleton>({
    content_type: 'troubleshootingArticle',
    'fields.slug': slug,
    include: 3,
    limit: 1,
  })
  return items[0]
}

/**
 * The site's image rule: an image asset served by the CMS. Asset urls are protocol-relative
 * (`//images.ctfassets.net/…`, `//127.0.0.1:8787/assets/…`); the page's protocol goes in front.
 */
export function assetImage(protocol: string) {
  return (asset: unknown): Image | undefined => {
    const file = (asset as Asset<'WITHOUT_UNRESOLVABLE_LINKS'> | undefined)?.fields?.file
    const url = file?.url
    if (typeof url !== 'string' || !url.startsWith('//') || !file?.contentType?.startsWith('image/'))
      return undefined
    return { src: `${protocol}${url}`, ...imageText(asset as Parameters<typeof imageText>[0]) }
  }
}

export function renderArticle(article: Article, protocol = 'https:'): string {
  const f = article.fields
  const image = assetImage(protocol)
  const img = (asset: unknown) => {
    const i = image(asset)
    return i ? `<img src="${escapeHtml(i.src)}" alt="${escapeHtml(i.alt)}">` : ''
  }
  // Rich text: text escaped, links checked, screenshots embedded in a step as images; `{{ name }}` left as is.
  const rich = (doc: Document | undefined) => richText(doc, { vars: {}, image }).value
  const resolutions = (f.resolutions ?? []).map((r) => {
    const steps = (r?.fields.steps ?? []).map(
      (s) =>
        `<li class="step">${rich(s?.fields.instruction)}${(s?.fields.images ?? []).map(img).join('')}</li>`,
    )
    return `<section>${r?.fields.title ? `<h3>${escapeHtml(r.fields.title)}</h3>` : ''}${rich(r?.fields.intro)}<ol>${steps.join('')}</ol></section>`
  })
  const banner = f.ctaBanner
  const bannerUrl = safeHref(banner?.fields.url)
  return [
    `<h1>${escapeHtml(f.title)}</h1>`,
    rich(f.symptom),
    rich(f.cause),
    ...resolutions,
    banner && bannerUrl && /^https?:/.test(bannerUrl)
      ? `<p class="cta">${img(banner.fields.image)}<a href="${escapeHtml(bannerUrl)}">${escapeHtml(banner.fields.text)}</a></p>`
      : '',
  ].join('\n')
}

// Run as a script: fetch and print one article.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [slug, host = process.env.KB_CMS_HOST ?? '127.0.0.1:8787'] = process.argv.slice(2)
  const accessToken = process.env.KB_CMS_DELIVERY_TOKEN
  if (!slug || !accessToken) {
    console.error('usage: KB_CMS_DELIVERY_TOKEN=… npx tsx examples/article-page.ts <slug> [host:port]')
    process.exit(2)
  }
  const article = await fetchArticle(deliveryClient({ accessToken, host }), slug)
  if (!article) {
    console.error(`no published article with slug "${slug}"`)
    process.exit(1)
  }
  console.log(
    renderArticle(article, host.startsWith('127.0.0.1') || host.startsWith('localhost') ? 'http:' : 'https:'),
  )
}
