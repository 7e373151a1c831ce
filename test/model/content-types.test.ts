// The agreed model (field ids are a team-wide contract: the sync writes them, the site reads them).
import test from 'ava'
import contentTypes from '../../content-types/index.ts'
import { type ContentTypeDefinition, toContentType, toControls } from '../../src/model/define-content-type.ts'

const byId = new Map(contentTypes.map((c) => [c.id, c]))
const get = (id: string) => byId.get(id) as ContentTypeDefinition
const shape = (id: string) =>
  toContentType(get(id)).fields.map((f) => {
    const type = f.type === 'Link' ? `Link<${f.linkType}>` : f.type
    return f.type === 'Array'
      ? `${f.id}:Array<${f.items?.type === 'Link' ? `Link<${f.items.linkType}>` : 'Symbol'}>`
      : `${f.id}:${type}`
  })

function patternOf(validation: Record<string, unknown> | undefined): string {
  const regexp = validation?.regexp as { pattern?: string } | undefined
  if (!regexp?.pattern) throw new Error('no regexp validation')
  return regexp.pattern
}

// Pages and troubleshooting articles suggest each other: the one link allowed to point at a later type.
const MUTUAL = new Set(['troubleshootingArticle>page'])

test('the model has its eight content types, each after the types its links point to', (t) => {
  t.deepEqual(
    contentTypes.map((c) => c.id),
    [
      'resolutionStep',
      'resolution',
      'note',
      'ctaBanner',
      'troubleshootingArticle',
      'page',
      'redirect',
      'navigationMenu',
    ],
  )
  const all = new Set(contentTypes.map((c) => c.id))
  contentTypes.forEach((ct, i) => {
    const earlier = new Set(contentTypes.slice(0, i + 1).map((c) => c.id))
    for (const f of toContentType(ct).fields) {
      for (const v of [...(f.validations ?? []), ...(f.items?.validations ?? [])]) {
        for (const target of (v.linkContentType as string[] | undefined) ?? []) {
          t.true(
            earlier.has(target) || MUTUAL.has(`${ct.id}>${target}`),
            `${ct.id}.${f.id} links to ${target}, defined later`,
          )
        }
        const nodes = (v.nodes ?? {}) as Record<string, { linkContentType?: string[] }[]>
        for (const rule of Object.values(nodes).flat())
          for (const target of rule.linkContentType ?? [])
            t.true(all.has(target), `${ct.id}.${f.id} rich text links to ${target}`)
      }
    }
  })
})

test('troubleshootingArticle has the agreed fields, types and order', (t) => {
  t.deepEqual(shape('troubleshootingArticle'), [
    'title:Symbol',
    'slug:Symbol',
    'path:Symbol',
    'description:Text',
    'readingTimeMinutes:Integer',
    'appliesTo:Array<Symbol>',
    'symptom:RichText',
    'condition:RichText',
    'cause:RichText',
    'errorCodes:Array<Symbol>',
    'resolutions:Array<Link<Entry>>',
    'notes:Array<Link<Entry>>',
    'relatedArticles:Array<Link<Entry>>',
    'relatedLinks:Object',
    'ctaBanner:Link<Entry>',
    'body:RichText',
    'sourcePath:Symbol',
    'linkAnchors:Object',
    'syncBase:Object',
  ])
  const article = toContentType(get('troubleshootingArticle'))
  const field = (id: string) => article.fields.find((f) => f.id === id)
  t.is(article.displayField, 'title')
  t.deepEqual(
    article.fields.filter((f) => f.required).map((f) => f.id),
    ['title', 'slug'],
    'symptom is optional: the parser does not guarantee one',
  )
  t.deepEqual(field('slug')?.validations?.[0], { unique: true })
  const pattern = new RegExp(patternOf(field('slug')?.validations?.[1]))
  t.true(pattern.test('outlook-sync-error-2'))
  t.true(pattern.test('ri/fast/articles/salesforce-oauth-error'), 'slugs follow the folders')
  for (const bad of ['Outlook', 'a--b', '-a', 'a-', 'a b', 'a//b', '/a', 'a/', 'a/-b'])
    t.false(pattern.test(bad), bad)
  t.deepEqual(field('path')?.validations?.[0], { unique: true })
  const path = new RegExp(patternOf(field('path')?.validations?.[1]))
  for (const good of ['/', '/ri/fast/articles/Salesforce-OAuth-Error/', '/articles/', '/a/(MSI)-&-x/'])
    t.true(path.test(good), good)
  for (const bad of ['', 'a/', '/a', '/a//b/', '/a b/', '/a/?x/', '/a/#b/']) t.false(path.test(bad), bad)
  t.deepEqual(field('readingTimeMinutes')?.validations, [
    { range: { min: 1 }, message: 'At least 1 minute.' },
  ])
  t.deepEqual(field('ctaBanner')?.validations, [{ linkContentType: ['ctaBanner'] }])
  t.deepEqual(field('relatedArticles')?.items?.validations, [
    { linkContentType: ['troubleshootingArticle', 'page'] },
  ])
  t.deepEqual(
    article.fields.filter((f) => f.disabled).map((f) => f.id),
    ['sourcePath', 'syncBase'],
  )
  const slugControl = toControls(get('troubleshootingArticle')).find((c) => c.fieldId === 'slug')
  t.is(slugControl?.widgetId, 'slugEditor')
  t.is(slugControl?.settings?.trackingFieldId, 'title')
})

