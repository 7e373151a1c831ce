// Rich Text → HTML with Contentful's renderer, which escapes text itself. Our node renderers decide what links
// and embeds may become: unsafe link schemes lose their link, links to other hosts (protocol-relative ones too)
// are marked external, embedded assets become images only through the caller's `image` rule, embedded notes
// become admonition boxes (collapsible ones a `<details>`), headings get MkDocs' anchors, and `{{ variables }}`
// are resolved before rendering. The built-in pages and the site code in examples/ both render through here,
// so an editor's `javascript:` link is dropped on both.
import { documentToHtmlString, type Options } from '@contentful/rich-text-html-renderer'
import {
  BLOCKS,
  type Block,
  type Document,
  INLINES,
  type Inline,
  type Text,
} from '@contentful/rich-text-types'
import { tocAnchor } from '../../markdown/toc-anchor.ts'
import { NOTE_KINDS } from '../../model/article.ts'
import { escapeHtml, type Html, html, linkHtml, trusted } from './html.ts'
import { substitute, substituteDocument, type Variables } from './variables.ts'

type Json = Record<string, unknown>

export interface DeliveredAsset {
  sys: { id: string }
  fields: {
    title?: string
    description?: string
    file?: { url?: string; contentType?: string; details?: Json }
  }
}

export interface Image {
  src: string
  alt: string
  width?: number
  height?: number
}

/** An image only when the asset is an image served by this site (`/assets/…`); the CSP allows nothing else. */
export function imageOf(asset: unknown): Image | undefined {
  const a = asset as DeliveredAsset | undefined
  const file = a?.fields?.file
  const url = file?.url
  if (!url || !file.contentType?.startsWith('image/')) return undefined
  const path = url.replace(/^(?:https?:)?\/\/[^/]+/, '')
  if (!path.startsWith('/assets/')) return undefined
  return { src: path, ...imageText(a) }
}

/** Alt text and size of an image asset, whoever decides its src. */
export function imageText(a: DeliveredAsset | undefined): Omit<Image, 'src'> {
  const size = (a?.fields?.file?.details?.image ?? {}) as { width?: unknown; height?: unknown }
  return {
    alt: a?.fields?.description || a?.fields?.title || '',
    ...(typeof size.width === 'number' ? { width: size.width } : {}),
    ...(typeof size.height === 'number' ? { height: size.height } : {}),
  }
}

export function figureOf(img: Image | undefined): Html {
  if (!img) return html``
  return html`<figure class="screenshot"><img src="${img.src}" alt="${img.alt}" ${
    img.width ? html`width="${img.width}" height="${img.height ?? ''}"` : ''
  } loading="lazy"></figure>`
}

export function figure(asset: unknown): Html {
  return figureOf(imageOf(asset))
}

export interface RichTextContext {
  vars: Variables
  /** Which image an asset may show, if any; default: same-origin `/assets/…` images only (`imageOf`). */
  image?: (asset: unknown) => Image | undefined
  /** Where a linked entry (resolved, or still a link when it was not included) lives, if anywhere. */
  entryHref?: (entry: Json, linkText: string) => string | undefined
  /** Where a hyperlink as written (`Other.md`, `../Other/#a`) lands on this site; undefined keeps it as written. */
  hyperlinkHref?: (uri: string) => string | undefined
  /**
   * The page's heading anchors so far: when given, every heading gets its MkDocs id (`tocAnchor`, unique
   * within the set). Share one set across a page's fields so duplicates count as MkDocs counts them.
   */
  anchors?: Set<string>
}

const NOTE_KIND_SET: ReadonlySet<string> = new Set(NOTE_KINDS)
const HEADINGS = [
  BLOCKS.HEADING_1,
  BLOCKS.HEADING_2,
  BLOCKS.HEADING_3,
  BLOCKS.HEADING_4,
  BLOCKS.HEADING_5,
  BLOCKS.HEADING_6,
] as const

/** The text a reader sees in a node (marks and links dropped). */
export function plainText(node: unknown): string {
  const n = node as { nodeType?: string; value?: unknown; content?: unknown[] } | null
  if (!n || typeof n !== 'object') return ''
  if (n.nodeType === 'text') return typeof n.value === 'string' ? n.value : ''
  return (n.content ?? []).map(plainText).join('')
}

