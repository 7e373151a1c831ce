// A small site written straight into an embedded space through the backend port (as an editor or the sync
// would leave it): a general page whose body uses every node the site renders, a troubleshooting article it
// links into, redirects (one to a page here, one to a page that was never migrated) and the menu.
import type { EntryInput } from '../../src/backends/port.ts'
import type { SqliteBackend } from '../../src/backends/sqlite/sqlite-backend.ts'

const en = (value: unknown) => ({ 'en-US': value })
const link = (id: string, linkType: 'Entry' | 'Asset' = 'Entry') => ({ sys: { type: 'Link', linkType, id } })
export const text = (value: string, marks: string[] = []) => ({
  nodeType: 'text',
  value,
  marks: marks.map((type) => ({ type })),
  data: {},
})
export const node = (nodeType: string, content: unknown[], data: object = {}) => ({ nodeType, data, content })
export const doc = (...content: unknown[]) => node('document', content)
const para = (...content: unknown[]) => node('paragraph', content)
const cell = (kind: 'table-header-cell' | 'table-cell', value: string) => node(kind, [para(text(value))])

export const GUIDE_PATH = '/guides/Setting-Up/'
export const ARTICLE_PATH = '/ri/fast/articles/Sync-Stops/'

/** A 1×1 PNG: a real image, so a browser could decode it. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

export async function publishSite(backend: SqliteBackend): Promise<void> {
  const asset = await backend.putAsset({
    id: 'site-shot',
    title: 'The setup dialog',
    fileName: 'setup.png',
    contentType: 'image/png',
    source: { bytes: new Uint8Array(PNG) },
  })
  const body = doc(
    para(text('Read the '), node('hyperlink', [text('options')], { uri: '#options' }), text(' first.')),
    node('heading-2', [text('1. Install {{ product_name }}')]),
    node('ordered-list', [
      node('list-item', [para(text('Download the installer.'))]),
      node('list-item', [para(text('Run it.'))]),
    ]),
    node('embedded-asset-block', [], { target: link('site-shot', 'Asset') }),
    node('heading-3', [text('Options')]),
    node('table', [
      node('table-row', [cell('table-header-cell', 'Option'), cell('table-header-cell', 'Effect')]),
      node('table-row', [cell('table-cell', '--quiet'), cell('table-cell', 'Prints nothing')]),
    ]),
    para(text('acme install --quiet\n', ['code']), text('acme start', ['code'])),
    node('embedded-entry-block', [], { target: link('site.note.warning') }),
    node('embedded-entry-block', [], { target: link('site.note.details') }),
    node('heading-2', [text('1. Install {{ product_name }}')]),
    para(
      text('If syncing stops, see '),
      node('entry-hyperlink', [text('step two of the fix')], { target: link('site.article') }),
      text(' (or '),
      node('entry-hyperlink', [text('the whole article')], { target: link('site.article') }),
      text('), '),
      node('hyperlink', [text('the other guide')], { uri: 'Other-Guide.md' }),
      text(', '),
      node('hyperlink', [text('a moved page')], { uri: '../../old/Setting-Up/' }),
      text(', '),
      node('hyperlink', [text('a page not published yet')], { uri: '../Later.md#part_2' }),
      text(', '),
      node('hyperlink', [text('script')], { uri: 'javascript:alert(1)' }),
      text(' and '),
      node('hyperlink', [text('elsewhere')], { uri: '//evil.example/x' }),
      text('.'),
    ),
  )
  const entries: EntryInput[] = [
    {
      id: 'site.note.warning',
      contentTypeId: 'note',
      fields: {
        kind: en('warning'),
        title: en('Close {{ product_name }} first'),
        body: en(doc(para(text('It locks its files.')))),
      },
    },
    {
      id: 'site.note.details',
      contentTypeId: 'note',
      fields: {
        kind: en('note'),
        title: en('Why a restart?'),
        collapsible: en(true),
        body: en(doc(para(text('The service reads its settings at start.')))),
      },
    },
    {
      id: 'site.article.r1',
      contentTypeId: 'resolution',
      fields: { name: en('Sync stops — resolution 1'), title: en('Restart the sync service') },
    },
    {
      id: 'site.article',
      contentTypeId: 'troubleshootingArticle',
      fields: {
        title: en('Sync stops after an update'),
        slug: en('ri/fast/articles/sync-stops'),
        path: en(ARTICLE_PATH),
        symptom: en(doc(para(text('Notes stop syncing.')))),
        resolutions: en([link('site.article.r1')]),
      },
    },
    {
      id: 'page.guides.other-guide',
      contentTypeId: 'page',
      fields: {
        title: en('The other guide'),
        slug: en('guides/other-guide'),
        path: en('/guides/Other-Guide/'),
      },
    },
    {
      id: 'page.guides.setting-up',
      contentTypeId: 'page',
      fields: {
        title: en('Setting up {{ product_name }}'),
        slug: en('guides/setting-up'),
        path: en(GUIDE_PATH),
        sourcePath: en('guides/Setting-Up.md'),
        description: en('Install and start it'),
        readingTimeMinutes: en(2),
        appliesTo: en(['Windows']),
        body: en(body),
        relatedPages: en([link('site.article')]),
        linkAnchors: en([{ entry: 'site.article', text: 'step two of the fix', anchor: 'step_2' }]),
      },
    },
    {
      id: 'redirect.old.setting-up',
      contentTypeId: 'redirect',
      fields: {
        from: en('/old/Setting-Up/'),
        target: en(link('page.guides.setting-up')),
        targetPath: en('/guides/Setting-Up/'),
      },
    },
    {
      id: 'redirect.old.gone',
      contentTypeId: 'redirect',
      fields: { from: en('/old/Gone/'), targetPath: en('/kept/back/Page/') },
    },
    {
      id: 'navigation-menu',
      contentTypeId: 'navigationMenu',
      fields: {
        title: en('Fixture Site'),
        items: en([
          {
            title: 'Guides',
            path: null,
            entry: null,
            url: null,
            children: [
              {
                title: 'Setting up',
                path: GUIDE_PATH,
                entry: 'page.guides.setting-up',
                url: null,
                children: [],
              },
              {
                title: 'Other guide',
                path: '/guides/Other-Guide/',
                entry: 'page.guides.other-guide',
                url: null,
                children: [],
              },
            ],
          },
          {
            title: 'Troubleshooting',
            path: null,
            entry: null,
            url: null,
            children: [
              { title: 'Sync stops', path: ARTICLE_PATH, entry: 'site.article', url: null, children: [] },
            ],
          },
          { title: 'Vendor site', path: null, entry: null, url: 'https://example.com/', children: [] },
        ]),
        pages: en([link('page.guides.setting-up'), link('page.guides.other-guide'), link('site.article')]),
      },
    },
  ]
  const items: { linkType: 'Entry' | 'Asset'; id: string; version: number }[] = [
    { linkType: 'Asset', id: asset.sys.id, version: asset.sys.version },
  ]
  for (const e of entries) {
    const written = await backend.putEntry(e)
    items.push({ linkType: 'Entry', id: written.sys.id, version: written.sys.version })
  }
  await backend.publish(items)
}
