import { defineContentType } from '../src/model/define-content-type.ts'
import { contentHashHelp, richText } from './rich-text.ts'

export default defineContentType({
  id: 'troubleshootingArticle',
  name: 'Troubleshooting article',
  description: 'A knowledge base article: a symptom, its cause, and the resolutions that fix it.',
  displayField: 'title',
  fields: [
    {
      id: 'title',
      name: 'Title',
      type: 'Symbol',
      required: true,
      widget: { id: 'singleLine' },
      helpText: 'The article heading, as readers see it on the page and in search results.',
    },
    {
      id: 'slug',
      name: 'Slug',
      type: 'Symbol',
      required: true,
      validations: [
        { unique: true },
        {
          regexp: { pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' },
          message: 'Lowercase letters, digits and single hyphens only, e.g. "outlook-sync-error".',
        },
      ],
      widget: { id: 'slugEditor', settings: { trackingFieldId: 'title' } },
      helpText: 'The last part of the page address. Changing it breaks existing links to the article.',
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
        'Products or platforms the article is about, e.g. "Exchange". Shown as badges under the title.',
    },
    {
      id: 'symptom',
      name: 'Symptom',
      type: 'RichText',
      validations: richText,
      widget: { id: 'richTextEditor' },
      helpText: 'What the reader sees going wrong: the error message or behaviour that brought them here.',
    },
    {
      id: 'condition',
      name: 'Condition',
      type: 'RichText',
      validations: richText,
      widget: { id: 'richTextEditor' },
      helpText: 'When the issue happens (settings, versions, circumstances). Leave empty when it always can.',
    },
    {
      id: 'cause',
      name: 'Cause',
      type: 'RichText',
      validations: richText,
      widget: { id: 'richTextEditor' },
      helpText:
        'Why it happens. When each resolution answers a different cause, put the causes there instead.',
    },
    {
      id: 'errorCodes',
      name: 'Error codes',
      type: 'Array',
      items: { type: 'Symbol' },
      widget: { id: 'tagEditor' },
      helpText:
        'Exact error codes the article covers, e.g. "OAUTH_APPROVAL_ERROR_GENERIC". Used by site search.',
    },
    {
      id: 'resolutions',
      name: 'Resolutions',
      type: 'Array',
      items: { type: 'Link', linkType: 'Entry', validations: [{ linkContentType: ['resolution'] }] },
      widget: { id: 'entryLinksEditor' },
      helpText: 'The ways to fix the issue, in the order the page shows them. Put the recommended one first.',
    },
    {
      id: 'notes',
      name: 'Notes',
      type: 'Array',
      items: { type: 'Link', linkType: 'Entry', validations: [{ linkContentType: ['note'] }] },
      widget: { id: 'entryLinksEditor' },
      helpText: 'Call-out boxes (notes, tips, warnings) shown with the article, in order.',
    },
    {
      id: 'relatedArticles',
      name: 'Related articles',
      type: 'Array',
      items: {
        type: 'Link',
        linkType: 'Entry',
        validations: [{ linkContentType: ['troubleshootingArticle'] }],
      },
      widget: { id: 'entryLinksEditor' },
      helpText: 'Other troubleshooting articles in this space to suggest at the end of the page.',
    },
    {
      id: 'relatedLinks',
      name: 'Related links (as written)',
      type: 'Object',
      widget: { id: 'objectEditor' },
      helpText:
        'Every related link from the source, as a list of {"title", "href"}, including pages outside this ' +
        'space. Kept so nothing is lost; prefer Related articles for links to articles here.',
    },
    {
      id: 'ctaBanner',
      name: 'Call-to-action banner',
      type: 'Link',
      linkType: 'Entry',
      validations: [{ linkContentType: ['ctaBanner'] }],
      widget: { id: 'entryLinkEditor' },
      helpText:
        'The banner with a button shown at the end of the article. Banners are shared between articles.',
    },
    {
      id: 'body',
      name: 'Other content',
      type: 'RichText',
      validations: richText,
      widget: { id: 'richTextEditor' },
      helpText: 'Content from the source that fits none of the fields above. Shown after the resolutions.',
    },
    {
      id: 'sourcePath',
      name: 'Source file',
      type: 'Symbol',
      disabled: true,
      widget: { id: 'singleLine' },
      helpText: 'Written by kb-cms: the Markdown file this article was imported from. Read-only.',
    },
    {
      id: 'contentHash',
      name: 'Content hash',
      type: 'Symbol',
      disabled: true,
      widget: { id: 'singleLine' },
      helpText: contentHashHelp,
    },
  ],
})
