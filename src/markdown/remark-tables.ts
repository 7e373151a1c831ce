// Pipe tables, as Python-Markdown's `tables` extension renders them. The site's renderer has no GFM autolink
// literals, strikethrough or task lists, so of GFM only the table syntax is enabled: the text reads as on the
// published page, and parsing stays close to bare remark-parse in cost.
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTable } from 'micromark-extension-gfm-table'
import type { Processor } from 'unified'

export default function remarkTables(this: Processor) {
  const data = this.data() as unknown as {
    micromarkExtensions?: unknown[]
    fromMarkdownExtensions?: unknown[]
  }
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), gfmTable()]
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), gfmTableFromMarkdown()]
}
