import type {
  EnabledMarksValidation,
  NodesValidation,
  RichTextFieldDefinition,
  RichTextNodeType,
} from '../src/model/define-content-type.ts'
import { defineMigration } from '../src/model/define-migration.ts'

// Rich Text as issue 9 needs it: links to entries, embedded notes, the marks MkDocs pages use. Written out here
// (a migration never imports content-types/), the same for every Rich Text field.
const nodes: RichTextNodeType[] = [
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
const nodesMessage = 'Use headings, lists, quotes, tables, links, images and notes only.'
const marks: EnabledMarksValidation = {
  enabledMarks: ['bold', 'italic', 'code', 'underline', 'superscript', 'subscript'],
  message: 'Use bold, italic, code, underline, superscript and subscript only.',
}
const links: NodesValidation = {
  nodes: {
    'entry-hyperlink': [{ linkContentType: ['page', 'troubleshootingArticle'] }],
    'embedded-entry-block': [{ linkContentType: ['note'] }],
  },
}
const richText: RichTextFieldDefinition['validations'] = [
  { enabledNodeTypes: nodes, message: nodesMessage },
  marks,
  links,
]
const pageRichText: RichTextFieldDefinition['validations'] = [
  { enabledNodeTypes: ['heading-1', ...nodes], message: nodesMessage },
  marks,
  links,
]

export default defineMigration({
  description:
    'Every page kind: general pages, redirects and the navigation menu; paths, link anchors and collapsible ' +
    'notes; Rich Text with entry links, embedded notes and every mark the knowledge base uses.',
  up: (m) => {
    // New types first: the edits below add links to page.
    m.createContentType({
      id: 'page',
      name: 'Page',
      description:
        'Any knowledge base page that is not a troubleshooting article: how-tos, guides, overviews, FAQs, release notes, section landing pages and the home page. Its text is one Rich Text body.',
      displayField: 'title',
      fields: [
        {
          id: 'title',
          name: 'Title',
          type: 'Symbol',
          required: true,
          widget: { id: 'singleLine' },
          helpText: 'The page heading, as readers see it on the page, in the menu and in search results.',
        },
        {
          id: 'slug',
          name: 'Slug',
          type: 'Symbol',
          validations: [
            { unique: true },
            {
              regexp: { pattern: '^[a-z0-9]+(?:[-/][a-z0-9]+)*$' },
              message:
                'Lowercase letters, digits, single hyphens and slashes only, e.g. "setup/outlook-sync-error".',
            },
          ],
          widget: { id: 'slugEditor', settings: { trackingFieldId: 'title' } },
          helpText:
            'The page address below the site root in lowercase, e.g. "setup/install-guide". The home page: "index".',
        },
        {
          id: 'path',
          name: 'URL path',
          type: 'Symbol',
          required: true,
          validations: [
            { unique: true },
            {
              regexp: { pattern: '^/(?:[^\\s/?#]+/)*$' },
              message:
                'A URL path with a slash at both ends, e.g. "/setup/install-guide/"; the home page is "/".',
            },
          ],
          widget: { id: 'singleLine' },
          helpText:
            'The address the site serves this page at, as the MkDocs site did, e.g. "/setup/Install-Guide/". Home: "/".',
        },
        {
          id: 'description',
          name: 'Description',
          type: 'Text',
          widget: { id: 'multipleLine' },
          helpText: 'One or two sentences for search engines and link previews. Not shown on the page.',
        },
        {
          id: 'readingTimeMinutes',
          name: 'Reading time (minutes)',
          type: 'Integer',
          validations: [{ range: { min: 1 }, message: 'At least 1 minute.' }],
          widget: { id: 'numberEditor' },
          helpText: 'Shown as "N min read" under the title. Whole minutes, at least 1.',
        },
        {
          id: 'appliesTo',
          name: 'Applies to',
          type: 'Array',
          items: { type: 'Symbol' },
          widget: { id: 'tagEditor' },
          helpText:
            'Products or platforms the page is about, e.g. "Exchange". Shown as badges under the title.',
        },
        {
          id: 'body',
          name: 'Body',
          type: 'RichText',
          validations: pageRichText,
          widget: { id: 'richTextEditor' },
          helpText:
            'The whole page in reading order: headings, steps, tables, code, images; call-out notes embedded as entries.',
        },
        {
          id: 'relatedPages',
          name: 'Related pages',
          type: 'Array',
          items: {
            type: 'Link',
            linkType: 'Entry',
            validations: [{ linkContentType: ['page', 'troubleshootingArticle'] }],
          },
          widget: { id: 'entryLinksEditor' },
          helpText: 'Other pages and articles in this space to suggest at the end of the page.',
        },
        {
          id: 'relatedLinks',
          name: 'Related links (as written)',
          type: 'Object',
          widget: { id: 'objectEditor' },
          helpText:
            'Every related link from the source, as a list of {"title", "href"}, including pages outside this space. Kept so nothing is lost; prefer Related pages for links to pages here.',
        },
        {
          id: 'ctaBanner',
          name: 'Call-to-action banner',
          type: 'Link',
          linkType: 'Entry',
          validations: [{ linkContentType: ['ctaBanner'] }],
          widget: { id: 'entryLinkEditor' },
          helpText:
            'The banner with a button shown at the end of the page. Banners are shared between pages.',
        },
        {
          id: 'linkAnchors',
          name: 'Link anchors',
          type: 'Object',
          widget: { id: 'objectEditor' },
          helpText:
            'Written by kb-cms: for links to a part of another page, a list of {"entry", "text", "anchor"}, so the site can add the #anchor. Edit when you change such a link.',
        },
        {
          id: 'sourcePath',
          name: 'Source file',
          type: 'Symbol',
          disabled: true,
          widget: { id: 'singleLine' },
          helpText:
            'Written by kb-cms: the Markdown file this entry was imported from, below the docs root. Read-only.',
        },
        {
          id: 'contentHash',
          name: 'Content hash',
          type: 'Symbol',
          disabled: true,
          widget: { id: 'singleLine' },
          helpText:
            'Written by kb-cms: the fingerprint of the fields it last wrote. Do not edit; if the entry changes here, the next sync reports a conflict instead of overwriting your change.',
        },
      ],
    })
    m.createContentType({
      id: 'redirect',
      name: 'Redirect',
      description:
        'An old page address that now sends readers on to another page (a MkDocs redirect stub): the site answers it with a permanent redirect.',
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
          helpText:
            'The page or article readers are sent to, when it is in this space. Wins over Target path.',
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
          helpText:
            'Written by kb-cms: the Markdown file this entry was imported from, below the docs root. Read-only.',
        },
        {
          id: 'contentHash',
          name: 'Content hash',
          type: 'Symbol',
          disabled: true,
          widget: { id: 'singleLine' },
          helpText:
            'Written by kb-cms: the fingerprint of the fields it last wrote. Do not edit; if the entry changes here, the next sync reports a conflict instead of overwriting your change.',
        },
      ],
    })
    m.createContentType({
      id: 'navigationMenu',
      name: 'Navigation menu',
      description:
        'The site menu (mkdocs.yml "nav"): sections and pages in menu order, as one tree. The site has one, with the id "navigation-menu".',
      displayField: 'title',
      fields: [
        {
          id: 'title',
          name: 'Site name',
          type: 'Symbol',
          required: true,
          widget: { id: 'singleLine' },
          helpText: 'Shown in the header of every page (mkdocs.yml "site_name").',
        },
        {
          id: 'items',
          name: 'Menu items',
          type: 'Object',
          required: true,
          widget: { id: 'objectEditor' },
          helpText:
            'The tree: a list of {"title", "path", "entry", "url", "children"}. A section has children and no path; "entry" is the id of the page it opens; "url" an outside address.',
        },
        {
          id: 'pages',
          name: 'Pages in the menu',
          type: 'Array',
          items: {
            type: 'Link',
            linkType: 'Entry',
            validations: [{ linkContentType: ['page', 'troubleshootingArticle'] }],
          },
          widget: { id: 'entryLinksEditor' },
          helpText: 'Every page and article the menu names, so one request with include returns them all.',
        },
        {
          id: 'sourcePath',
          name: 'Source file',
          type: 'Symbol',
          disabled: true,
          widget: { id: 'singleLine' },
          helpText: 'Written by kb-cms: the mkdocs.yml this menu was imported from. Read-only.',
        },
        {
          id: 'contentHash',
          name: 'Content hash',
          type: 'Symbol',
          disabled: true,
          widget: { id: 'singleLine' },
          helpText:
            'Written by kb-cms: the fingerprint of the fields it last wrote. Do not edit; if the entry changes here, the next sync reports a conflict instead of overwriting your change.',
        },
      ],
    })
    m.editContentType('resolutionStep').editField('instruction', {
      validations: richText,
    })
    m.editContentType('resolution')
      .editField('cause', {
        validations: richText,
      })
      .editField('intro', {
        validations: richText,
      })
    m.editContentType('note', {
      description: 'A call-out box (admonition) shown in an article or page: a note, tip, warning and so on.',
    })
      .createField({
        id: 'collapsible',
        name: 'Collapsible',
        type: 'Boolean',
        widget: { id: 'boolean' },
        helpText: 'Shown closed, opened by a click on its title (a "???" admonition or a <details> block).',
      })
      .editField('body', {
        validations: richText,
      })
      .moveField('collapsible', { after: 'body' })
    m.editContentType('troubleshootingArticle')
      .createField({
        id: 'path',
        name: 'URL path',
        type: 'Symbol',
        validations: [
          { unique: true },
          {
            regexp: { pattern: '^/(?:[^\\s/?#]+/)*$' },
            message:
              'A URL path with a slash at both ends, e.g. "/setup/install-guide/"; the home page is "/".',
          },
        ],
        widget: { id: 'singleLine' },
        helpText:
          'The address the MkDocs site served this article at, e.g. "/setup/Outlook-Sync-Error/". Old links use it.',
      })
      .createField({
        id: 'linkAnchors',
        name: 'Link anchors',
        type: 'Object',
        widget: { id: 'objectEditor' },
        helpText:
          'Written by kb-cms: for links to a part of another page, a list of {"entry", "text", "anchor"}, so the site can add the #anchor. Edit when you change such a link.',
      })
      .editField('slug', {
        validations: [
          { unique: true },
          {
            regexp: { pattern: '^[a-z0-9]+(?:[-/][a-z0-9]+)*$' },
            message:
              'Lowercase letters, digits, single hyphens and slashes only, e.g. "setup/outlook-sync-error".',
          },
        ],
      })
      .editField('symptom', {
        validations: richText,
      })
      .editField('condition', {
        validations: richText,
      })
      .editField('cause', {
        validations: richText,
      })
      .editField('relatedArticles', {
        itemValidations: [{ linkContentType: ['troubleshootingArticle', 'page'] }],
      })
      .editField('body', {
        validations: richText,
      })
      .moveField('path', { after: 'slug' })
      .moveField('linkAnchors', { after: 'sourcePath' })
    m.changeEditorInterface('troubleshootingArticle', 'slug', 'slugEditor', {
      trackingFieldId: 'title',
      helpText:
        'The page address below the site root, e.g. "setup/outlook-sync-error". Changing it breaks links.',
    })
    m.changeEditorInterface('troubleshootingArticle', 'relatedArticles', 'entryLinksEditor', {
      helpText: 'Other articles and pages in this space to suggest at the end of the page.',
    })
    m.changeEditorInterface('troubleshootingArticle', 'sourcePath', 'singleLine', {
      helpText:
        'Written by kb-cms: the Markdown file this entry was imported from, below the docs root. Read-only.',
    })
  },
})
