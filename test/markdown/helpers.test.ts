// Pure helpers of the parser: MkDocs image resolution, error codes, badge names, sentence spans, slugs.
import test from 'ava'
import { findErrorCodes } from '../../src/markdown/error-codes.ts'
import { findDocsRoot, resolveImagePath } from '../../src/markdown/image-ref.ts'
import { badgeName } from '../../src/markdown/page-chrome.ts'
import { slugOf } from '../../src/markdown/parse-article.ts'
import { sentenceSpans } from '../../src/markdown/sentences.ts'
import { variableNames } from '../../src/markdown/variables.ts'

const page = { pagePath: 'guide/articles/Some-Page.md' }

test('HTML images resolve one level deeper than the file, Markdown images against the file', (t) => {
  t.deepEqual(resolveImagePath('..\\..\\assets\\x.png', false, page), {
    path: 'guide/assets/x.png',
    outside: false,
  })
  t.deepEqual(resolveImagePath('../assets/x.png', true, page), { path: 'guide/assets/x.png', outside: false })
  t.deepEqual(resolveImagePath('img/a%20b.png', true, page), {
    path: 'guide/articles/img/a b.png',
    outside: false,
  })
  t.deepEqual(resolveImagePath('/root.png', false, page), { path: 'root.png', outside: false })
  t.deepEqual(resolveImagePath('https://cdn.example.com/x.png', false, page), { path: null, outside: false })
  t.deepEqual(resolveImagePath('../../../../x.png', false, page), { path: null, outside: true })
  // An index page is served at its own folder.
  t.deepEqual(resolveImagePath('img/x.png', false, { pagePath: 'guide/index.md' }), {
    path: 'guide/img/x.png',
    outside: false,
  })
})

test('the docs root is the option, else the nearest docs folder, else the file folder', (t) => {
  t.is(findDocsRoot('/a/docs/b/c.md'), '/a/docs')
  t.is(findDocsRoot('/a/b/c.md'), '/a/b')
  t.is(findDocsRoot('/a/docs/b/c.md', '/a'), '/a')
})

test('error codes are machine-style identifiers, not words, settings or placeholders', (t) => {
  t.deepEqual(
    findErrorCodes([
      'Error OAUTH_FAILED_HARD and GEN-404 appear; ServerUrlSetting, %Company_Name%, REVGRD, v1.2.3, {X_Y} do not.',
      'Sign-in fails with AADSTS50076 or 0x8004010F; the id 3f2504e0-4f89-11d3-9a0c-0305e82c3301 is not a code.',
    ]),
    ['OAUTH_FAILED_HARD', 'GEN-404', 'AADSTS50076', '0x8004010F'],
  )
})

test('badge file names become platform names', (t) => {
  t.is(badgeName('https://cdn.example.com/up/Exchange1.svg'), 'Exchange')
  t.is(badgeName('https://cdn.example.com/up/Office365.svg'), 'Office 365')
  t.is(badgeName('https://cdn.example.com/up/logo-Gmail.jpg'), 'Gmail')
  t.is(badgeName('../assets/mobile-icon.svg'), 'Mobile')
  // A name with its own capitals keeps them; the alt text, when there is one, is the name as written.
  t.is(badgeName('https://cdn.example.com/up/macOS.svg'), 'macOS')
  t.is(badgeName('https://cdn.example.com/up/ios.svg', 'iOS'), 'iOS')
  t.is(badgeName('https://cdn.example.com/up/Exchange1.svg', 'Exchange logo'), 'Exchange')
})

test('sentences split after end punctuation before a capital, and at line ends', (t) => {
  const text = 'First one, e.g. this. Second "quoted." Third\nfourth line'
  t.deepEqual(
    sentenceSpans(text).map((s) => text.slice(s.start, s.end)),
    ['First one, e.g. this.', 'Second "quoted."', 'Third', 'fourth line'],
  )
})

test('slugs are kebab-case file names; variables are sorted unique names', (t) => {
  t.is(slugOf('docs/a/Some_File (v2).md'), 'some-file-v2')
  t.deepEqual(variableNames('{{ b }} {{a}} {{ b }} {not} %x%'), ['a', 'b'])
})
