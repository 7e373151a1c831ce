// Rich text from the parser carries images as embedded-asset-blocks whose link id is a placeholder naming the
// image's index in Article.images (src/markdown/rich-text.ts); the space needs links to real assets. Images
// whose asset could not be made (missing file) are dropped: the run reports them.
import type { Block, Document, Inline, Text } from '@contentful/rich-text-types'
import { imagePlaceholderId } from '../markdown/rich-text.ts'
import type { ImageRef, RichText } from '../model/article.ts'
import { link } from '../model/contentful-types.ts'

export type AssetIdOf = (ref: ImageRef) => string | null

type Node = Block | Inline | Text

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
  return { ...doc, content: mapChildren(doc.content as Node[], assetOf) as Document['content'] }
}

function mapChildren(nodes: Node[], assetOf: (placeholder: string) => string | null): Node[] {
  const out: Node[] = []
  for (const node of nodes) {
    if (node.nodeType === 'embedded-asset-block') {
      const target = (node.data.target as { sys?: { id?: unknown } } | undefined)?.sys?.id
      const id = typeof target === 'string' ? assetOf(target) : null
      if (id) out.push({ nodeType: node.nodeType, data: { target: link('Asset', id) }, content: [] } as Block)
      continue
    }
    if ('content' in node)
      out.push({ ...node, content: mapChildren(node.content as Node[], assetOf) } as Node)
    else out.push(node)
  }
  return out
}
