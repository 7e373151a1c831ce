import { defineContentType } from '../src/model/define-content-type.ts'
import { sourcePathHelp, syncBaseHelp } from './rich-text.ts'

export default defineContentType({
  id: 'redirect',
  name: 'Redirect',
  description:
    'An old page address that now sends readers on to another page (a MkDocs redirect stub): the site ' +
    'answers it with a permanent redirect.',
  displayField: 'from',
  fields: [
    {
      id: 'from',
      name: 'From (old URL path)',
      type: 'Symbol',
      required: true,
      validations: [
        { unique: true },
        {
          regexp: { pattern: '^/(?:[^\\s/?#]+/)*$' },
          message: 'A URL path with a slash at both ends, e.g. "/old/Page-Name/".',
        },
      ],
      widget: { id: 'singleLine' },
      helpText: 'The old address readers and search engines still use, e.g. "/old/Page-Name/".',
    },
    {
      id: 'target',
      name: 'Target',
      type: 'Link',
      linkType: 'Entry',
      validations: [{ linkContentType: ['page', 'troubleshootingArticle'] }],
      widget: { id: 'entryLinkEditor' },
      helpText: 'The page or article readers are sent to, when it is in this space. Wins over Target path.',
    },
    {
      id: 'targetPath',
      name: 'Target path',
      type: 'Symbol',
      required: true,
      widget: { id: 'singleLine' },
      helpText:
        'Where readers are sent: the target\'s URL path (e.g. "/new/Page/"), or a full https:// address.',
    },
    {
      id: 'sourcePath',
      name: 'Source file',
      type: 'Symbol',
      disabled: true,
      widget: { id: 'singleLine' },
      helpText: sourcePathHelp,
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
