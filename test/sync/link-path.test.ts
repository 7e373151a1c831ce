// Where a link written in a page leads, as MkDocs resolves it (pure).
import test from 'ava'
import { linkTarget, slugOfPath } from '../../src/sync/link-path.ts'

const page = { sourcePath: 'ri/fast/articles/X.md', path: '/ri/fast/articles/X/' }
const to = (href: string) => linkTarget(href, page)

test('directory links resolve against the page URL, .md links against the file', (t) => {
  t.deepEqual(to('../Other/'), { path: '/ri/fast/articles/Other/', anchor: null })
  t.deepEqual(to('../Other/#a_b'), { path: '/ri/fast/articles/Other/', anchor: 'a_b' })
  t.deepEqual(to('Other.md'), { path: '/ri/fast/articles/Other/', anchor: null })
  t.deepEqual(to('Other.md#a'), { path: '/ri/fast/articles/Other/', anchor: 'a' })
  t.deepEqual(to('../../x/Y/'), { path: '/ri/fast/x/Y/', anchor: null })
  t.deepEqual(to('../index.md'), { path: '/ri/fast/', anchor: null })
  t.deepEqual(to('../'), { path: '/ri/fast/articles/', anchor: null })
  t.deepEqual(to('/abs/Page/'), { path: '/abs/Page/', anchor: null })
  t.deepEqual(
    to('../Other'),
    { path: '/ri/fast/articles/Other/', anchor: null },
    'MkDocs serves it with a slash',
  )
  t.deepEqual(to('..\\Other\\'), { path: '/ri/fast/articles/Other/', anchor: null }, 'backslashes as written')
  t.deepEqual(to('../Sync-%26-Time/'), { path: '/ri/fast/articles/Sync-&-Time/', anchor: null }, 'decoded')
  t.deepEqual(to('../Other/?x=1#b'), { path: '/ri/fast/articles/Other/', anchor: 'b' })
})

test('what is no link to another page of the site is null', (t) => {
  for (const href of [
    '#top',
    '',
    'https://example.com/a/',
    '//cdn.example.com/x/',
    'mailto:a@example.com',
    '../img/shot.png',
    'guide.pdf',
    './',
    '../X/',
    'X.md#part',
  ])
    t.is(to(href), null, href)
})

test('slugOfPath matches the slug the parser derives from the file', (t) => {
  t.is(slugOfPath('/ri/fast/articles/Salesforce-OAuth-Error/'), 'ri/fast/articles/salesforce-oauth-error')
  t.is(slugOfPath('/articles/'), 'articles')
  t.is(slugOfPath('/'), 'index')
  t.is(slugOfPath('/a/(MSI)-&-Setup/'), 'a/msi-setup')
})
