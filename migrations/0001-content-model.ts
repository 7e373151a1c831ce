import { defineMigration } from '../src/model/define-migration.ts'

export default defineMigration({
  description: 'The troubleshooting content model: articles, resolutions, steps, notes and CTA banners.',
  up: (m) => {
    m.createContentType({
      id: 'resolutionStep',
      name: 'Resolution step',
      description: 'One numbered step of a resolution: the instruction, with its sub-steps and screenshots.',
      displayField: 'name',
      fields: [
        {
          id: 'name',
          name: 'Name',
          type: 'Symbol',
          required: true,
          widget: { id: 'singleLine' },
          helpText:
            'Internal label for lists and search, e.g. "<article title> — step 2.3". Not shown on the site.',
        },
        {
          id: 'instruction',
          name: 'Instruction',
          type: 'RichText',
          required: true,
          validations: [
            {
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
            },
            {
              enabledMarks: ['bold', 'italic', 'code'],
              message: 'Use bold, italic and code only.',
            },
          ],
          widget: { id: 'richTextEditor' },
          helpText:
            'What the reader does in this step. Sub-steps go in a numbered list inside; screenshots as images.',
        },
        {
          id: 'images',
          name: 'Images',
          type: 'Array',
          items: {
            type: 'Link',
            linkType: 'Asset',
            validations: [{ linkMimetypeGroup: ['image'] }],
          },
          widget: { id: 'assetLinksEditor' },
          helpText: 'Screenshots for this step, in the order they appear. Images only.',
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
      id: 'resolution',
      name: 'Resolution',
      description:
        'One way to resolve a troubleshooting issue: an optional cause and intro, then ordered steps.',
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
          helpText:
            'Heading shown above this resolution, e.g. "Solution 1: …". Leave empty when it has none.',
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
          validations: [
            {
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
            },
            {
              enabledMarks: ['bold', 'italic', 'code'],
              message: 'Use bold, italic and code only.',
            },
          ],
          widget: { id: 'richTextEditor' },
          helpText:
            'For articles with several causes: the cause this resolution answers. Otherwise leave empty.',
        },
        {
          id: 'intro',
          name: 'Introduction',
          type: 'RichText',
          validations: [
            {
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
            },
            {
              enabledMarks: ['bold', 'italic', 'code'],
              message: 'Use bold, italic and code only.',
            },
          ],
          widget: { id: 'richTextEditor' },
          helpText: 'Text shown before the first step, e.g. "To resolve the issue, first …".',
        },
        {
          id: 'steps',
          name: 'Steps',
          type: 'Array',
          items: {
            type: 'Link',
            linkType: 'Entry',
            validations: [{ linkContentType: ['resolutionStep'] }],
          },
          widget: { id: 'entryLinksEditor' },
          helpText: 'The numbered steps, in order. Drag to reorder; the site numbers them 1, 2, 3 …',
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
      id: 'note',
      name: 'Note',
      description: 'A call-out box (admonition) shown in an article: a note, tip, warning and so on.',
      displayField: 'title',
      fields: [
        {
          id: 'kind',
          name: 'Kind',
          type: 'Symbol',
          validations: [
            {
              in: [
                'note',
                'abstract',
                'info',
                'tip',
                'success',
                'question',
                'warning',
                'failure',
                'danger',
                'bug',
                'example',
                'quote',
              ],
            },
          ],
          widget: { id: 'dropdown' },
          helpText:
            'Sets the colour and icon of the box on the site, e.g. "warning" for a yellow warning box.',
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
          validations: [
            {
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
            },
            {
              enabledMarks: ['bold', 'italic', 'code'],
              message: 'Use bold, italic and code only.',
            },
          ],
          widget: { id: 'richTextEditor' },
          helpText: 'The text inside the box.',
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
      id: 'ctaBanner',
      name: 'Call-to-action banner',
      description:
        'A banner with a button, shared by every article that shows it. Edit once, changes everywhere.',
      displayField: 'internalName',
      fields: [
        {
          id: 'internalName',
          name: 'Internal name',
          type: 'Symbol',
          required: true,
          widget: { id: 'singleLine' },
          helpText: 'How editors find this banner, e.g. "Free trial — banner 3". Not shown on the site.',
        },
        {
          id: 'variant',
          name: 'Variant',
          type: 'Symbol',
          widget: { id: 'singleLine' },
          helpText:
            'The site style to draw the banner with, e.g. "banner-3". Ask the web team before adding one.',
        },
        {
          id: 'text',
          name: 'Button text',
          type: 'Symbol',
          required: true,
          widget: { id: 'singleLine' },
          helpText: 'The words on the button. Keep it short: it must fit on one line on a phone.',
        },
        {
          id: 'url',
          name: 'Button link',
          type: 'Symbol',
          required: true,
          validations: [
            {
              regexp: { pattern: '^https?://[^\\s]+$' },
              message: 'Must be a full http:// or https:// address.',
            },
          ],
          widget: { id: 'urlEditor' },
          helpText: 'Where the button goes: a full https:// address.',
        },
        {
          id: 'utmSource',
          name: 'UTM source',
          type: 'Symbol',
          widget: { id: 'singleLine' },
          helpText: 'The utm_source of the button link, for analytics, e.g. "kb".',
        },
        {
          id: 'utmMedium',
          name: 'UTM medium',
          type: 'Symbol',
          widget: { id: 'singleLine' },
          helpText: 'The utm_medium of the button link, for analytics, e.g. "banner".',
        },
        {
          id: 'utmCampaign',
          name: 'UTM campaign',
          type: 'Symbol',
          widget: { id: 'singleLine' },
          helpText: 'The utm_campaign of the button link, for analytics, e.g. "free-trial".',
        },
        {
          id: 'utmContent',
          name: 'UTM content',
          type: 'Symbol',
          widget: { id: 'singleLine' },
          helpText: 'The utm_content of the button link, for analytics, e.g. "banner-3".',
        },
        {
          id: 'image',
          name: 'Image',
          type: 'Link',
          linkType: 'Asset',
          validations: [{ linkMimetypeGroup: ['image'] }],
          widget: { id: 'assetLinkEditor' },
          helpText: 'Optional picture shown beside the button.',
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
          validations: [
            {
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
            },
            {
              enabledMarks: ['bold', 'italic', 'code'],
              message: 'Use bold, italic and code only.',
            },
          ],
          widget: { id: 'richTextEditor' },
          helpText:
            'What the reader sees going wrong: the error message or behaviour that brought them here.',
        },
        {
          id: 'condition',
          name: 'Condition',
          type: 'RichText',
          validations: [
            {
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
            },
            {
              enabledMarks: ['bold', 'italic', 'code'],
              message: 'Use bold, italic and code only.',
            },
          ],
          widget: { id: 'richTextEditor' },
          helpText:
            'When the issue happens (settings, versions, circumstances). Leave empty when it always can.',
        },
        {
          id: 'cause',
          name: 'Cause',
          type: 'RichText',
          validations: [
            {
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
            },
            {
              enabledMarks: ['bold', 'italic', 'code'],
              message: 'Use bold, italic and code only.',
            },
          ],
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
          items: {
            type: 'Link',
            linkType: 'Entry',
            validations: [{ linkContentType: ['resolution'] }],
          },
          widget: { id: 'entryLinksEditor' },
          helpText:
            'The ways to fix the issue, in the order the page shows them. Put the recommended one first.',
        },
        {
          id: 'notes',
          name: 'Notes',
          type: 'Array',
          items: {
            type: 'Link',
            linkType: 'Entry',
            validations: [{ linkContentType: ['note'] }],
          },
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
            'Every related link from the source, as a list of {"title", "href"}, including pages outside this space. Kept so nothing is lost; prefer Related articles for links to articles here.',
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
          validations: [
            {
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
            },
            {
              enabledMarks: ['bold', 'italic', 'code'],
              message: 'Use bold, italic and code only.',
            },
          ],
          widget: { id: 'richTextEditor' },
          helpText:
            'Content from the source that fits none of the fields above. Shown after the resolutions.',
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
          helpText:
            'Written by kb-cms: the fingerprint of the fields it last wrote. Do not edit; if the entry changes here, the next sync reports a conflict instead of overwriting your change.',
        },
      ],
    })
  },
})
