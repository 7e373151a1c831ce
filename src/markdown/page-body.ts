// The body of a page that is not a troubleshooting article: everything a reader sees, in reading order, as one
// Rich Text document. Admonitions and <details> disclosures keep their place as embedded `note` entries, by
// placeholder (`embeddedNote` in rich-text.ts), as images do.
import type { Block } from '@contentful/rich-text-types'
import type { Note, RichText } from '../model/article.ts'
import { type ImageIndex, itemBlocks } from './blocks.ts'
import type { Item } from './hast-items.ts'
import { documentOf, embeddedNote } from './rich-text.ts'
import { emptyDoc } from './structure-context.ts'

export function pageBody(items: Item[], imageIndex: ImageIndex): { body: RichText | null; notes: Note[] } {
  const notes: Note[] = []
  const blocks = (list: Item[]): Block[] =>
    list.flatMap((item) => {
      if (item.type === 'note') {
        return embedNote(notes, {
          kind: item.kind,
          title: item.title,
          body: documentOf(item.items.flatMap((x) => itemBlocks(x, imageIndex))) ?? emptyDoc(),
          ...(item.collapsible ? { collapsible: true } : {}),
        })
      }
      if (item.type === 'details') {
        const [first, ...rest] = item.items
        const summary = first?.type === 'caption' ? first.text : null
        const inner = summary === null ? item.items : rest
        return embedNote(notes, {
          kind: 'note',
          title: summary,
          body: documentOf(blocks(inner)) ?? emptyDoc(),
          collapsible: true,
        })
      }
      return itemBlocks(item, imageIndex)
    })
  const body = documentOf(blocks(items))
  return { body, notes }
}

function embedNote(notes: Note[], note: Note): Block[] {
  notes.push(note)
  return [embeddedNote(notes.length - 1)]
}
