import { NOTE_KINDS } from '../src/model/article.ts'
import { defineContentType } from '../src/model/define-content-type.ts'
import { richText, syncBaseHelp } from './rich-text.ts'

export default defineContentType({
  id: 'note',
  name: 'Note',
  description: 'A call-out box (admonition) shown in an article or page: a note, tip, warning and so on.',
  displayField: 'title',
  fields: [
    {
      id: 'kind',
      name: 'Kind',
      type: 'Symbol',
      validations: [
        {
          in: [...NOTE_KINDS],
        },
      ],
      widget: { id: 'dropdown' },
      helpText: 'Sets the colour and icon of the box on the site, e.g. "warning" for a yellow warning box.',
    },
    {
      id: 'title',
      name: 'Title',
      type: 'Symbol',
      required: true,
      widget: { id: 'singleLine' },
      helpText:
        'Heading of the box, e.g. "Important". When the source has none, its kind: "Note", "Warning".',
    },
    {
      id: 'body',
      name: 'Body',
      type: 'RichText',
      required: true,
      validations: richText,
      widget: { id: 'richTextEditor' },
      helpText: 'The text inside the box.',
    },
    {
      id: 'collapsible',
      name: 'Collapsible',
      type: 'Boolean',
      widget: { id: 'boolean' },
      helpText: 'Shown closed, opened by a click on its title (a "???" admonition or a <details> block).',
    },
    {
      id: 'syncBase',
      name: 'Sync base',
      type: 'Object',
      disabled: true,
      widget: { id: 'objectEditor' },
      helpText: syncBaseHelp,
    },
  ],
})
