// Rich text from the parser carries placeholders the space cannot hold: images as embedded-asset-blocks whose
// link id names the image's index in Article.images (`kb-image-<n>`, src/markdown/rich-text.ts), notes of a page
// as embedded-entry-blocks naming their index in Article.notes (`kb-note-<n>`), and links between pages as
// plain hyperlinks. Here they become links to real assets, note entries and entry hyperlinks. An image whose
// asset could not be made (missing file) is dropped: the run reports it.
import type { Block, Document, Inline, Text } from '@contentful/rich-text-types'
import { imagePlaceholderId } from '../markdown/rich-text.ts'
import type { ImageRef, RichText } from '../model/article.ts'
import { link } from '../model/contentful-types.ts'

export type AssetIdOf = (ref: ImageRef) => string | null

type Node = Block | Inline | Text

export interface RichTextRefs {
  /** Image placeholder → asset id (null: leave the image out, or put `imageFallback` in its place). */
  assetOf: (placeholder: string) => string | null
  /** What stands in for an image that has no asset (a link to an image on another site), or null. */
  imageFallback?: (placeholder: string) => Block | null
  /** Note placeholder → note entry id (null: leave the block out). */
  noteOf?: (placeholder: string) => string | null
  /** A hyperlink's uri and text → the entry it should link to instead, or null to keep it as written. */
  entryOf?: (uri: string, text: string) => string | null
}

/** Maps each placeholder id of the article's images to the asset id it became (or null). */
export function placeholderResolver(
  images: ImageRef[],
  assetIdOf: AssetIdOf,
): (placeholder: string) => string | null {
  const byPlaceholder = new Map(images.map((ref, i) => [imagePlaceholderId(i), ref]))
  return (placeholder) => {
    const ref = byPlaceholder.get(placeholder)
    return ref ? assetIdOf(ref) : null
  }
}

export function linkRichTextAssets(doc: RichText, assetOf: (placeholder: string) => string | null): RichText {
  return linkRichText(doc, { assetOf })
}

export function linkRichText(doc: RichText, refs: RichTextRefs): RichText {
  return { ...doc, content: mapChildren(doc.content as Node[], refs) as Document['content'] }
}

/** The placeholder ids of the embedded entries of a document, in order (to tell which notes it places). */
export function embeddedEntryIds(doc: RichText | null): string[] {
  const ids: string[] = []
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.nodeType === 'embedded-entry-block') {
        const id = (node.data.target as { sys?: { id?: unknown } } | undefined)?.sys?.id
        if (typeof id === 'string') ids.push(id)
      }
      if ('content' in node) walk(node.content as Node[])
    }
  }
  if (doc) walk(doc.content as Node[])
  return ids
}

function mapChildren(nodes: Node[], refs: RichTextRefs): Node[] {
  const out: Node[] = []
  for (const node of nodes) {
    const target = (node.data?.target as { sys?: { id?: unknown } } | undefined)?.sys?.id
    if (node.nodeType === 'embedded-asset-block') {
      const id = typeof target === 'string' ? refs.assetOf(target) : null
      const fallback = !id && typeof target === 'string' ? (refs.imageFallback?.(target) ?? null) : null
      if (id) out.push({ nodeType: node.nodeType, data: { target: link('Asset', id) }, content: [] } as Block)
      else if (fallback) out.push(fallback)
      continue
    }
    if (node.nodeType === 'embedded-entry-block' && refs.noteOf) {
      const id = typeof target === 'string' ? refs.noteOf(target) : null
      if (id) out.push({ nodeType: node.nodeType, data: { target: link('Entry', id) }, content: [] } as Block)
      continue
    }
    if (node.nodeType === 'hyperlink' && refs.entryOf) {
      const uri = String(node.data.uri ?? '')
      const content = mapChildren(node.content as Node[], refs)
      const id = refs.entryOf(uri, plainText(node.content as Node[]))
      out.push(
        id
          ? ({ nodeType: 'entry-hyperlink', data: { target: link('Entry', id) }, content } as Inline)
          : ({ ...node, content } as Inline),
      )
      continue
    }
    if ('content' in node) out.push({ ...node, content: mapChildren(node.content as Node[], refs) } as Node)
    else out.push(node)
  }
  return out
}

function plainText(nodes: Node[]): string {
  return nodes
    .map((n) =>
      n.nodeType === 'text' ? (n as Text).value : 'content' in n ? plainText(n.content as Node[]) : '',
    )
    .join('')
}

/** A paragraph linking to an image on another site, for when it cannot be an asset. */
export function imageLinkBlock(ref: ImageRef): Block | null {
  if (ref.path !== null || !/^https?:\/\//i.test(ref.src)) return null
  const label = ref.alt.trim() || ref.src.split('/').at(-1) || ref.src
  return {
    nodeType: 'paragraph',
    data: {},
    content: [
      {
        nodeType: 'hyperlink',
        data: { uri: ref.src },
        content: [{ nodeType: 'text', value: label, marks: [], data: {} }],
      },
    ],
  } as Block
}
