// The Rich Text the parser produces (ARTICLE-JSON.md): the editor offers exactly these, so an editor cannot add
// a node the site does not render, and every document the sync writes passes validation on publish.
import type { EnabledMarksValidation, EnabledNodeTypesValidation } from '../src/model/define-content-type.ts'

export const richTextNodes: EnabledNodeTypesValidation = {
  enabledNodeTypes: [
    'heading-2',
    'heading-3',
    'heading-4',
    'heading-5',
    'heading-6',
    'ordered-list',
    'unordered-list',
    'blockquote',
    'hr',
    'table',
    'hyperlink',
    'embedded-asset-block',
  ],
  message: 'Use headings, lists, quotes, tables, links and images only.',
}

export const richTextMarks: EnabledMarksValidation = {
  enabledMarks: ['bold', 'italic', 'code'],
  message: 'Use bold, italic and code only.',
}

/** The validations of every Rich Text field of the model. */
export const richText = [richTextNodes, richTextMarks]

/** Read-only provenance the sync writes: it tells whether an editor changed the entry since. */
export const contentHashHelp =
  'Written by kb-cms: the fingerprint of the fields it last wrote. Do not edit; if the entry changes here, ' +
  'the next sync reports a conflict instead of overwriting your change.'
