import type { RelatedLink } from '../model/article.ts'
import { append } from './append.ts'
import { READING_LEAD, RELATED, RESOLUTION_HEADING } from './cues.ts'
import type { Item, Line } from './hast-items.ts'
import { type InlineNode, plainText } from './rich-text.ts'
import { dropped, type StructureCtx } from './structure-context.ts'

export function readRelated(items: Item[], i: number, out: RelatedLink[], ctx: StructureCtx): number {
  const item = items[i] as Item
  const lead =
    item.type === 'para'
      ? (item.lines[0] as Line).text
      : item.type === 'heading' && item.depth >= 2
        ? item.line.text
        : null
  if (lead === null) return 0
  const t = lead.replace(/\u00a0/g, ' ').trim()
  // Besides the usual phrasings, a lead-in that ends in a colon or a heading that names further reading
  // ("These pages explain …:", "## Vendor articles on …"), when only links follow it.
  const leadIn =
    READING_LEAD.test(t) &&
    (item.type === 'heading'
      ? !RESOLUTION_HEADING.test(t)
      : item.type === 'para' && /:$/.test(t) && item.lines.length === 1)
  if (!RELATED.test(t) && !leadIn) return 0
  const links: RelatedLink[] = []
  if (item.type === 'para') for (const line of item.lines.slice(1)) append(links, linksOf(line.inlines))
  let used = 1
  for (let j = i + 1; j < items.length; j++) {
    const next = items[j] as Item
    if (next.type === 'para' && next.lines.every((l) => isLinkOnly(l.inlines))) {
      for (const l of next.lines) append(links, linksOf(l.inlines))
    } else if (
      next.type === 'list' &&
      next.items.every((li) =>
        li.every((x) => x.type === 'para' && x.lines.every((l) => isLinkOnly(l.inlines))),
      )
    ) {
      for (const li of next.items)
        for (const x of li) if (x.type === 'para') for (const l of x.lines) append(links, linksOf(l.inlines))
    } else break
    used = j - i + 1
  }
  if (links.length === 0) return 0
  dropped(ctx, item, lead)
  append(out, links)
  return used
}

function linksOf(inlines: InlineNode[]): RelatedLink[] {
  return inlines
    .filter((n) => n.nodeType === 'hyperlink')
    .map((n) => ({ title: plainText(n).trim(), href: String((n as { data: { uri: string } }).data.uri) }))
}

function isLinkOnly(inlines: InlineNode[]): boolean {
  const links = inlines.filter((n) => n.nodeType === 'hyperlink')
  const other = inlines
    .filter((n) => n.nodeType !== 'hyperlink')
    .map((n) => plainText(n))
    .join('')
  return links.length > 0 && other.replace(/[\s\u00a0•·,;|-]/g, '') === ''
}
