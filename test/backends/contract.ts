// The ContentBackend contract: what every adapter promises, checked through the port alone. Run against the
// embedded space (sqlite.test.ts) and, through the local Management face, the Contentful adapter.
import type { ExecutionContext, Implementation, TestFn } from 'ava'
import {
  ConflictError,
  type ContentBackend,
  type LedgerRow,
  type LockHolder,
  type ModelWrite,
  ValidationError,
} from '../../src/backends/port.ts'
import type { ContentType, EntryRecord, Field } from '../../src/model/contentful-types.ts'

export interface ContractOptions {
  /** The adapter applies a migration's writes and its ledger row in one transaction (the embedded space). */
  transactionalMigrations?: boolean
}

const L = 'en-US'
const v = <T>(value: T) => ({ [L]: value })
const f = (id: string, type: Field['type'], extra: Partial<Field> = {}): Field => ({
  id,
  name: id[0]?.toUpperCase() + id.slice(1),
  type,
  required: false,
  localized: false,
  ...extra,
})

export const person: ContentType = {
  id: 'person',
  name: 'Person',
  displayField: 'name',
  fields: [f('name', 'Symbol', { required: true })],
}

export const article: ContentType = {
  id: 'article',
  name: 'Article',
  description: 'A test article',
  displayField: 'title',
  fields: [
    f('title', 'Symbol', { required: true }),
    f('slug', 'Symbol', {
      required: true,
      validations: [{ unique: true }, { regexp: { pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' } }],
    }),
    f('author', 'Link', { linkType: 'Entry', validations: [{ linkContentType: ['person'] }] }),
    f('tags', 'Array', {
      items: { type: 'Symbol', validations: [{ in: ['a', 'b', 'c'] }] },
      validations: [{ size: { max: 2 } }],
    }),
    f('rating', 'Integer', { validations: [{ range: { min: 1, max: 5 } }] }),
    f('image', 'Link', { linkType: 'Asset', validations: [{ linkMimetypeGroup: ['image'] }] }),
    f('summary', 'Text'),
  ],
}

let counter = 0
const row = (name: string): LedgerRow => ({
  name,
  checksum: `sha256-${name}-${++counter}`,
  appliedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, counter)).toISOString(),
})

const holder = (id: string, expiresInMs = 60_000): LockHolder => ({
  id,
  description: `tester@host pid ${id}, migrate`,
  acquiredAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
})

const save = (contentType: ContentType): ModelWrite => ({ type: 'saveContentType', contentType })

/** A 1×2 PNG: enough header for an image with dimensions. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000020806000000' + '0000000049454e44ae426082',
  'hex',
)

/** Declares the contract's tests for one adapter, each title starting with `adapter` (one ava worker may hold
 * the contract for several). */
export function backendContract(
  adapter: string,
  test: TestFn,
  makeBackend: () => Promise<ContentBackend>,
  options: ContractOptions = {},
) {
  const contractTest = (title: string, implementation: Implementation<[]>) =>
    test(`${adapter}: ${title}`, implementation)
  const open = async (t: ExecutionContext) => {
    const backend = await makeBackend()
    t.teardown(() => backend.close())
    return backend
  }
  /** A space with person and article active. */
  const modelled = async (t: ExecutionContext) => {
    const backend = await open(t)
    await backend.applyMigration([save(person), save(article)], row('0001-model'))
    return backend
  }
  const entry = async (b: ContentBackend, id: string, fields: Record<string, unknown>, ct = 'article') =>
    b.putEntry({
      id,
      contentTypeId: ct,
      fields: Object.fromEntries(Object.entries(fields).map(([k, x]) => [k, v(x)])),
    })
  const one = async (b: ContentBackend, id: string): Promise<EntryRecord> => {
    const page = await b.getEntries({ ids: [id] })
    const found = page.items.find((e) => e.sys.id === id)
    if (!found) throw new Error(`entry ${id} not found`)
    return found
  }
  const validArticle = (slug: string) => ({ title: `Title ${slug}`, slug })

  contractTest('describes itself', async (t) => {
    const b = await open(t)
    t.regex(b.description, /\S/)
  })

  // Lock.

  contractTest(
    'lock: one holder at a time; the holder may refresh it; others see who holds it',
    async (t) => {
      const b = await open(t)
      t.deepEqual(await b.acquireLock(holder('run-a')), { acquired: true })
      const denied = await b.acquireLock(holder('run-b'))
      t.false(denied.acquired)
      if (!denied.acquired) {
        t.is(denied.holder.id, 'run-a')
        t.is(denied.holder.description, 'tester@host pid run-a, migrate')
      }
      t.true((await b.acquireLock(holder('run-a'))).acquired)
    },
  )

  contractTest('lock: release frees it only for its holder', async (t) => {
    const b = await open(t)
    await b.acquireLock(holder('run-a'))
    await b.releaseLock('run-b')
    t.false((await b.acquireLock(holder('run-b'))).acquired)
    await b.releaseLock('run-a')
    t.true((await b.acquireLock(holder('run-b'))).acquired)
  })

  contractTest('lock: an expired lock (a killed run) is taken over', async (t) => {
    const b = await open(t)
    t.true((await b.acquireLock(holder('killed', -1000))).acquired)
    t.true((await b.acquireLock(holder('next'))).acquired)
    const denied = await b.acquireLock(holder('third'))
    t.false(denied.acquired)
    if (!denied.acquired) t.is(denied.holder.id, 'next')
    // The killed run coming back to release must not free the new holder's lock.
    await b.releaseLock('killed')
    t.false((await b.acquireLock(holder('third'))).acquired)
  })

  contractTest('lock: racing acquirers, exactly one wins', async (t) => {
    const b = await open(t)
    // A lock that cannot expire while they race (an expired one may rightly be taken over, and a loaded machine
    // can take a minute over five acquires with retries).
    const hour = 60 * 60_000
    const results = await Promise.all(
      ['r1', 'r2', 'r3', 'r4', 'r5'].map((id) => b.acquireLock(holder(id, hour))),
    )
    t.is(results.filter((r) => r.acquired).length, 1)
  })

  // Ledger.

  contractTest('ledger: empty at first, then every applied migration in order, as recorded', async (t) => {
    const b = await open(t)
    t.deepEqual(await b.readLedger(), [])
    const first = row('0001-first')
    const second = row('0002-second')
    await b.applyMigration([], first)
    await b.applyMigration([save(person)], second)
    t.deepEqual(await b.readLedger(), [first, second])
  })

  // Model.

  contractTest(
    'model: a saved content type round-trips, active, with its fields and validations',
    async (t) => {
      const b = await modelled(t)
      const model = await b.readModel()
      const record = model.contentTypes.find((c) => c.sys.id === 'article')
      t.truthy(record)
      if (!record) return
      t.truthy(record.active, 'activated')
      t.is(typeof record.sys.publishedVersion, 'number')
      for (const ct of [record.contentType, record.active as ContentType]) {
        t.is(ct.displayField, 'title')
        t.is(ct.name, 'Article')
        t.deepEqual(
          ct.fields.map((x) => [x.id, x.type, x.required, x.linkType, x.items?.type]),
          article.fields.map((x) => [x.id, x.type, x.required, x.linkType, x.items?.type]),
        )
        t.deepEqual(ct.fields.find((x) => x.id === 'slug')?.validations, article.fields[1]?.validations)
        t.deepEqual(ct.fields.find((x) => x.id === 'tags')?.items?.validations, [{ in: ['a', 'b', 'c'] }])
      }
      t.deepEqual(model.contentTypes.map((c) => c.sys.id).sort(), ['article', 'person'])
    },
  )

  contractTest('model: saving an unchanged content type changes nothing', async (t) => {
    const b = await modelled(t)
    const before = await b.readModel()
    await b.applyMigration([save(article)], row('0002-same'))
    const after = await b.readModel()
    t.deepEqual(
      after.contentTypes.map((c) => [c.sys.id, c.sys.version]),
      before.contentTypes.map((c) => [c.sys.id, c.sys.version]),
    )
  })

  contractTest('model: a field is deleted by omitting it first, then deleting it', async (t) => {
    const b = await modelled(t)
    const withSummary = (extra: Partial<Field>) => ({
      ...article,
      fields: article.fields.map((x) => (x.id === 'summary' ? { ...x, ...extra } : x)),
    })
    await t.throwsAsync(b.applyMigration([save(withSummary({ deleted: true }))], row('0002-delete-early')), {
      instanceOf: ValidationError,
    })
    await b.applyMigration([save(withSummary({ omitted: true }))], row('0002-omit'))
    let active = (await b.readModel()).contentTypes.find((c) => c.sys.id === 'article')?.active
    t.true(active?.fields.find((x) => x.id === 'summary')?.omitted)
    await b.applyMigration([save(withSummary({ omitted: true, deleted: true }))], row('0003-delete'))
    active = (await b.readModel()).contentTypes.find((c) => c.sys.id === 'article')?.active
    t.false(active?.fields.some((x) => x.id === 'summary'))
    t.deepEqual(
      (await b.readLedger()).map((r) => r.name),
      ['0001-model', '0002-omit', '0003-delete'],
    )
  })

  contractTest(
    'model: editor interface writes merge, keeping sidebar, editors and other controls',
    async (t) => {
      const b = await modelled(t)
      const sidebar = [{ widgetId: 'publication-widget', widgetNamespace: 'sidebar-builtin' }]
      const editors = [{ widgetId: 'default-editor', widgetNamespace: 'editor-builtin' }]
      await b.applyMigration(
        [
          {
            type: 'saveEditorInterface',
            contentTypeId: 'article',
            editorInterface: {
              controls: [
                {
                  fieldId: 'title',
                  widgetNamespace: 'builtin',
                  widgetId: 'singleLine',
                  settings: { helpText: 'Title' },
                },
              ],
              sidebar,
              editors,
            },
          },
        ],
        row('0002-widgets'),
      )
      await b.applyMigration(
        [
          {
            type: 'saveEditorInterface',
            contentTypeId: 'article',
            editorInterface: {
              controls: [
                {
                  fieldId: 'slug',
                  widgetNamespace: 'builtin',
                  widgetId: 'slugEditor',
                  settings: { helpText: 'Slug', trackingFieldId: 'title' },
                },
              ],
            },
          },
        ],
        row('0003-slug-widget'),
      )
      const ei = (await b.readModel()).editorInterfaces.find((e) => e.sys.contentType.sys.id === 'article')
      t.truthy(ei)
      const controls = ei?.editorInterface.controls ?? []
      const control = (id: string) => controls.find((c) => c.fieldId === id)
      t.is(control('title')?.widgetId, 'singleLine')
      t.is(control('title')?.settings?.helpText, 'Title')
      t.is(control('slug')?.widgetId, 'slugEditor')
      t.is(control('slug')?.settings?.trackingFieldId, 'title')
      t.deepEqual(ei?.editorInterface.sidebar, sidebar)
      t.deepEqual(ei?.editorInterface.editors, editors)
    },
  )

  contractTest('model: a content type with entries cannot be deleted; without, it can', async (t) => {
    const b = await modelled(t)
    await entry(b, 'ada', { name: 'Ada' }, 'person')
    await t.throwsAsync(b.applyMigration([{ type: 'deleteContentType', id: 'person' }], row('0002-drop')), {
      instanceOf: ValidationError,
    })
    t.true((await b.readModel()).contentTypes.some((c) => c.sys.id === 'person'))
    await b.applyMigration([{ type: 'deleteContentType', id: 'article' }], row('0002-drop-article'))
    t.deepEqual(
      (await b.readModel()).contentTypes.map((c) => c.sys.id),
      ['person'],
    )
  })

  const badModels: [string, ContentType][] = [
    ['duplicate field ids', { ...person, fields: [f('name', 'Symbol'), f('name', 'Text')] }],
    ['a display field that is not a field', { ...person, displayField: 'nope' }],
    [
      'an Integer display field',
      { ...person, displayField: 'age', fields: [...person.fields, f('age', 'Integer')] },
    ],
    [
      '51 fields',
      { ...person, fields: Array.from({ length: 51 }, (_, i) => f(i ? `field${i}` : 'name', 'Symbol')) },
    ],
    [
      'a link to a content type that does not exist',
      {
        ...person,
        fields: [
          ...person.fields,
          f('pet', 'Link', { linkType: 'Entry', validations: [{ linkContentType: ['pet'] }] }),
        ],
      },
    ],
    [
      'a malformed regexp',
      { ...person, fields: [f('name', 'Symbol', { validations: [{ regexp: { pattern: '(' } }] })] },
    ],
    [
      'an unknown validation',
      { ...person, fields: [f('name', 'Symbol', { validations: [{ shiny: true }] })] },
    ],
  ]
  for (const [what, ct] of badModels) {
    contractTest(`model: rejects ${what}, recording nothing`, async (t) => {
      const b = await open(t)
      await t.throwsAsync(b.applyMigration([save(ct)], row('0001-bad')), { instanceOf: ValidationError })
      t.deepEqual(await b.readLedger(), [])
    })
  }

  contractTest('model: a migration failing mid-way records no ledger row', async (t) => {
    const b = await open(t)
    const broken = { ...article, fields: [f('title', 'Symbol'), f('title', 'Symbol')] }
    await t.throwsAsync(b.applyMigration([save(person), save(broken)], row('0001-half')), {
      instanceOf: ValidationError,
    })
    t.deepEqual(await b.readLedger(), [])
    if (options.transactionalMigrations) {
      t.deepEqual((await b.readModel()).contentTypes, [], 'the write before the failure is rolled back too')
    }
    // Fixed, the same migration applies completely.
    const fixed = row('0001-half')
    await b.applyMigration([save(person), save(article)], fixed)
    t.deepEqual(
      (await b.readLedger()).map((r) => r.name),
      ['0001-half'],
    )
  })

  // Entries.

  contractTest(
    'entries: versions on create, update and publish; stale or duplicate writes conflict',
    async (t) => {
      const b = await modelled(t)
      const created = await entry(b, 'one', validArticle('one'))
      t.is(created.sys.version, 1)
      t.is(created.sys.publishedVersion, undefined)
      t.is(created.sys.contentType.sys.id, 'article')
      await t.throwsAsync(entry(b, 'one', validArticle('again')), { instanceOf: ConflictError })

      const updated = await b.putEntry(
        { id: 'one', contentTypeId: 'article', fields: { title: v('New'), slug: v('one') } },
        created.sys.version,
      )
      t.is(updated.sys.version, 2)
      t.deepEqual(updated.fields, { title: v('New'), slug: v('one') }, 'the fields are replaced, not merged')
      await t.throwsAsync(
        b.putEntry(
          { id: 'one', contentTypeId: 'article', fields: { title: v('Lost') } },
          created.sys.version,
        ),
        { instanceOf: ConflictError },
      )

      await b.publish([{ linkType: 'Entry', id: 'one', version: 2 }])
      const published = await one(b, 'one')
      t.is(published.sys.publishedVersion, 2)
      t.is(published.sys.version, 3)
      t.deepEqual(published.fields.title, v('New'))

      const edited = await b.putEntry(
        { id: 'one', contentTypeId: 'article', fields: { title: v('Draft'), slug: v('one') } },
        3,
      )
      t.is(edited.sys.version, 4)
      t.is(edited.sys.publishedVersion, 2, 'a draft edit leaves the published version')
    },
  )

  contractTest('entries: fields the content type does not have are refused', async (t) => {
    const b = await modelled(t)
    await t.throwsAsync(entry(b, 'x', { ...validArticle('x'), colour: 'red' }))
    t.is((await b.getEntries({ ids: ['x'] })).items.length, 0)
  })

  contractTest('entries: pages by content type in creation order, and by ids', async (t) => {
    const b = await modelled(t)
    const ids = Array.from({ length: 23 }, (_, i) => `a${String(i).padStart(2, '0')}`)
    for (const id of ids) await entry(b, id, validArticle(id))
    await entry(b, 'ada', { name: 'Ada' }, 'person')

    const seen: string[] = []
    let skip = 0
    for (;;) {
      const page = await b.getEntries({ contentTypeId: 'article', skip, limit: 10 })
      t.is(page.total, 23)
      t.true(page.items.length <= 10)
      if (page.items.length === 0) break
      seen.push(...page.items.map((e) => e.sys.id))
      skip += page.items.length
    }
    t.deepEqual(seen, ids)
    const byIds = await b.getEntries({ ids: ['a05', 'ada', 'missing'] })
    t.deepEqual(byIds.items.map((e) => e.sys.id).sort(), ['a05', 'ada'])
    t.is((await b.getEntries({ contentTypeId: 'person' })).total, 1)
  })

  const invalidArticles: [string, Record<string, unknown>][] = [
    ['a required field is missing', { title: 'No slug' }],
    ['a value does not match the regexp', { title: 'T', slug: 'Not A Slug' }],
    ['a value is of the wrong type', { title: 42, slug: 'typed' }],
    ['an integer is out of range', { ...validArticle('rated'), rating: 9 }],
    ['an array is too long', { ...validArticle('tagged'), tags: ['a', 'b', 'c'] }],
    ['an item is not allowed', { ...validArticle('tagged'), tags: ['z'] }],
    [
      'a link names a missing entry',
      { ...validArticle('linked'), author: { sys: { type: 'Link', linkType: 'Entry', id: 'ghost' } } },
    ],
  ]
  for (const [what, fields] of invalidArticles) {
    contractTest(`publish: refused when ${what}`, async (t) => {
      const b = await modelled(t)
      const e = await entry(b, 'bad', fields)
      const error = await t.throwsAsync(
        b.publish([{ linkType: 'Entry', id: 'bad', version: e.sys.version }]),
        {
          instanceOf: ValidationError,
        },
      )
      t.true((error?.details ?? []).length > 0, 'says what failed')
      t.is((await one(b, 'bad')).sys.publishedVersion, undefined)
    })
  }

  contractTest('publish: a link must point at an allowed content type', async (t) => {
    const b = await modelled(t)
    const other = await entry(b, 'other', validArticle('other'))
    const e = await entry(b, 'linking', {
      ...validArticle('linking'),
      author: { sys: { type: 'Link', linkType: 'Entry', id: 'other' } },
    })
    await t.throwsAsync(b.publish([{ linkType: 'Entry', id: 'linking', version: e.sys.version }]), {
      instanceOf: ValidationError,
    })
    const ada = await entry(b, 'ada', { name: 'Ada' }, 'person')
    const fixed = await b.putEntry(
      {
        id: 'linking',
        contentTypeId: 'article',
        fields: { ...e.fields, author: v({ sys: { type: 'Link', linkType: 'Entry', id: 'ada' } }) },
      },
      e.sys.version,
    )
    await b.publish([
      { linkType: 'Entry', id: 'ada', version: ada.sys.version },
      { linkType: 'Entry', id: 'linking', version: fixed.sys.version },
    ])
    t.is((await one(b, 'linking')).sys.publishedVersion, fixed.sys.version)
    t.is((await one(b, 'other')).sys.version, other.sys.version)
  })

  contractTest('publish: unique values are unique among published entries', async (t) => {
    const b = await modelled(t)
    const first = await entry(b, 'first', validArticle('same'))
    const second = await entry(b, 'second', { ...validArticle('same'), title: 'Second' })
    await b.publish([{ linkType: 'Entry', id: 'first', version: first.sys.version }])
    await t.throwsAsync(b.publish([{ linkType: 'Entry', id: 'second', version: second.sys.version }]), {
      instanceOf: ValidationError,
    })
    t.is((await one(b, 'second')).sys.publishedVersion, undefined)
  })

  contractTest('publish: many at once is all or nothing', async (t) => {
    const b = await modelled(t)
    const good = await entry(b, 'good', validArticle('good'))
    const bad = await entry(b, 'bad', { title: 'No slug' })
    await t.throwsAsync(
      b.publish([
        { linkType: 'Entry', id: 'good', version: good.sys.version },
        { linkType: 'Entry', id: 'bad', version: bad.sys.version },
      ]),
      { instanceOf: ValidationError },
    )
    t.is((await one(b, 'good')).sys.publishedVersion, undefined)
    t.is((await one(b, 'bad')).sys.publishedVersion, undefined)
  })

  contractTest('publish: a stale pinned version is refused', async (t) => {
    const b = await modelled(t)
    const e = await entry(b, 'pinned', validArticle('pinned'))
    await b.putEntry({ id: 'pinned', contentTypeId: 'article', fields: e.fields }, e.sys.version)
    await t.throwsAsync(b.publish([{ linkType: 'Entry', id: 'pinned', version: e.sys.version }]))
    t.is((await one(b, 'pinned')).sys.publishedVersion, undefined)
  })

  contractTest('unpublish: the entry becomes a draft again', async (t) => {
    const b = await modelled(t)
    const e = await entry(b, 'u', validArticle('u'))
    await b.publish([{ linkType: 'Entry', id: 'u', version: e.sys.version }])
    const published = await one(b, 'u')
    await b.unpublish({ linkType: 'Entry', id: 'u', version: published.sys.version })
    const after = await one(b, 'u')
    t.is(after.sys.publishedVersion, undefined)
    t.is(after.sys.version, published.sys.version + 1)
  })

  contractTest('archive: an archived entry is kept but cannot be edited or published', async (t) => {
    const b = await modelled(t)
    const e = await entry(b, 'old', validArticle('old'))
    await b.archive({ linkType: 'Entry', id: 'old', version: e.sys.version })
    const archived = await one(b, 'old')
    t.is(typeof archived.sys.archivedVersion, 'number')
    t.is(archived.sys.version, e.sys.version + 1)
    await t.throwsAsync(
      b.putEntry(
        { id: 'old', contentTypeId: 'article', fields: { title: v('Changed'), slug: v('old') } },
        archived.sys.version,
      ),
    )
    await t.throwsAsync(b.publish([{ linkType: 'Entry', id: 'old', version: archived.sys.version }]))
    t.deepEqual((await one(b, 'old')).fields.title, v('Title old'))
  })

  // Assets.

  contractTest('assets: bytes become a processed file with a url and a size, then publish', async (t) => {
    const b = await modelled(t)
    const asset = await b.putAsset({
      id: 'pixel',
      title: 'A pixel',
      description: 'One by two',
      fileName: 'pixel.png',
      contentType: 'image/png',
      source: { bytes: PNG },
    })
    const file = asset.fields.file?.[L]
    t.truthy(file?.url)
    t.is(file?.fileName, 'pixel.png')
    t.is(file?.contentType, 'image/png')
    t.is(file?.details?.size, PNG.byteLength)
    t.is(asset.fields.title?.[L], 'A pixel')
    await b.publish([{ linkType: 'Asset', id: 'pixel', version: asset.sys.version }])
    const [stored] = (await b.getAssets({ ids: ['pixel'] })).items
    t.is(stored?.sys.publishedVersion, asset.sys.version)
    t.is((await b.getAssets({})).total, 1)

    const e = await entry(b, 'pictured', {
      ...validArticle('pictured'),
      image: { sys: { type: 'Link', linkType: 'Asset', id: 'pixel' } },
    })
    await b.publish([{ linkType: 'Entry', id: 'pictured', version: e.sys.version }])
    t.is((await one(b, 'pictured')).sys.publishedVersion, e.sys.version)
  })

  contractTest('assets: an update with the current version replaces the file', async (t) => {
    const b = await modelled(t)
    const input = {
      id: 'doc',
      title: 'Doc',
      fileName: 'a.png',
      contentType: 'image/png',
      source: { bytes: PNG },
    }
    const first = await b.putAsset(input)
    await t.throwsAsync(b.putAsset(input), { instanceOf: ConflictError })
    const bytes = Buffer.concat([PNG, Buffer.from('tail')])
    const second = await b.putAsset({ ...input, fileName: 'b.png', source: { bytes } }, first.sys.version)
    t.true(second.sys.version > first.sys.version)
    t.is(second.fields.file?.[L]?.fileName, 'b.png')
    t.is(second.fields.file?.[L]?.details?.size, bytes.byteLength)
    t.not(second.fields.file?.[L]?.url, first.fields.file?.[L]?.url)
  })

  contractTest('assets: an image link refuses a non-image asset', async (t) => {
    const b = await modelled(t)
    const text = await b.putAsset({
      id: 'notes',
      title: 'Notes',
      fileName: 'notes.txt',
      contentType: 'text/plain',
      source: { bytes: Buffer.from('plain words') },
    })
    await b.publish([{ linkType: 'Asset', id: 'notes', version: text.sys.version }])
    const e = await entry(b, 'wrong-image', {
      ...validArticle('wrong-image'),
      image: { sys: { type: 'Link', linkType: 'Asset', id: 'notes' } },
    })
    await t.throwsAsync(b.publish([{ linkType: 'Entry', id: 'wrong-image', version: e.sys.version }]), {
      instanceOf: ValidationError,
    })
  })
}