test('resolution, resolutionStep, note and ctaBanner have the agreed fields', (t) => {
  t.deepEqual(shape('resolution'), [
    'name:Symbol',
    'title:Symbol',
    'kind:Symbol',
    'cause:RichText',
    'intro:RichText',
    'steps:Array<Link<Entry>>',
    'syncBase:Object',
  ])
  t.deepEqual(shape('resolutionStep'), [
    'name:Symbol',
    'instruction:RichText',
    'images:Array<Link<Asset>>',
    'syncBase:Object',
  ])
  t.deepEqual(shape('note'), [
    'kind:Symbol',
    'title:Symbol',
    'body:RichText',
    'collapsible:Boolean',
    'syncBase:Object',
  ])
  t.deepEqual(shape('ctaBanner'), [
    'internalName:Symbol',
    'variant:Symbol',
    'text:Symbol',
    'url:Symbol',
    'utmSource:Symbol',
    'utmMedium:Symbol',
    'utmCampaign:Symbol',
    'utmContent:Symbol',
    'image:Link<Asset>',
    'syncBase:Object',
  ])
  const field = (ct: string, id: string) => toContentType(get(ct)).fields.find((f) => f.id === id)
  t.deepEqual(field('resolution', 'kind')?.validations, [{ in: ['primary', 'alternative', 'workaround'] }])
  t.deepEqual(field('note', 'kind')?.validations?.[0]?.in, [
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
  ])
  t.deepEqual(field('resolutionStep', 'images')?.items?.validations, [{ linkMimetypeGroup: ['image'] }])
  const url = new RegExp(patternOf(field('ctaBanner', 'url')?.validations?.[0]))
  t.true(url.test('https://example.com/trial?utm_source=kb'))
  t.false(url.test('example.com'))
  t.deepEqual(
    contentTypes.map((c) => [c.id, c.displayField]),
    [
      ['resolutionStep', 'name'],
      ['resolution', 'name'],
      ['note', 'title'],
      ['ctaBanner', 'internalName'],
      ['troubleshootingArticle', 'title'],
      ['page', 'title'],
      ['redirect', 'from'],
      ['navigationMenu', 'title'],
    ],
  )
  t.deepEqual(
    contentTypes.map((c) => [c.id, field(c.id, 'syncBase')?.disabled]),
    contentTypes.map((c) => [c.id, true]),
  )
})

test('every field has an editor widget and a help text an editor can read', (t) => {
  for (const ct of contentTypes) {
    t.true((ct.description ?? '').length > 20, `${ct.id} has a description`)
    for (const f of ct.fields) {
      t.truthy(f.widget.id, `${ct.id}.${f.id} has a widget`)
      t.true(
        f.helpText.length >= 20 && f.helpText.length <= 255,
        `${ct.id}.${f.id} help text is 20–255 chars`,
      )
      t.notRegex(f.helpText, /\b(TODO|TBD)\b/, `${ct.id}.${f.id}`)
    }
    t.true(
      toContentType(ct).fields.every((f) => !f.localized),
      `${ct.id}: fields are not localized`,
    )
  }
})

