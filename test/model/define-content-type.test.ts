import test from 'ava'
import {
  type ContentTypeDefinition,
  checkContentType,
  defineContentType,
  toContentType,
  toControls,
} from '../../src/model/define-content-type.ts'

const glossary = {
  id: 'glossaryTerm',
  name: 'Glossary term',
  displayField: 'term',
  fields: [
    {
      id: 'term',
      name: 'Term',
      type: 'Symbol',
      required: true,
      widget: { id: 'singleLine' },
      helpText: 'The word.',
    },
    {
      id: 'key',
      name: 'Key',
      type: 'Symbol',
      validations: [{ unique: true }],
      widget: { id: 'slugEditor', settings: { trackingFieldId: 'term' } },
      helpText: 'Used in links.',
    },
    {
      id: 'seeAlso',
      name: 'See also',
      type: 'Array',
      items: { type: 'Link', linkType: 'Entry', validations: [{ linkContentType: ['glossaryTerm'] }] },
      widget: { id: 'entryLinksEditor' },
      helpText: 'Related terms.',
    },
  ],
} as const satisfies ContentTypeDefinition

test('a definition becomes the API content type and one editor control per field, with its help text', (t) => {
  const def = defineContentType(glossary)
  t.deepEqual(toContentType(def), {
    id: 'glossaryTerm',
    name: 'Glossary term',
    displayField: 'term',
    fields: [
      { id: 'term', name: 'Term', type: 'Symbol', required: true, localized: false, validations: [] },
      {
        id: 'key',
        name: 'Key',
        type: 'Symbol',
        required: false,
        localized: false,
        validations: [{ unique: true }],
      },
      {
        id: 'seeAlso',
        name: 'See also',
        type: 'Array',
        required: false,
        localized: false,
        validations: [],
        items: { type: 'Link', linkType: 'Entry', validations: [{ linkContentType: ['glossaryTerm'] }] },
      },
    ],
  })
  t.deepEqual(toControls(def), [
    {
      fieldId: 'term',
      widgetNamespace: 'builtin',
      widgetId: 'singleLine',
      settings: { helpText: 'The word.' },
    },
    {
      fieldId: 'key',
      widgetNamespace: 'builtin',
      widgetId: 'slugEditor',
      settings: { trackingFieldId: 'term', helpText: 'Used in links.' },
    },
    {
      fieldId: 'seeAlso',
      widgetNamespace: 'builtin',
      widgetId: 'entryLinksEditor',
      settings: { helpText: 'Related terms.' },
    },
  ])
})

// Mistakes a type checker cannot see (or that arrive as data) are found at run time, each named.
const broken: [string, (d: ContentTypeDefinition) => ContentTypeDefinition, RegExp][] = [
  ['a bad content type id', (d) => ({ ...d, id: 'has space' }), /content type id "has space" must match/],
  ['a bad field id', (d) => withField(d, 0, { id: '1term' }), /id "1term" must match/],
  ['a duplicate field id', (d) => withField(d, 1, { id: 'term' }), /duplicate field id term/],
  ['an unknown display field', (d) => ({ ...d, displayField: 'nope' }), /display field nope is not a field/],
  ['an empty help text', (d) => withField(d, 0, { helpText: ' ' }), /field term: help text is empty/],
  [
    'a slug tracking an unknown field',
    (d) => withField(d, 1, { widget: { id: 'slugEditor', settings: { trackingFieldId: 'titel' } } }),
    /field key: widget tracks unknown field titel/,
  ],
  [
    'a regexp that does not compile',
    (d) => withField(d, 1, { validations: [{ regexp: { pattern: '([a-z' } }] }),
    /field key: validation 1: regexp pattern does not compile/,
  ],
  [
    'a rule that does not apply to the type',
    (d) => withField(d, 1, { validations: [{ range: { min: 1 } }] }),
    /field key: validation 1: range does not apply to a Symbol value/,
  ],
  [
    'two rules in one validation',
    (d) => withField(d, 1, { validations: [{ unique: true, size: { max: 3 } }] }),
    /must hold exactly one rule, found 2/,
  ],
  [
    'a size with min above max',
    (d) => withField(d, 1, { validations: [{ size: { min: 5, max: 2 } }] }),
    /size: min 5 > max 2/,
  ],
  [
    'a link validation naming a bad content type id',
    (d) =>
      withField(d, 2, {
        items: { type: 'Link', linkType: 'Entry', validations: [{ linkContentType: ['not ok'] }] },
      }),
    /field seeAlso: items validation 1: linkContentType needs a non-empty list of content type ids/,
  ],
]

for (const [what, mutate, message] of broken) {
  test(`rejects ${what}`, (t) => {
    const def = mutate(structuredClone(glossary) as unknown as ContentTypeDefinition)
    t.regex(checkContentType(def).join('\n'), message)
    t.throws(() => defineContentType(def as never), { message: /^content type / })
  })
}

function withField(d: ContentTypeDefinition, i: number, patch: object): ContentTypeDefinition {
  return { ...d, fields: d.fields.map((f, j) => (j === i ? ({ ...f, ...patch } as typeof f) : f)) }
}

test('type errors: a widget, validation or display field that cannot fit the field', (t) => {
  // Each line below must fail to compile; `tsc --noEmit` (npm test) fails if one ever compiles.
  const field = { id: 'x', name: 'X', helpText: 'h' } as const
  const wrongWidget = () =>
    defineContentType({
      id: 'a',
      name: 'A',
      displayField: 'x',
      // @ts-expect-error a rich text editor cannot edit a Symbol field
      fields: [{ ...field, type: 'Symbol', widget: { id: 'richTextEditor' } }],
    })
  const wrongValidation = () =>
    defineContentType({
      id: 'a',
      name: 'A',
      displayField: 'x',
      fields: [
        // @ts-expect-error range applies to numbers, not to Symbol fields
        { ...field, type: 'Symbol', validations: [{ range: { min: 1 } }], widget: { id: 'singleLine' } },
      ],
    })
  const wrongDisplay = () =>
    defineContentType({
      id: 'a',
      name: 'A',
      // @ts-expect-error the display field must be a Symbol or Text field
      displayField: 'body',
      fields: [
        { id: 'body', name: 'Body', helpText: 'h', type: 'RichText', widget: { id: 'richTextEditor' } },
      ],
    })
  const missingHelp = () =>
    defineContentType({
      id: 'a',
      name: 'A',
      displayField: 'x',
      // @ts-expect-error every field needs a help text
      fields: [{ id: 'x', name: 'X', type: 'Symbol', widget: { id: 'singleLine' } }],
    })
  // At run time the same definitions are refused too.
  for (const fn of [wrongWidget, wrongDisplay, missingHelp]) t.throws(fn)
  t.throws(wrongValidation, { message: /range does not apply/ })
})
