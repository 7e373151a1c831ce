import { defineContentType } from '../src/model/define-content-type.ts'
import { richText, syncBaseHelp } from './rich-text.ts'

export default defineContentType({
  id: 'resolution',
  name: 'Resolution',
  description: 'One way to resolve a troubleshooting issue: an optional cause and intro, then ordered steps.',
  displayField: 'name',
  fields: [
    {
      id: 'name',
      name: 'Name',
      type: 'Symbol',
      required: true,
      widget: { id: 'singleLine' },
      helpText:
        'Internal label for lists and search, e.g. "<article title> — resolution 2". Not shown on the site.',
    },
    {
      id: 'title',
      name: 'Title',
      type: 'Symbol',
      widget: { id: 'singleLine' },
      helpText: 'Heading shown above this resolution, e.g. "Solution 1: …". Leave empty when it has none.',
    },
    {
      id: 'kind',
      name: 'Kind',
      type: 'Symbol',
      validations: [{ in: ['primary', 'alternative', 'workaround'] }],
      widget: { id: 'dropdown' },
      helpText:
        'Primary: the recommended fix. Alternative: another full fix. Workaround: avoids the issue only.',
    },
    {
      id: 'cause',
      name: 'Cause',
      type: 'RichText',
      validations: richText,
      widget: { id: 'richTextEditor' },
      helpText: 'For articles with several causes: the cause this resolution answers. Otherwise leave empty.',
    },
    {
      id: 'intro',
      name: 'Introduction',
      type: 'RichText',
      validations: richText,
      widget: { id: 'richTextEditor' },
      helpText: 'Text shown before the first step, e.g. "To resolve the issue, first …".',
    },
    {
      id: 'steps',
      name: 'Steps',
      type: 'Array',
      items: { type: 'Link', linkType: 'Entry', validations: [{ linkContentType: ['resolutionStep'] }] },
      widget: { id: 'entryLinksEditor' },
      helpText: 'The numbered steps, in order. Drag to reorder; the site numbers them 1, 2, 3 …',
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