test('rich text fields allow what the parser produces and nothing the site cannot render', (t) => {
  let fields = 0
  for (const ct of contentTypes) {
    for (const f of toContentType(ct).fields.filter((f) => f.type === 'RichText')) {
      fields++
      const where = `${ct.id}.${f.id}`
      const nodes = f.validations?.find((v) => v.enabledNodeTypes)?.enabledNodeTypes as string[]
      const marks = f.validations?.find((v) => v.enabledMarks)?.enabledMarks as string[]
      const rules = f.validations?.find((v) => v.nodes)?.nodes
      for (const n of [
        'ordered-list',
        'unordered-list',
        'hyperlink',
        'entry-hyperlink',
        'embedded-asset-block',
        'embedded-entry-block',
        'table',
      ]) {
        t.true(nodes.includes(n), `${where} allows ${n}`)
      }
      for (const n of ['embedded-entry-inline', 'asset-hyperlink', 'embedded-resource-block'])
        t.false(nodes.includes(n), `${where} refuses ${n}`)
      t.is(nodes.includes('heading-1'), where === 'page.body', `${where}: heading-1 only in a page body`)
      t.deepEqual(
        [...marks].sort(),
        ['bold', 'code', 'italic', 'subscript', 'superscript', 'underline'],
        where,
      )
      t.deepEqual(
        rules,
        {
          'entry-hyperlink': [{ linkContentType: ['page', 'troubleshootingArticle'] }],
          'embedded-entry-block': [{ linkContentType: ['note'] }],
        },
        `${where}: links go to pages and articles, embedded entries are notes`,
      )
    }
  }
  t.is(fields, 9, 'every Rich Text field of the model')
})

test('page, redirect and navigationMenu have the agreed fields', (t) => {
  t.deepEqual(shape('page'), [
    'title:Symbol',
    'slug:Symbol',
    'path:Symbol',
    'description:Text',
    'readingTimeMinutes:Integer',
    'appliesTo:Array<Symbol>',
    'body:RichText',
    'relatedPages:Array<Link<Entry>>',
    'relatedLinks:Object',
    'ctaBanner:Link<Entry>',
    'linkAnchors:Object',
    'sourcePath:Symbol',
    'syncBase:Object',
  ])
  t.deepEqual(shape('redirect'), [
    'from:Symbol',
    'target:Link<Entry>',
    'targetPath:Symbol',
    'sourcePath:Symbol',
    'syncBase:Object',
  ])
  t.deepEqual(shape('navigationMenu'), [
    'title:Symbol',
    'items:Object',
    'pages:Array<Link<Entry>>',
    'sourcePath:Symbol',
    'syncBase:Object',
  ])
  const fields = (ct: string) => toContentType(get(ct)).fields
  const field = (ct: string, id: string) => fields(ct).find((f) => f.id === id)
  t.deepEqual(
    ['page', 'redirect', 'navigationMenu'].map((ct) =>
      fields(ct)
        .filter((f) => f.required)
        .map((f) => f.id),
    ),
    [
      ['title', 'path'],
      ['from', 'targetPath'],
      ['title', 'items'],
    ],
  )
  const pages = ['page', 'troubleshootingArticle']
  t.deepEqual(field('page', 'relatedPages')?.items?.validations, [{ linkContentType: pages }])
  t.deepEqual(field('redirect', 'target')?.validations, [{ linkContentType: pages }])
  t.deepEqual(field('navigationMenu', 'pages')?.items?.validations, [{ linkContentType: pages }])
  t.deepEqual(field('page', 'ctaBanner')?.validations, [{ linkContentType: ['ctaBanner'] }])
  for (const [ct, id] of [
    ['page', 'path'],
    ['page', 'slug'],
    ['redirect', 'from'],
  ] as const)
    t.deepEqual(field(ct, id)?.validations?.[0], { unique: true }, `${ct}.${id} is unique`)
  t.deepEqual(field('page', 'slug')?.validations, field('troubleshootingArticle', 'slug')?.validations)
  t.deepEqual(field('page', 'path')?.validations, field('troubleshootingArticle', 'path')?.validations)
  const from = new RegExp(patternOf(field('redirect', 'from')?.validations?.[1]))
  t.true(from.test('/old/Page-Name/'))
  t.false(from.test('old/Page-Name'))
  for (const ct of ['page', 'redirect', 'navigationMenu'])
    t.deepEqual(
      fields(ct)
        .filter((f) => f.disabled)
        .map((f) => f.id),
      ['sourcePath', 'syncBase'],
      ct,
    )
})
