import test from 'ava'
import fc from 'fast-check'
import { canonicalJson } from '../../src/model/canonical-json.ts'
import { desiredArticle } from '../../src/sync/desired-state.ts'
import { articleId, assetIdFromBytes, childId, stepSuffix } from '../../src/sync/ids.ts'
import { slugOfPath } from '../../src/sync/link-path.ts'
import { article, image } from './helpers/articles.ts'

/** `existing`: URL paths of articles in the space (their ids derive from the path). */
const ctx = (known: Record<string, string> = {}, existing: string[] = [], base = 'widget-stuck') => ({
  base,
  assetIdOf: (ref: { path: string | null }) => (ref.path ? (known[ref.path] ?? null) : null),
  resolve: (path: string) =>
    existing.includes(path)
      ? { id: articleId(slugOfPath(path)), type: 'troubleshootingArticle' as const }
      : null,
})

const field = (entry: { owned: Record<string, unknown> }, id: string) => entry.owned[id] ?? undefined

test('an article becomes steps, resolutions, notes and the article, children first', (t) => {
  const { entries } = desiredArticle(article('widget-stuck'), ctx())
  t.deepEqual(
    entries.map((e) => [e.contentTypeId, e.id]),
    [
      ['resolutionStep', 'widget-stuck.r1.s1'],
      ['resolutionStep', 'widget-stuck.r1.s2'],
      ['resolution', 'widget-stuck.r1'],
      ['note', 'widget-stuck.n1'],
      ['troubleshootingArticle', 'widget-stuck'],
    ],
  )
  const [, , resolution, note, main] = entries
  t.is(field(resolution as never, 'name'), 'Widget trouble: widget-stuck — resolution 1')
  t.is(field(resolution as never, 'kind'), 'primary')
  t.is(
    field(note as never, 'title'),
    'Tip',
    'an untitled admonition is titled by its kind, as mkdocs-material shows it',
  )
  t.deepEqual(field(main as never, 'resolutions'), [
    { sys: { type: 'Link', linkType: 'Entry', id: 'widget-stuck.r1' } },
  ])
  t.is(field(main as never, 'sourcePath'), 'widget-stuck.md', 'relative to the docs root')
  t.is(field(main as never, 'path'), '/widget-stuck/')
  t.is(field(main as never, 'condition'), undefined, 'empty fields are left unset')
})

test('every entry lists every field the sync owns, with null for none, so the others are left alone', (t) => {
  const main = desiredArticle(article('widget-stuck'), ctx()).entries.at(-1)
  t.true(main && 'condition' in main.owned && main.owned.condition === null)
  t.false(main && 'syncBase' in main.owned, 'the base is bookkeeping, not a field of the page')
  t.is(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }), '{"a":[{"c":3,"d":2}],"b":1}')
})

test('embedded image placeholders become links to the image assets; missing images are dropped', (t) => {
  const a = article('widget-stuck', { images: [image('assets/shot.png')] })
  const withAsset = desiredArticle(a, ctx({ 'assets/shot.png': 'img-abc' })).entries[1]
  const block = (
    field(withAsset as never, 'instruction') as { content: { nodeType: string; data: unknown }[] }
  ).content[1]
  t.deepEqual(block, {
    nodeType: 'embedded-asset-block',
    data: { target: { sys: { type: 'Link', linkType: 'Asset', id: 'img-abc' } } },
    content: [],
  } as never)
  const missing = desiredArticle(a, ctx()).entries[1]
  const nodes = (field(missing as never, 'instruction') as { content: { nodeType: string }[] }).content
  t.deepEqual(
    nodes.map((n) => n.nodeType),
    ['paragraph'],
  )
})

test('related articles link only to articles that exist; relatedLinks keeps every link as written', (t) => {
  const related = [
    { title: 'Known one', href: '../Known-One/' },
    { title: 'Unknown', href: '../Not-Here/' },
    { title: 'Outside', href: 'https://example.com/page' },
  ]
  const entries = desiredArticle(article('widget-stuck', { related }), ctx({}, ['/Known-One/'])).entries
  const main = entries.at(-1)
  t.deepEqual(field(main as never, 'relatedArticles'), [
    { sys: { type: 'Link', linkType: 'Entry', id: 'known-one' } },
  ])
  t.deepEqual(field(main as never, 'relatedLinks'), related)
})

test('one CTA banner is one entry, shared by every article that shows it', (t) => {
  const cta = {
    variant: 'banner-1',
    text: 'Try it',
    href: 'https://example.com/?utm_source=kb&utm_medium=banner',
    image: null,
  }
  const a = desiredArticle(article('a-one', { cta }), ctx({}, [], 'a-one')).entries.find(
    (e) => e.contentTypeId === 'ctaBanner',
  )
  const b = desiredArticle(article('b-two', { cta }), ctx({}, [], 'b-two')).entries.find(
    (e) => e.contentTypeId === 'ctaBanner',
  )
  t.truthy(a)
  t.is(a?.id, b?.id)
  t.regex(a?.id ?? '', /^cta-[0-9a-f]{40}$/)
  t.is(field(a as never, 'utmSource'), 'kb')
  t.is(field(a as never, 'utmMedium'), 'banner')
  const other = desiredArticle(
    article('c', { cta: { ...cta, text: 'Other' } }),
    ctx({}, [], 'c'),
  ).entries.find((e) => e.contentTypeId === 'ctaBanner')
  t.not(other?.id, a?.id)
})

test('ids are valid Contentful ids, deterministic, and distinct for distinct slugs', (t) => {
  const slug = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/, { maxLength: 120 })
  fc.assert(
    fc.property(slug, slug, fc.nat(30), fc.nat(30), (s1, s2, r, s) => {
      for (const id of [articleId(s1), childId(s1, stepSuffix(r, s))]) t.regex(id, /^[a-zA-Z0-9\-_.]{1,64}$/)
      if (s1 !== s2) t.not(articleId(s1), articleId(s2))
    }),
  )
  // Deterministic across runs and releases, not only within one: a re-run must find the entries it made, so
  // these ids are pinned (the asset's is the first 40 hex digits of the sha256 of its bytes).
  t.is(assetIdFromBytes(new Uint8Array([1, 2, 3])), 'img-039058c6f2c0cb492c533b0a4d14ef77cc0f78ab')
  t.is(articleId('sync-token-expired'), 'sync-token-expired')
  t.is(articleId('a'.repeat(100)), `${'a'.repeat(55)}-28165978`)
  t.is(childId('a'.repeat(100), stepSuffix(2, 3)), `${'a'.repeat(49)}-28165978.r2.s3`)
  t.regex(assetIdFromBytes(new Uint8Array([1])), /^img-[0-9a-f]{40}$/)
})
