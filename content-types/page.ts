import { defineContentType } from '../src/model/define-content-type.ts'
import {
  linkAnchorsHelp,
  pageRichText,
  pathValidations,
  slugValidations,
  sourcePathHelp,
  syncBaseHelp,
} from './rich-text.ts'

export default defineContentType({
  id: 'page',
  name: 'Page',
  description:
    'Any knowledge base page that is not a troubleshooting article: how-tos, guides, overviews, FAQs, release ' +
    'notes, section landing pages and the home page. Its text is one Rich Text body.',
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
      validations: slugValidations,
      widget: { id: 'slugEditor', settings: { trackingFieldId: 'title' } },
      helpText:
        'The page address below the site root in lowercase, e.g. "setup/install-guide". The home page: "index".',
    },
    {
      id: 'path',
      name: 'URL path',
      type: 'Symbol',
      required: true,
      validations: pathValidations,
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
      helpText: 'Products or platforms the page is about, e.g. "Exchange". Shown as badges under the title.',
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
        'Every related link from the source, as a list of {"title", "href"}, including pages outside this ' +
        'space. Kept so nothing is lost; prefer Related pages for links to pages here.',
    },
    {
      id: 'ctaBanner',
      name: 'Call-to-action banner',
      type: 'Link',
      linkType: 'Entry',
      validations: [{ linkContentType: ['ctaBanner'] }],
      widget: { id: 'entryLinkEditor' },
      helpText: 'The banner with a button shown at the end of the page. Banners are shared between pages.',
    },
    {
      id: 'linkAnchors',
      name: 'Link anchors',
      type: 'Object',
      widget: { id: 'objectEditor' },
      helpText: linkAnchorsHelp,
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
