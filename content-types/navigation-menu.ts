import { defineContentType } from '../src/model/define-content-type.ts'
import { syncBaseHelp } from './rich-text.ts'

export default defineContentType({
  id: 'navigationMenu',
  name: 'Navigation menu',
  description:
    'The site menu (mkdocs.yml "nav"): sections and pages in menu order, as one tree. The site has one, ' +
    'with the id "navigation-menu".',
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
        'The tree: a list of {"title", "path", "entry", "url", "children"}. A section has children and no ' +
        'path; "entry" is the id of the page it opens; "url" an outside address.',
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
      id: 'syncBase',
      name: 'Sync base',
      type: 'Object',
      disabled: true,
      widget: { id: 'objectEditor' },
      helpText: syncBaseHelp,
    },
  ],
})