/** A class name from content: only known words, so content cannot inject attributes or odd selectors. */
export const token = (value: unknown, allowed: (v: string) => boolean, fallback: string) =>
  typeof value === 'string' && allowed(value) ? value : fallback

/** A `note` entry as an admonition box; a collapsible one (`???`, `<details>`) as a disclosure. */
export function noteHtml(entry: unknown, ctx: RichTextContext): Html {
  const n = entry as { fields?: { kind?: unknown; title?: unknown; body?: unknown; collapsible?: unknown } }
  const f = n?.fields
  if (!f) return html``
  const kind = token(f.kind, (k) => NOTE_KIND_SET.has(k), 'note')
  const title = typeof f.title === 'string' ? substitute(f.title, ctx.vars) : ''
  const body = richText(f.body as Document | undefined, ctx)
  if (f.collapsible === true)
    return html`<details class="admonition admonition-${kind}"><summary class="admonition-title">${title}</summary>${body}</details>`
  return html`<aside class="admonition admonition-${kind}" role="note"><p class="admonition-title">${title}</p>${body}</aside>`
}

const isCodeText = (n: Block | Inline | Text): n is Text =>
  n.nodeType === 'text' && n.marks.some((m) => m.type === 'code')

/** A paragraph that is only code-marked text over several lines is a code block (the parser's form of one). */
function codeBlock(node: Block | Inline): string | undefined {
  if (node.content.length === 0 || !node.content.every(isCodeText)) return undefined
  const lines = (node.content as Text[]).map((t) => t.value)
  const multiline = lines.some((l) => l.includes('\n'))
  if (!multiline && lines.length < 2) return undefined
  return multiline ? lines.join('') : lines.join('\n')
}

function options(ctx: RichTextContext): Options {
  const image = ctx.image ?? imageOf
  const entryHref = ctx.entryHref ?? (() => undefined)
  const headings = Object.fromEntries(
    HEADINGS.map((type, i) => [
      type,
      (node: Block | Inline, next: (nodes: (Block | Inline | Text)[]) => string) => {
        const id = ctx.anchors ? tocAnchor(plainText(node), ctx.anchors) : undefined
        const tag = `h${i + 1}`
        return `<${tag}${id ? ` id="${escapeHtml(id)}"` : ''}>${next(node.content)}</${tag}>`
      },
    ]),
  )
  return {
    renderNode: {
      ...headings,
      [BLOCKS.PARAGRAPH]: (node, next) => {
        const code = codeBlock(node)
        return code === undefined
          ? `<p>${next(node.content)}</p>`
          : `<pre><code>${escapeHtml(code)}</code></pre>`
      },
      [INLINES.HYPERLINK]: (node, next) => {
        const uri = node.data.uri
        const href = typeof uri === 'string' ? (ctx.hyperlinkHref?.(uri) ?? uri) : uri
        return linkHtml(href, trusted(next(node.content))).value
      },
      [INLINES.ENTRY_HYPERLINK]: (node, next) => {
        const inner = next(node.content)
        const href = entryHref(node.data.target as Json, plainText(node))
        return href ? linkHtml(href, trusted(inner)).value : inner
      },
      [INLINES.ASSET_HYPERLINK]: (node, next) => {
        const img = image(node.data.target)
        const inner = next(node.content)
        return img ? linkHtml(img.src, trusted(inner)).value : inner
      },
      [BLOCKS.EMBEDDED_ASSET]: (node) => figureOf(image(node.data.target)).value,
      // Notes are the only entries a body embeds; anything else has no presentation: show nothing.
      [BLOCKS.EMBEDDED_ENTRY]: (node) => {
        const target = node.data.target as { sys?: { contentType?: { sys?: { id?: string } } } }
        return target?.sys?.contentType?.sys?.id === 'note' ? noteHtml(target, ctx).value : ''
      },
      [INLINES.EMBEDDED_ENTRY]: () => '',
      [BLOCKS.EMBEDDED_RESOURCE]: () => '',
      [INLINES.EMBEDDED_RESOURCE]: () => '',
      [INLINES.RESOURCE_HYPERLINK]: (node, next) => next(node.content),
    },
  }
}

export function richText(doc: Document | undefined, ctx: RichTextContext): Html {
  if (doc?.nodeType !== 'document') return html``
  return trusted(documentToHtmlString(substituteDocument(doc, ctx.vars), options(ctx)))
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
