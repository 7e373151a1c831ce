// The Rich Text the parser produces (ARTICLE-JSON.md): the editor offers exactly these, so an editor cannot add
// a node the site does not render, and every document the sync writes passes validation on publish.
import type {
  EnabledMarksValidation,
  EnabledNodeTypesValidation,
  NodesValidation,
  RichTextNodeType,
} from '../src/model/define-content-type.ts'

const NODES: RichTextNodeType[] = [
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
  'entry-hyperlink',
  'embedded-asset-block',
  'embedded-entry-block',
]

export const richTextNodes: EnabledNodeTypesValidation = {
  enabledNodeTypes: NODES,
  message: 'Use headings, lists, quotes, tables, links, images and notes only.',
}

/** A general page keeps a second H1 of its source as written. */
export const pageBodyNodes: EnabledNodeTypesValidation = {
  enabledNodeTypes: ['heading-1', ...NODES],
  message: 'Use headings, lists, quotes, tables, links, images and notes only.',
}

export const richTextMarks: EnabledMarksValidation = {
  enabledMarks: ['bold', 'italic', 'code', 'underline', 'superscript', 'subscript'],
  message: 'Use bold, italic, code, underline, superscript and subscript only.',
}

/** Links inside Rich Text point at pages and articles; embedded blocks are call-out notes. */
export const richTextLinks: NodesValidation = {
  nodes: {
    'entry-hyperlink': [{ linkContentType: ['page', 'troubleshootingArticle'] }],
    'embedded-entry-block': [{ linkContentType: ['note'] }],
  },
}

/** The validations of every Rich Text field of the model but a page's body. */
export const richText = [richTextNodes, richTextMarks, richTextLinks]

/** The validations of `page.body`. */
export const pageRichText = [pageBodyNodes, richTextMarks, richTextLinks]

/** Read-only provenance the sync writes: it tells whether an editor changed the entry since. */
export const syncBaseHelp =
  'Written by kb-cms: a fingerprint of each field it last wrote from Markdown. Do not edit. A field you change ' +
  'keeps your value; the sync reports a conflict only when the Markdown changes that same field too.'

/** Read-only provenance: the Markdown file below the docs root. */
export const sourcePathHelp =
  'Written by kb-cms: the Markdown file this entry was imported from, below the docs root. Read-only.'

/** Where links to other pages keep their `#anchor` (entry hyperlinks can carry only their target). */
export const linkAnchorsHelp =
  'Written by kb-cms: for links to a part of another page, a list of {"entry", "text", "anchor"}, so the ' +
  'site can add the #anchor. Edit when you change such a link.'

/** The MkDocs-style URL path of a page or article. */
export const pathValidations = [
  { unique: true as const },
  {
    regexp: { pattern: '^/(?:[^\\s/?#]+/)*$' },
    message: 'A URL path with a slash at both ends, e.g. "/setup/install-guide/"; the home page is "/".',
  },
]

/** Slugs follow the page's folders: lowercase words joined by single hyphens or slashes. */
export const slugValidations = [
  { unique: true as const },
  {
    regexp: { pattern: '^[a-z0-9]+(?:[-/][a-z0-9]+)*$' },
    message: 'Lowercase letters, digits, single hyphens and slashes only, e.g. "setup/outlook-sync-error".',
  },
]
