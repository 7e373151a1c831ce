import type { Document } from '@contentful/rich-text-types'
import test from 'ava'
import { comparableText, plainText, words } from '../../src/scoring/comparable-text.ts'
import { bagF1, formatScores, type Gold, scoreAll, scoreArticle } from '../../src/scoring/score-articles.ts'

const doc = (...paragraphs: string[]): Document =>
  ({
    nodeType: 'document',
    data: {},
    content: paragraphs.map((value) => ({
      nodeType: 'paragraph',
      data: {},
      content: [{ nodeType: 'text', value, marks: [], data: {} }],
    })),
  }) as Document

const gold: Gold = {
  path: 'kb/articles/Widget-Frozen.md',
  isTroubleshooting: true,
  title: 'How to Fix a *Frozen* Widget',
  symptom: 'The widget stops responding.',
  condition: null,
  cause: 'The cache is full.',
  errorCodes: ['WIDGET_FROZEN'],
  resolutionGroups: [{ intro: 'To resolve the issue:', steps: ['Open **Settings**.', 'Clear the cache.'] }],
  imageSrcs: ['..\\img\\a.png'],
  ctaHref: 'https://example.test/?utm_source=kb',
  variables: ['product_name'],
}

/** A prediction that says exactly what the gold says, in Rich Text. */
interface Pred {
  source: string
  kind: string
  title: string
  symptom: Document | null
  condition: Document | null
  cause: Document | null
  errorCodes: string[]
  resolutions: {
    title: string | null
    cause: Document | null
    intro: Document | null
    steps: { instruction: Document }[]
  }[]
  images: { src: string }[]
  cta: { href: string } | null
  variables: string[]
}

const perfect = (): Pred => ({
  source: 'docs/kb/articles/Widget-Frozen.md',
  kind: 'troubleshooting',
  title: 'How to Fix a Frozen Widget',
  symptom: doc('The widget stops', 'responding.'),
  condition: null,
  cause: doc('The cache is full.'),
  errorCodes: ['WIDGET_FROZEN'],
  resolutions: [
    {
      title: null,
      cause: null,
      intro: doc('To resolve the issue:'),
      steps: [{ instruction: doc('Open Settings.') }, { instruction: doc('Clear the cache.') }],
    },
  ],
  images: [{ src: '..\\img\\a.png' }],
  cta: { href: 'https://example.test/?utm_source=kb' },
  variables: ['product_name'],
})

test('text is compared as the words a reader sees', (t) => {
  t.is(comparableText('**Open**&nbsp;<b>{{ name }}</b> *Setup*\\.  '), 'open {{ name }} setup.')
  t.is(comparableText('Cause:', { dropTrailingColon: true }), 'cause')
  t.is(comparableText('Cause:'), 'cause:')
  t.is(comparableText('see <https://x.test/a>'), 'see https://x.test/a')
  t.deepEqual(words(comparableText('{{ short_name }} OAUTH_ERROR _emph_ (1)')), [
    'short_name',
    'oauth_error',
    'emph',
    '1',
  ])
  t.is(plainText(doc('One.', 'Two')), 'One. Two')
})

test('bag F1 counts repeats and treats two empty bags as agreeing', (t) => {
  t.is(bagF1([], []), 1)
  t.is(bagF1(['a'], []), 0)
  t.is(bagF1(['a', 'a', 'b'], ['a', 'b', 'b']), 2 / 3)
})

test('a prediction that says what the gold says scores 1 on every metric', (t) => {
  const result = scoreAll(
    [gold, { path: 'x/Other.md', isTroubleshooting: false }],
    [perfect(), { source: 'Other.md', kind: 'other' }],
  )
  t.is(result.overall, 1)
  t.deepEqual(result.warnings, [])
  t.is(formatScores(result).at(-1)?.endsWith('overall=1.00'), true)
})

test('each kind of mistake lowers its own metric', (t) => {
  const wrong = perfect()
  wrong.title = 'How to Fix a Widget'
  wrong.symptom = doc('The widget stops.')
  wrong.resolutions[0]?.steps.pop()
  wrong.images = []
  wrong.variables = ['product_name', 'extra']
  const s = scoreArticle(gold, wrong)
  t.is(s.title, 0)
  t.true((s.symptom ?? 1) < 1 && (s.symptom ?? 0) > 0)
  t.is(s.steps, 0)
  t.is(s.stepF1, 0.5)
  t.is(s.images, 0)
  t.is(s.variables, 0)
  t.is(s.cause, 1)
  t.is(s.kind, 1)
})

test('the cause of each resolution counts toward the article cause; a missing page scores 0', (t) => {
  const split = perfect()
  split.cause = doc('The cache')
  split.resolutions[0] = {
    ...(split.resolutions[0] as (typeof split.resolutions)[0]),
    cause: doc('is full.'),
  }
  t.is(scoreArticle(gold, split).cause, 1)
  const result = scoreAll([gold], [])
  t.is(result.overall, 0)
  t.deepEqual(result.warnings, ['no prediction for Widget-Frozen.md: it scores 0'])
  t.deepEqual(scoreArticle({ path: 'n.md', isTroubleshooting: false }, { kind: 'troubleshooting' }), {
    kind: 0,
  })
})
