// The term rules of Contentful's full-text search, on their own.
import test from 'ava'
import { matchesTerms, parseTerms, textOf } from '../../src/server/delivery/full-text.ts'
import { richText } from './local-space.ts'

test('terms: words lower-cased, punctuation dropped, quoted phrases kept together', (t) => {
  t.deepEqual(parseTerms('Sync, TOKEN!  "expired now" x'), [['expired', 'now'], ['sync'], ['token'], ['x']])
  t.deepEqual(parseTerms(' ,; '), [])
})

test('every term must be found, each as the start of a word', (t) => {
  const texts = ['The sync token expired.', 'Renew it']
  t.true(matchesTerms(texts, parseTerms('token sync')))
  t.true(matchesTerms(texts, parseTerms('tok ren')))
  t.false(matchesTerms(texts, parseTerms('oken')))
  t.false(matchesTerms(texts, parseTerms('token missing')))
  t.true(matchesTerms(texts, parseTerms('"token exp"')))
  t.false(matchesTerms(texts, parseTerms('"expired renew"')), 'a phrase stays within one text')
})

test('Rich Text is searched by its text: marks inside a word join, blocks separate words', (t) => {
  const doc = richText('first block', 'second')
  const para = doc.content[0] as { content: unknown[] }
  para.content.push({ nodeType: 'text', value: 'ing', marks: [{ type: 'bold' }], data: {} })
  const [text] = textOf(doc)
  t.true(matchesTerms([text as string], parseTerms('blocking second')))
  t.false(matchesTerms(textOf(doc), parseTerms('paragraph')))
  t.false(matchesTerms(textOf(doc), parseTerms('nodetype')))
})
