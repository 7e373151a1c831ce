// `npm run types`: the committed types match content-types/, and the generator types what the site reads.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import test from 'ava'
import contentTypes from '../../content-types/index.ts'
import { defineContentType } from '../../src/model/define-content-type.ts'
import { GENERATED_TYPES_PATH, generateTypes, typesFileText } from '../../src/model/generate-types.ts'

const root = join(import.meta.dirname, '..', '..')

test('the committed generated types are current with content-types/ (run `npm run types` when this fails)', (t) => {
  const committed = readFileSync(join(root, GENERATED_TYPES_PATH), 'utf8')
  t.is(committed, typesFileText(contentTypes))
})

test('every content type gets Fields, Skeleton and entry types, in model order', (t) => {
  const text = generateTypes(contentTypes)
  for (const ct of contentTypes) {
    const name = `Type${ct.id.charAt(0).toUpperCase()}${ct.id.slice(1)}`
    t.true(text.includes(`export interface ${name}Fields {`), name)
    t.true(text.includes(`export type ${name}Skeleton = EntrySkeletonType<${name}Fields, '${ct.id}'>`), name)
    t.true(text.includes(`export type ${name}<`), name)
  }
})

const card = defineContentType({
  id: 'card',
  name: 'Card',
  displayField: 'title',
  fields: [
    {
      id: 'title',
      name: 'Title',
      type: 'Symbol',
      required: true,
      widget: { id: 'singleLine' },
      helpText: 'Shown */ big',
    },
    {
      id: 'tone',
      name: 'Tone',
      type: 'Symbol',
      validations: [{ in: ['calm', "it's loud"] }],
      widget: { id: 'dropdown' },
      helpText: 'Colour.',
    },
    {
      id: 'picture',
      name: 'Picture',
      type: 'Link',
      linkType: 'Asset',
      widget: { id: 'assetLinkEditor' },
      helpText: 'An image.',
    },
    {
      id: 'next',
      name: 'Next',
      type: 'Link',
      linkType: 'Entry',
      validations: [{ linkContentType: ['card', 'elsewhere'] }],
      widget: { id: 'entryLinkEditor' },
      helpText: 'Another card.',
    },
    {
      id: 'any',
      name: 'Any',
      type: 'Array',
      items: { type: 'Link', linkType: 'Entry' },
      widget: { id: 'entryLinksEditor' },
      helpText: 'Anything.',
    },
    { id: 'body', name: 'Body', type: 'RichText', widget: { id: 'richTextEditor' }, helpText: 'Text.' },
    { id: 'count', name: 'Count', type: 'Integer', widget: { id: 'numberEditor' }, helpText: 'A number.' },
  ],
})

test('fields map to the client types: required, literals, typed links, assets, rich text', (t) => {
  const text = generateTypes([card])
  t.true(text.includes('  title: EntryFieldTypes.Symbol\n'), 'required fields are not optional')
  t.true(
    text.includes("  tone?: EntryFieldTypes.Symbol<'calm' | 'it\\'s loud'>"),
    'an `in` validation is a literal union',
  )
  t.true(text.includes('  picture?: EntryFieldTypes.AssetLink'))
  t.true(
    text.includes('  next?: EntryFieldTypes.EntryLink<TypeCardSkeleton>'),
    'links to types outside the model are dropped from the union',
  )
  t.true(text.includes('  any?: EntryFieldTypes.Array<EntryFieldTypes.EntryLink<EntrySkeletonType>>'))
  t.true(text.includes('  body?: EntryFieldTypes.RichText'))
  t.true(text.includes('  count?: EntryFieldTypes.Integer'))
  t.true(text.includes('/** Shown *\\/ big */'), 'help text cannot end its comment early')
})

test('a change to the model changes the output, so a stale file is caught', (t) => {
  const renamed = { ...card, fields: card.fields.map((f) => (f.id === 'count' ? { ...f, id: 'total' } : f)) }
  t.not(generateTypes([renamed]), generateTypes([card]))
})
