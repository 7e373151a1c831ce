// Rich Text → HTML with Contentful's renderer, which escapes text itself. Our node renderers only decide what
// links and embeds may become: unsafe link schemes lose their link, embedded assets become same-origin images,
// and `{{ variables }}` are resolved before rendering.
import { documentToHtmlString, type Options } from '@contentful/rich-text-html-renderer'
import { BLOCKS, type Document, INLINES } from '@contentful/rich-text-types'
import { escapeHtml, type Html, html, safeHref, trusted } from './html.ts'
import { substituteDocument, type Variables } from './variables.ts'

type Json = Record<string, unknown>

export interface DeliveredAsset {
  sys: { id: string }
  fields: {
    title?: string
    description?: string
    file?: { url?: string; contentType?: string; details?: Json }
  }
}

/** An image only when the asset is an image served by this site (`/assets/…`); the CSP allows nothing else. */
export function imageOf(
  asset: unknown,
): { src: string; alt: string; width?: number; height?: number } | undefined {
  const a = asset as DeliveredAsset | undefined
  const file = a?.fields?.file
  const url = file?.url
  if (!url || !file.contentType?.startsWith('image/')) return undefined
  const path = url.replace(/^(?:https?:)?\/\/[^/]+/, '')
  if (!path.startsWith('/assets/')) return undefined
  const size = (file.details?.image ?? {}) as { width?: number; height?: number }
  return {
    src: path,
    alt: a?.fields.description || a?.fields.title || '',
    ...(size.width ? { width: size.width } : {}),
    ...(size.height ? { height: size.height } : {}),
  }
}

export function figure(asset: unknown): Html {
  const img = imageOf(asset)
  if (!img) return html``
  return html`<figure class="screenshot"><img src="${img.src}" alt="${img.alt}" ${
    img.width ? html`width="${img.width}" height="${img.height ?? ''}"` : ''
  } loading="lazy"></figure>`
}

function options(entryHref: (entry: Json) => string | undefined): Options {
  return {
    renderNode: {
      [INLINES.HYPERLINK]: (node, next) => {
        const href = safeHref(node.data.uri)
        const inner = next(node.content)
        if (href === undefined) return `<span class="dropped-link">${inner}</span>`
        const external = /^https?:/i.test(href)
        return `<a href="${escapeHtml(href)}"${external ? ' rel="noopener noreferrer"' : ''}>${inner}</a>`
      },
      [INLINES.ENTRY_HYPERLINK]: (node, next) => {
        const href = entryHref(node.data.target as Json)
        const inner = next(node.content)
        return href ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner
      },
      [INLINES.ASSET_HYPERLINK]: (node, next) => {
        const img = imageOf(node.data.target)
        const inner = next(node.content)
        return img ? `<a href="${escapeHtml(img.src)}">${inner}</a>` : inner
      },
      [BLOCKS.EMBEDDED_ASSET]: (node) => figure(node.data.target).value,
      // Embedded entries have no agreed presentation yet: show nothing rather than a debug string.
      [BLOCKS.EMBEDDED_ENTRY]: () => '',
      [INLINES.EMBEDDED_ENTRY]: () => '',
      [BLOCKS.EMBEDDED_RESOURCE]: () => '',
      [INLINES.EMBEDDED_RESOURCE]: () => '',
      [INLINES.RESOURCE_HYPERLINK]: (node, next) => next(node.content),
    },
  }
}

export interface RichTextContext {
  vars: Variables
  /** Where a linked entry lives on the site, if anywhere. */
  entryHref?: (entry: Json) => string | undefined
}

export function richText(doc: Document | undefined, ctx: RichTextContext): Html {
  if (doc?.nodeType !== 'document') return html``
  return trusted(
    documentToHtmlString(substituteDocument(doc, ctx.vars), options(ctx.entryHref ?? (() => undefined))),
  )
}

/** Asset ids embedded in a document, so the images field does not show a screenshot twice. */
export function embeddedAssetIds(doc: Document | undefined): Set<string> {
  const ids = new Set<string>()
  const walk = (n: unknown) => {
    const node = n as {
      nodeType?: string
      data?: { target?: { sys?: { id?: string } } }
      content?: unknown[]
    }
    if (node?.nodeType === BLOCKS.EMBEDDED_ASSET && node.data?.target?.sys?.id)
      ids.add(node.data.target.sys.id)
    for (const c of node?.content ?? []) walk(c)
  }
  walk(doc)
  return ids
}
