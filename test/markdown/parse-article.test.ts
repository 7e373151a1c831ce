// The parser on small synthetic articles written for these tests, one per pattern of the knowledge base.
import { validateRichTextDocument } from '@contentful/rich-text-types'
import test from 'ava'
import { VFile } from 'vfile'
import { parseArticle, parseArticleSource } from '../../src/markdown/parse-article.ts'
import type { Article, RichText } from '../../src/model/article.ts'
import { richTextFields } from './visible-words.ts'

const PAGE = '/kb/docs/guides/articles/Widget-Error.md'

function parse(text: string, options = {}): Article {
  const { article } = parseArticleSource(PAGE, text, options)
  for (const [name, doc] of richTextFields(article)) {
    const errors = validateRichTextDocument(doc)
    if (errors.length) throw new Error(`${name}: ${JSON.stringify(errors)}`)
  }
  return article
}

function plain(doc: RichText | null): string {
  const walk = (n: unknown): string => {
    const node = n as { nodeType: string; value?: string; content?: unknown[] }
    if (node.nodeType === 'text') return node.value ?? ''
    const sep = node.nodeType === 'paragraph' || node.nodeType === 'hyperlink' ? '' : ' '
    return (node.content ?? []).map(walk).join(sep)
  }
  return doc ? walk(doc).replace(/\s+/g, ' ').trim() : ''
}

const rules = (a: Article): string[] => a.diagnostics.map((d) => d.ruleId)

const HEADER = [
  '---',
  'description: How to fix the sprocket error',
  '---',
  '# How to Fix the *Sprocket Jammed* Error in {{ app_name }}  ',
  '',
  '<i>For users of the Widget Suite on:</i><br><br>',
  '<div class="container" style="display: inline-block;"><img src="https://cdn.example.com/logos/Exchange1.svg" style="height: 100%;"></div><div class="container" style="display: inline-block;"><img src="https://cdn.example.com/logos/logo-Gmail.jpg"></div>',
  '',
  '&nbsp;',
  '',
  '*2 min read*  ',
  '',
  '<!-- ShareThis BEGIN -->',
  '<div class="addthis_inline_share_toolbox"></div>',
  '<!-- End ShareThis -->',
  '',
  '&nbsp;',
  '',
].join('\n')

const SEED_LIKE = [
  HEADER,
  'The gist of the problem: after pressing the "Sync now" button the {{ app_name }} panel shows the error *SPROCKET_JAMMED_FATAL*:',
  '',
  '<p>',
  '    <img src="..\\..\\assets\\images\\errors\\sprocket.png" style="width:45%">',
  '</p>',
  '',
  '&nbsp;',
  '',
  'It only happens if [offline mode](https://example.com/offline) is switched on.',
  '',
  '&nbsp;',
  '',
  "The problem's cause: the sprocket cache is locked by another process. That also blocks any scheduled exports.",
  '',
  '&nbsp;',
  '',
  'To fix the problem, first release the cache lock:  ',
  '',
  '**1\\.** Open **Settings** in {{ app_name }}  ',
  '**2\\.** Go to the *Cache* tab  ',
  '**3\\.** Click **Release lock**  ',
  '',
  '&nbsp;',
  '',
  'If that does not help, also try clearing the cache:',
  '',
  '**1\\.** Open **Settings**  ',
  '**2\\.** Click **Clear cache**  ',
  '',
  '<style>',
  '  .banners { text-align: center; }',
  '</style>',
  '',
  '<br>',
  '<div class="banners banner-2">',
  '  <img src="../../assets/images/banners/banner-2.svg" style="width: 100%;">',
  '  <a class="button" href="https://example.com/demo/?utm_source=kb&utm_medium=referral" target="_blank">Book a {{ vendor }} demo</a>',
  '</div>',
].join('\n')

test('header: title without markers, description, reading time, badges, share widget and style left out', (t) => {
  const a = parse(SEED_LIKE)
  t.is(a.title, 'How to Fix the Sprocket Jammed Error in {{ app_name }}')
  t.is(a.description, 'How to fix the sprocket error')
  t.is(a.readingTimeMinutes, 2)
  t.deepEqual(a.appliesTo, ['Exchange', 'Gmail'])
  t.is(a.slug, 'guides/articles/widget-error')
  t.is(a.source, PAGE)
  t.false(a.images.some((i) => i.src.includes('logos')))
  t.false(JSON.stringify(a).includes('text-align'))
})

test('labelled symptom and cause lose their labels; the scope sentence is the condition', (t) => {
  const a = parse(SEED_LIKE)
  t.is(a.kind, 'troubleshooting')
  t.is(
    plain(a.symptom),
    'After pressing the "Sync now" button the {{ app_name }} panel shows the error SPROCKET_JAMMED_FATAL:',
  )
  t.is(plain(a.condition), 'It only happens if offline mode is switched on.')
  t.is(
    plain(a.cause),
    'The sprocket cache is locked by another process. That also blocks any scheduled exports.',
  )
  t.deepEqual(a.errorCodes, ['SPROCKET_JAMMED_FATAL'])
  t.true(rules(a).includes('structure-dropped'))
})

test('hard-break separated steps form groups; "If that does not help" opens the second group', (t) => {
  const a = parse(SEED_LIKE)
  t.is(a.resolutions.length, 2)
  const [first, second] = a.resolutions
  t.is(plain(first?.intro ?? null), 'To fix the problem, first release the cache lock:')
  t.deepEqual(
    first?.steps.map((s) => plain(s.instruction)),
    ['Open Settings in {{ app_name }}', 'Go to the Cache tab', 'Click Release lock'],
  )
  t.is(plain(second?.intro ?? null), 'If that does not help, also try clearing the cache:')
  t.is(second?.steps.length, 2)
  // Marks survive: "Settings" is bold in the first step.
  const json = JSON.stringify(first?.steps[0]?.instruction)
  t.true(json.includes('"value":"Settings","marks":[{"type":"bold"}]'))
})

test('the CTA banner keeps variant, text and href with its UTM parameters; its image is not a content image', (t) => {
  const a = parse(SEED_LIKE)
  t.deepEqual(a.cta, {
    variant: 'banner-2',
    text: 'Book a {{ vendor }} demo',
    href: 'https://example.com/demo/?utm_source=kb&utm_medium=referral',
    image: {
      src: '../../assets/images/banners/banner-2.svg',
      path: 'guides/assets/images/banners/banner-2.svg',
      alt: '',
      width: '100%',
    },
  })
  t.deepEqual(
    a.images.map((i) => i.src),
    ['..\\..\\assets\\images\\errors\\sprocket.png'],
  )
  t.deepEqual(a.variables, ['app_name', 'vendor'])
})

test('image paths resolve like MkDocs: HTML against the page URL, Markdown against the file', (t) => {
  const a = parse(
    [
      '# Gear slipping',
      '',
      'If the gear slips, the belt is worn.',
      '',
      '<img src="..\\..\\assets\\a.png" style="width: 30%">',
      '',
      '![](../assets/b.png)',
      '',
      '<img src="https://cdn.example.com/c.png">',
      '',
      '![](../../../../outside.png)',
    ].join('\n'),
  )
  t.deepEqual(
    a.images.map((i) => [i.src, i.path, i.width]),
    [
      ['..\\..\\assets\\a.png', 'guides/assets/a.png', '30%'],
      ['../assets/b.png', 'guides/assets/b.png', null],
      ['https://cdn.example.com/c.png', null, null],
      ['../../../../outside.png', null, null],
    ],
  )
  t.true(rules(a).includes('image-outside-docs-root'))
})

test('docsRoot option and the nearest docs folder decide the image path', (t) => {
  const text = '# T\n\n![](img/x.png)\n'
  t.is(
    parseArticleSource('/site/content/a/Page.md', text, { docsRoot: '/site/content' }).article.images[0]
      ?.path,
    'a/img/x.png',
  )
  t.is(parseArticleSource('/site/docs/a/b/Page.md', text).article.images[0]?.path, 'a/b/img/x.png')
  t.is(parseArticleSource('/elsewhere/Page.md', text).article.images[0]?.path, 'img/x.png')
})

test('HTML steps in a margin paragraph, floated images attach to the step after them', (t) => {
  const a = parse(
    [
      '# Widget error',
      '',
      'If the widget fails to load, the token has expired.',
      '',
      '## How to fix the issue',
      '',
      '<p style="margin-left:5%">',
      '<b>1.</b> Open the <b>Admin</b> page',
      '<br><br>',
      '<b>2.</b> Click <i>Tokens</i>',
      '</p>',
      '<p>',
      '    <img src="..\\..\\assets\\float.png" style="width:20%; float: right">',
      '</p>',
      '<p style="margin-left:5%">',
      '<b>3.</b> Press <b>Renew</b>',
      '</p>',
    ].join('\n'),
  )
  const steps = a.resolutions[0]?.steps ?? []
  t.deepEqual(
    steps.map((s) => plain(s.instruction)),
    ['Open the Admin page', 'Click Tokens', 'Press Renew'],
  )
  t.deepEqual(
    steps.map((s) => s.images.map((i) => i.src)),
    [[], [], ['..\\..\\assets\\float.png']],
  )
  t.is(a.resolutions[0]?.title, 'How to fix the issue')
})

test('plain lists, &nbsp;-indented and <br>-prefixed steps, sub-steps folded into their parent', (t) => {
  const a = parse(
    [
      '# Sync stops',
      '',
      'If sync stops after an update, the schedule is cleared.',
      '',
      '## Steps to resolve the issue',
      '',
      '<br>',
      '**1\\.** Open the scheduler  ',
      '**2\\.** Pick a start time:  ',
      '&nbsp;&nbsp;&nbsp;&nbsp;**2\\.1.** Choose the hour  ',
      '&nbsp;&nbsp;&nbsp;&nbsp;**2\\.2.** Choose the minute  ',
      '<details><summary> >>> Click to see a screenshot <<< </summary>',
      '<p><img src="..\\..\\assets\\pick.png"></p></details>',
      '',
      '&nbsp;',
      '',
      '### Steps for the mobile app',
      '',
      '1. Open the app',
      '2. Tap **Sync**',
    ].join('\n'),
  )
  t.is(a.resolutions.length, 2)
  const [desk, mobile] = a.resolutions
  t.is(desk?.steps.length, 2)
  t.is(plain(desk?.steps[1]?.instruction ?? null), 'Pick a start time: Choose the hour Choose the minute')
  t.deepEqual(
    desk?.steps[1]?.images.map((i) => i.src),
    ['..\\..\\assets\\pick.png'],
  )
  t.deepEqual(
    mobile?.steps.map((s) => plain(s.instruction)),
    ['Open the app', 'Tap Sync'],
  )
  t.is(mobile?.title, 'Steps for the mobile app')
})

test('numbering gaps are kept in order and reported', (t) => {
  const a = parse(
    [
      '# Pump error',
      '',
      'If the pump stops, the valve is closed.',
      '',
      'To fix it:',
      '',
      '**1\\.** Open the valve  ',
      '**3\\.** Restart the pump  ',
    ].join('\n'),
  )
  t.is(a.resolutions[0]?.steps.length, 2)
  t.true(rules(a).includes('step-numbering-gap'))
})

test('one sentence holding symptom and cause is split at the clause', (t) => {
  const a = parse(
    [
      '# Export button greyed out',
      '',
      'If the Export button is greyed out after login, that is most probably caused by a missing licence.',
      '',
      '## How to resolve the issue',
      '',
      'Assign a licence to the user in the admin console.',
    ].join('\n'),
  )
  t.is(plain(a.symptom), 'If the Export button is greyed out after login')
  t.is(plain(a.cause), 'That is most probably caused by a missing licence.')
  t.is(a.resolutions.length, 1)
  t.is(a.resolutions[0]?.steps.length, 0)
})

test('admonitions become notes (kind, title, collapsible) and never feed symptom, condition or cause', (t) => {
  const a = parse(
    [
      '# Login loop',
      '',
      '!!! note "Note"',
      '    This issue is specific to tablets.',
      '',
      'If the login page reloads endlessly, the cookie store is full.',
      '',
      '!!!warning',
      '    Back up first.',
      '',
      '??? tip "More"',
      '    Hidden hint.',
      '',
      'To fix it, clear the cookies.',
    ].join('\n'),
  )
  t.deepEqual(
    a.notes.map((n) => [n.kind, n.title, plain(n.body), n.collapsible ?? false]),
    [
      ['note', 'Note', 'This issue is specific to tablets.', false],
      ['warning', null, 'Back up first.', false],
      ['tip', 'More', 'Hidden hint.', true],
    ],
  )
  t.is(a.condition, null)
  t.is(plain(a.symptom), 'If the login page reloads endlessly, the cookie store is full.')
})

test('an issue table gives one prose group per row, symptom and cause from its columns', (t) => {
  const a = parse(
    [
      '# Troubleshooting dashboard errors',
      '',
      '| Widget | How the issue manifests | Explanation | Solution |',
      '| --- | --- | --- | --- |',
      '| Chart | Blank frame | No data source<br />configured | Add a source |',
      '| Table | Error ERR-042 | Expired key | Renew the key |',
    ].join('\n'),
  )
  t.is(a.kind, 'troubleshooting')
  t.is(a.resolutions.length, 2)
  t.is(plain(a.symptom), 'Blank frame Error ERR-042')
  t.is(plain(a.resolutions[0]?.cause ?? null), 'No data source configured')
  t.is(plain(a.resolutions[1]?.intro ?? null), 'Table Error ERR-042 Renew the key')
  t.deepEqual(a.errorCodes, ['ERR-042'])
})

test('variables are substituted when given and always listed', (t) => {
  const a = parse('# Fix {{ app_name }} and {{ other }}\n\nIf {{ app_name }} fails, restart it.\n', {
    variables: { app_name: 'Gizmo' },
  })
  t.is(a.title, 'Fix Gizmo and {{ other }}')
  t.deepEqual(a.variables, ['app_name', 'other'])
})

test('a redirect stub is kind redirect; a page without a title or an issue is other', (t) => {
  const redirect = parse(
    '---\nsearch:\n  exclude: true\n---\n# Old error page\n\n<script>document.location.href="../New-Page/";</script>\n',
  )
  t.is(redirect.kind, 'redirect')
  t.true(rules(redirect).includes('redirect-stub'))
  const index = parse('* [First](../First/)\n* [Second](../Second/)\n')
  t.is(index.kind, 'other')
  t.true(rules(index).includes('no-title'))
  const howTo = parse(
    '# How to export a report\n\nReports can be exported as PDF.\n\n**1\\.** Open the report  \n**2\\.** Click **Export**  \n',
  )
  t.is(howTo.kind, 'other')
})

test('executable content never reaches rich text, and each drop is reported', (t) => {
  const a = parse(
    [
      '# Widget error',
      '',
      'If the widget fails, the cache is stale.',
      '',
      '<script>alert(1)</script>',
      '',
      'To fix it, <a href="javascript:alert(1)">click here</a> or <span onclick="x()">there</span>.',
      '',
      'Or <a href="java&#9;script:alert(2)">this tabbed one</a> or [that one](JavaScript:alert(3)).',
      '',
      '<img src="data:image/png;base64,AAAA">',
      '',
      '<iframe src="https://example.com"></iframe>',
    ].join('\n'),
  )
  const json = JSON.stringify(a.resolutions) + JSON.stringify(a.body)
  t.false(json.includes('javascript:'))
  t.false(json.includes('alert'))
  t.false(JSON.stringify(a.images).includes('data:'))
  t.true(json.includes('click here'))
  t.true(json.includes('this tabbed one'))
  t.false(/"uri":"[^"]*script/i.test(json))
  for (const rule of [
    'script-dropped',
    'unsafe-link-dropped',
    'event-handler-dropped',
    'unsafe-image-dropped',
    'embedded-content-dropped',
  ]) {
    t.true(rules(a).includes(rule), rule)
  }
})

test('related-article lists become links, not content', (t) => {
  const a = parse(
    [
      '# Printer offline error',
      '',
      'If the printer shows offline, the driver crashed.',
      '',
      'To resolve the issue, reinstall the driver.',
      '',
      '*Also see the following articles:*  ',
      '',
      '[Driver setup](../Driver-Setup/)',
      '',
      '[Network printers](../Network/)',
    ].join('\n'),
  )
  t.deepEqual(a.related, [
    { title: 'Driver setup', href: '../Driver-Setup/' },
    { title: 'Network printers', href: '../Network/' },
  ])
  t.is(plain(a.resolutions[0]?.intro ?? null), 'To resolve the issue, reinstall the driver.')
})

test('numbered sections are one cause and one resolution each', (t) => {
  const a = parse(
    [
      '# Save button disabled',
      '',
      'If the Save button stays disabled, that is most probably caused by your filter settings.',
      '',
      'There are two reasons why this may happen:',
      '',
      '### 1. No folder selected',
      '',
      'If no folder is selected, the app cannot store the file. Select one to continue.',
      '',
      '**1\\.** Open **Filters**  ',
      '**2\\.** Select a folder  ',
      '',
      '### 2. All folders excluded',
      '',
      'If every folder is excluded, nothing can be saved.',
      '',
      '**1\\.** Open **Filters**  ',
      '**2\\.** Remove one exclusion  ',
    ].join('\n'),
  )
  t.is(a.resolutions.length, 2)
  t.is(plain(a.resolutions[0]?.cause ?? null), 'If no folder is selected, the app cannot store the file.')
  t.is(plain(a.resolutions[0]?.intro ?? null), 'Select one to continue.')
  t.is(a.resolutions[1]?.title, '2. All folders excluded')
  t.is(plain(a.cause), 'That is most probably caused by your filter settings.')
})

test('odd front matter delimiters and invalid YAML are reported, not thrown', (t) => {
  const odd = parse('--- \ndescription: Odd delimiters\n\n---\n# Title here\n')
  t.is(odd.description, 'Odd delimiters')
  t.is(odd.title, 'Title here')
  const bad = parse('---\ndescription: a: b: c\n---\n# Title\n')
  t.is(bad.description, 'a: b: c')
  t.true(rules(bad).includes('front-matter-invalid'))
})

test('diagnostics are vfile messages (rule id, place, source kb-cms) mirrored in the article', (t) => {
  const file = new VFile({ path: PAGE, value: '# T\n\n<script>x()</script>\n' })
  const a = parseArticle(file)
  const m = file.messages.find((x) => x.ruleId === 'script-dropped')
  t.is(m?.source, 'kb-cms')
  t.is(typeof m?.line, 'number')
  t.deepEqual(
    a.diagnostics.map((d) => d.ruleId),
    file.messages.map((x) => x.ruleId),
  )
})

test('bad input gives an article, never an exception', (t) => {
  const inputs = [
    '',
    '\u0000\u0001\u0002 binary',
    '<div><p><b><i>unclosed',
    `${'> '.repeat(2000)}deep quote`,
    `${'* '.repeat(3000)}deep list`,
    `${'<div>'.repeat(3000)}deep html`,
    '---\n: [\n---\n',
  ]
  for (const text of inputs) {
    const a = parseArticleSource('x.md', text).article
    t.is(typeof a.kind, 'string')
    for (const [, doc] of richTextFields(a)) t.deepEqual(validateRichTextDocument(doc), [])
  }
})

test('bytes are decoded as UTF-8', (t) => {
  const file = new VFile({ path: PAGE, value: new TextEncoder().encode('# Café error\n') })
  t.is(parseArticle(file).title, 'Café error')
})

test('a label standing alone names the field of the next paragraph, and is reported as set aside', (t) => {
  const a = parse(
    [
      '# Calendar sync error',
      '',
      '**Symptom:**',
      '',
      'Meetings are not synced to the calendar.',
      '',
      '**Cause:**',
      '',
      'The calendar permission was revoked.',
      '',
      '**Solution:**',
      '',
      '1. Open **Permissions**',
      '2. Grant calendar access',
    ].join('\n'),
  )
  t.is(a.kind, 'troubleshooting')
  t.is(plain(a.symptom), 'Meetings are not synced to the calendar.')
  t.is(plain(a.cause), 'The calendar permission was revoked.')
  t.is(a.resolutions[0]?.steps.length, 2)
  t.true(a.diagnostics.some((d) => d.ruleId === 'structure-dropped' && d.message.includes('Symptom:')))
})

test('text between two steps belongs to the earlier step, even across spacers; after the last step it does not', (t) => {
  const a = parse(
    [
      '# Upload fails',
      '',
      'If the upload fails with a timeout, the proxy blocks large files.',
      '',
      'To fix it:',
      '',
      '**1\\.** Open the proxy console  ',
      '',
      '&nbsp;',
      '',
      'It may take a minute to load.',
      '',
      '&nbsp;',
      '',
      '**2\\.** Raise the size limit  ',
      '',
      '&nbsp;',
      '',
      'Once done, the upload works again.',
    ].join('\n'),
  )
  t.is(a.resolutions.length, 1)
  t.deepEqual(
    a.resolutions[0]?.steps.map((s) => plain(s.instruction)),
    ['Open the proxy console It may take a minute to load.', 'Raise the size limit'],
  )
  t.true(plain(a.body).includes('Once done'))
})

test('a bold heading-like line between step lists starts a new group when the numbering restarts', (t) => {
  const a = parse(
    [
      '# Duplicate tasks',
      '',
      'If tasks are duplicated after a sync, another tool writes to the same list.',
      '',
      '## How to fix the issue',
      '',
      '**1\\.** Disable the other tool  ',
      '',
      '**Steps for the new settings page**',
      '',
      '**1\\.** Open **Issues** and remove the duplicates  ',
      '',
      '**Steps for the legacy settings page**',
      '',
      '**1\\.** Open **Dashboard** and remove the duplicates  ',
    ].join('\n'),
  )
  t.deepEqual(
    a.resolutions.map((r) => [r.title, r.steps.length]),
    [
      ['How to fix the issue', 1],
      ['Steps for the new settings page', 1],
      ['Steps for the legacy settings page', 1],
    ],
  )
})

test('a bold variant label before steps that carry on the numbering stays in the same group', (t) => {
  const a = parse(
    [
      '# Duplicate tasks',
      '',
      'If tasks are duplicated after a sync, another tool writes to the same list.',
      '',
      '## How to fix the issue',
      '',
      '**1\\.** Disable the other tool  ',
      '',
      '**Steps for the new settings page**',
      '',
      '**2\\.** Open **Issues** and remove the duplicates  ',
      '',
      '**Steps for the legacy settings page**',
      '',
      '**2\\.** Open **Dashboard** and remove the duplicates  ',
    ].join('\n'),
  )
  t.deepEqual(
    a.resolutions.map((r) => [r.title, r.steps.map((s) => plain(s.instruction))]),
    [
      [
        'How to fix the issue',
        [
          'Disable the other tool Steps for the new settings page',
          'Open Issues and remove the duplicates Steps for the legacy settings page',
          'Open Dashboard and remove the duplicates',
        ],
      ],
    ],
  )
  t.true(a.diagnostics.some((d) => d.ruleId === 'step-numbering-gap'))
  t.true(rules(a).includes('variant-label'))
})

test('"If that does not help" right after a step opens a group only when steps follow it', (t) => {
  const base = [
    '# Fan error',
    '',
    'If the fan stops, the firmware is outdated.',
    '',
    'To fix it:',
    '',
    '**1\\.** Update the firmware  ',
  ]
  const folded = parse([...base, 'If that does not help, contact support.'].join('\n'))
  t.is(folded.resolutions.length, 1)
  t.is(
    plain(folded.resolutions[0]?.steps[0]?.instruction ?? null),
    'Update the firmware If that does not help, contact support.',
  )
  const opened = parse(
    [...base, 'If that does not help, reset the board:', '', '**1\\.** Hold the reset button  '].join('\n'),
  )
  t.deepEqual(
    opened.resolutions.map((r) => [plain(r.intro), r.steps.length]),
    [
      ['To fix it:', 1],
      ['If that does not help, reset the board:', 1],
    ],
  )
})

test('a plain list interrupted by a screenshot goes on as the same steps', (t) => {
  const a = parse(
    [
      '# Widget error',
      '',
      'If the widget shows an error, its cache is stale.',
      '',
      'To fix it:',
      '',
      '1. Open the widget menu',
      '',
      '<p><img src="../assets/menu.png"></p>',
      '',
      '2. Click **Clear cache**',
    ].join('\n'),
  )
  t.is(a.resolutions.length, 1)
  t.deepEqual(
    a.resolutions[0]?.steps.map((s) => [plain(s.instruction), s.images.map((i) => i.src)]),
    [
      ['Open the widget menu', ['../assets/menu.png']],
      ['Click Clear cache', []],
    ],
  )
})

test('a section with no steps, cause or advice is explanation: body, not a group, and reported', (t) => {
  const a = parse(
    [
      '# Sprocket Limit Reached',
      '',
      'If the sprocket limit is reached, you will see a warning in the dashboard.',
      '',
      'In case you run many sprockets, you can reduce their number by adjusting the following settings:',
      '',
      '- Lower the sprocket count',
      '- Disable idle sprockets',
      '',
      '## How sprockets are counted',
      '',
      'Each sprocket counts once per day, whatever its size.',
      '',
      '## Limit adjustment',
      '',
      'If nothing else works, you can request a higher limit from the support team.',
    ].join('\n'),
  )
  t.is(a.kind, 'troubleshooting')
  t.deepEqual(
    a.resolutions.map((r) => [r.title, r.steps.length]),
    [
      [null, 2],
      ['Limit adjustment', 0],
    ],
  )
  t.true(plain(a.body).includes('Each sprocket counts once per day'))
  t.true(rules(a).includes('section-not-resolution'))
})

test('"X indicates that Y" after the symptom is the cause', (t) => {
  const a = parse(
    [
      '# Widget Fails to Start',
      '',
      'The widget may fail to start with a notice that shows a request number.',
      '',
      'The request number in the notice indicates that a required online resource cannot be reached.',
      '',
      'To resolve it, allow the resource in your firewall.',
    ].join('\n'),
  )
  t.is(
    plain(a.cause),
    'The request number in the notice indicates that a required online resource cannot be reached.',
  )
})

test('two issues in one article: the heading that opens the first issue titles its fix', (t) => {
  const a = parse(
    [
      '# Widget Icons Troubleshooting',
      '',
      '### Widget icon is grey',
      '',
      'It manifests as a grey widget icon in the toolbar.',
      '',
      'The cause of the issue is a blocked proxy script.',
      '',
      'Steps to resolve the issue:',
      '',
      '**1\\.** Open the proxy settings  ',
      '**2\\.** Clear both boxes  ',
      '',
      '### Widget icon is missing',
      '',
      'If the icon is missing, the client works offline. To resolve the issue, switch the client back online.',
    ].join('\n'),
  )
  t.deepEqual(
    a.resolutions.map((r) => [r.title, r.steps.length]),
    [
      ['Widget icon is grey', 2],
      ['Widget icon is missing', 0],
    ],
  )
  t.false(plain(a.body).includes('Widget icon is grey'))
  t.true(rules(a).includes('first-issue-heading'))
})

test('scope sentences naming an OS, client or edition are the condition, in their several phrasings', (t) => {
  for (const scope of [
    'The issue affects users of the tablet app only.',
    'This behavior is observed on Windows 7 only.',
    'The issue is reproduced in Widget Desk 2016 and earlier versions.',
    'This problem applies to the Starter edition.',
  ]) {
    const a = parse(
      [
        '# Widget Fails to Start',
        '',
        'If the widget fails to start after an update, a blank panel is shown.',
        '',
        scope,
        '',
        'This is caused by a stale cache.',
        '',
        'To resolve the issue, clear the cache.',
      ].join('\n'),
    )
    t.is(plain(a.condition), scope)
    t.is(plain(a.cause), 'This is caused by a stale cache.')
  }
})

test('cause and resolution openers are families of phrasings, not one article’s words', (t) => {
  const causes = [
    'The issue arises from an outdated certificate.',
    'The root of the problem is a duplicated rule.',
    'Such behavior is the result of a policy restriction.',
    'This is a known limitation of the mail server.',
  ]
  const fixes = ['Here is how to fix it:', 'Do the following:', 'You can fix this by doing the following:']
  for (const [i, cause] of causes.entries()) {
    const fix = fixes[i % fixes.length] as string
    const a = parse(
      [
        '# Widget Fails to Start',
        '',
        'If the widget fails to start after an update, a blank panel is shown.',
        '',
        cause,
        '',
        fix,
        '',
        '**1\\.** Close the widget  ',
        '**2\\.** Start it again  ',
      ].join('\n'),
    )
    t.is(plain(a.cause), cause)
    t.deepEqual(
      a.resolutions.map((r) => [plain(r.intro), r.steps.length]),
      [[fix, 2]],
    )
  }
})

test('symptom openers are a family: reports, blank screens, freezes, run-ins, wrong values', (t) => {
  for (const symptom of [
    'Users report that widgets are saved twice.',
    'After the update, the panel shows a blank screen.',
    'The widget freezes when you open a large board.',
    'Some users can run into a sign-in loop.',
    'Calendar events appear with a wrong time.',
  ]) {
    const a = parse(
      [
        '# Widget Board',
        '',
        symptom,
        '',
        'This is caused by a stale cache.',
        '',
        'To resolve the issue:',
        '',
        '**1\\.** Clear the cache  ',
      ].join('\n'),
    )
    t.is(a.kind, 'troubleshooting', symptom)
    t.is(plain(a.symptom), symptom)
  }
})

test('a further-fix heading below a prose-only section opens its own group; a "Steps for" heading does not', (t) => {
  const a = parse(
    [
      '# Gadget Sync Fails with GADGET_LIMIT',
      '',
      'If the gadget stops syncing and shows GADGET_LIMIT, the daily quota is used up.',
      '',
      '## How to address the issue',
      '',
      'Wait until the quota resets at midnight, or ask your administrator to raise it.',
      '',
      '### If that does not help',
      '',
      'Write to the support team and attach the sync log.',
      '',
      '## How to prevent it',
      '',
      'Schedule large imports for the night.',
      '',
      '### Steps for the web app',
      '',
      '**1\\.** Open **Settings**.',
      '**2\\.** Choose **Import window**.',
    ].join('\n'),
  )
  t.deepEqual(
    a.resolutions.map((r) => [r.title, r.steps.length]),
    [
      ['How to address the issue', 0],
      ['If that does not help', 0],
      ['How to prevent it', 2],
    ],
  )
  t.regex(plain(a.resolutions[2]?.intro ?? null), /Steps for the web app/)
})

test('a conditional opener that names no problem does not make a how-to troubleshooting', (t) => {
  const steps = ['**1\\.** Open **Settings**.  ', '**2\\.** Click **Export logs**.']
  const howTo = parse(
    [
      '# How to Collect Gadget Logs for Troubleshooting',
      '',
      'When you write to the support team, they may ask you for the gadget logs. To collect them:',
      '',
      ...steps,
    ].join('\n'),
  )
  t.is(howTo.kind, 'other')
  const issue = parse(
    [
      '# Gadget Logs Are Empty',
      '',
      'When you export the gadget logs, the file is empty.',
      '',
      'To resolve the issue:',
      '',
      ...steps,
    ].join('\n'),
  )
  t.is(issue.kind, 'troubleshooting')
})

test('a fix opener after the last step list and a spacer is in no group; codes like (E1043); "shown because" is a cause', (t) => {
  const a = parse(
    [
      '# Gadget Upload Fails with Error E2051',
      '',
      'When you upload a file, the gadget shows *Upload failed (E2051)*.',
      '',
      'The error is shown because the upload quota of your plan is used up.',
      '',
      'To resolve the issue:',
      '',
      '**1\\.** Open **Billing**  ',
      '**2\\.** Raise the quota',
      '',
      '&nbsp;',
      '',
      'Alternatively, an administrator can lift the quota for one user in **Users**.',
      '',
      '&nbsp;',
      '',
      '## If the issue still persists',
      '',
      'Write to the support team.',
    ].join('\n'),
  )
  t.deepEqual(a.errorCodes, ['E2051'])
  t.is(plain(a.cause), 'The error is shown because the upload quota of your plan is used up.')
  t.deepEqual(
    a.resolutions.map((r) => [r.title, r.steps.length]),
    [
      [null, 2],
      ['If the issue still persists', 0],
    ],
  )
  t.regex(plain(a.body), /^Alternatively, an administrator can lift the quota/)
})

test('in a multi-cause article, a section that opens with an instruction states no cause', (t) => {
  const a = parse(
    [
      '# Gadget Sign-In Fails',
      '',
      'If the gadget sign-in fails, one of two reasons applies.',
      '',
      '### I. The token expired',
      '',
      'The sign-in token is kept for one day only.',
      '',
      '**1\\.** Sign out  ',
      '**2\\.** Sign in again',
      '',
      '### II. Consent is missing',
      '',
      'After the consent is granted, the user should open **Settings** and click **Authorize** again.',
    ].join('\n'),
  )
  t.deepEqual(
    a.resolutions.map((r) => plain(r.cause)),
    ['The sign-in token is kept for one day only.', ''],
  )
  t.regex(plain(a.resolutions[1]?.intro ?? null), /^After the consent is granted/)
})

test('kind: an issue without a stated cause is troubleshooting; a support checklist that mentions errors is not', (t) => {
  const noCause = parse(
    [
      '# Attachments Are Missing from Saved Gadget Notes',
      '',
      'If you save a note and it arrives without its attachments, try the steps below.',
      '',
      '## How to fix the issue',
      '',
      '1. Open **Settings**',
      '2. Enable **Attachments**',
    ].join('\n'),
  )
  t.is(noCause.kind, 'troubleshooting')
  const checklist = parse(
    [
      '# How We Handle Gadget Issues',
      '',
      'When you write to support about a gadget error, please include:',
      '',
      '1. Your gadget version',
      '2. The time of the error',
    ].join('\n'),
  )
  t.is(checklist.kind, 'other')
})

test('"If X, the most common reason is that Y" is cut into symptom and cause; "If nothing else works" opens a group', (t) => {
  const a = parse(
    [
      '# Gadget Events Do Not Sync',
      '',
      'If events you create do not reach the server, the most common reason is that sync is turned off.',
      '',
      '## How to fix it',
      '',
      '**1\\.** Turn sync on',
      '',
      '### Quota adjustment',
      '',
      'If nothing else works, ask the support team to raise your quota.',
    ].join('\n'),
  )
  t.is(plain(a.symptom), 'If events you create do not reach the server')
  t.is(plain(a.cause), 'The most common reason is that sync is turned off.')
  t.deepEqual(
    a.resolutions.map((r) => [r.title, r.steps.length]),
    [
      ['How to fix it', 1],
      ['Quota adjustment', 0],
    ],
  )
})

test('an issue table takes its symptoms from the column that says what you see, not from a code column', (t) => {
  const a = parse(
    [
      '# Gadget Sync Error Codes',
      '',
      '| Code | What you see | Why it happens | What to do |',
      '| --- | --- | --- | --- |',
      '| GS-101 | Notes stop syncing | The token expired | Sign in again |',
      '| GS-204 | Sync is disabled | The licence lapsed | Renew the licence |',
    ].join('\n'),
  )
  t.is(a.kind, 'troubleshooting')
  t.is(plain(a.symptom), 'Notes stop syncing Sync is disabled')
  t.deepEqual(a.errorCodes.sort(), ['GS-101', 'GS-204'])
})

test('an italic error paragraph alone is the symptom; "This error appears when …" after it is the cause', (t) => {
  const a = parse(
    [
      '# Gadget Session Expired',
      '',
      '*Your gadget session has expired. Please sign in again to continue.*',
      '',
      'This error appears when the sign-in token of the gadget has been revoked.',
      '',
      'To resolve the issue:',
      '',
      '1. Click **Sign in**',
    ].join('\n'),
  )
  t.is(a.kind, 'troubleshooting')
  t.is(plain(a.symptom), 'Your gadget session has expired. Please sign in again to continue.')
  t.is(plain(a.cause), 'This error appears when the sign-in token of the gadget has been revoked.')
})

test('a cause clause after a dash or hedged after the condition is cut off the symptom; a repeating fault is an issue', (t) => {
  const dashed = parse(
    [
      '# Gadget Notes Are Overwritten After Sync',
      '',
      'If you edit a note and, after the next sync, the old text is back – that is most probably caused by the server-wins rule.',
      '',
      '## How to handle the issue',
      '',
      '1. Open **Sync rules**',
      '2. Choose **Newest wins**',
    ].join('\n'),
  )
  t.is(dashed.kind, 'troubleshooting')
  t.is(plain(dashed.symptom), 'If you edit a note and, after the next sync, the old text is back')
  t.is(plain(dashed.cause), 'That is most probably caused by the server-wins rule.')
  const hedged = parse(
    [
      '# The Gadget Sign-In Window Keeps Reopening',
      '',
      'If you sign in to the gadget, but the window opens again and again, the browser is most likely blocking cookies.',
      '',
      '## How to fix it',
      '',
      '1. Allow cookies for the gadget',
    ].join('\n'),
  )
  t.is(hedged.kind, 'troubleshooting')
  t.is(plain(hedged.cause), 'The browser is most likely blocking cookies.')
})

test('round 8–9 families: a code in the title, "may disappear", "X because Y", "… reads:", "Still seeing the error?"', (t) => {
  const coded = parse(
    [
      '# Gadget Sync Stopped With *GADGET_TOKEN_EXPIRED*',
      '',
      '*Sync has been stopped: GADGET_TOKEN_EXPIRED. Please sign in again.*',
      '',
      'To resolve the issue:',
      '',
      '**1\\.** Sign out  ',
      '**2\\.** Sign in again',
    ].join('\n'),
  )
  t.is(coded.kind, 'troubleshooting')
  t.regex(plain(coded.symptom), /^Sync has been stopped/)
  const howTo = parse(
    [
      '# How to Bring Back the Gadget Icon',
      '',
      'After an update, the gadget icon may disappear from the toolbar.',
      '',
      'The yellow bar reads:',
      '',
      '*This add-in is blocked by your organization.*',
      '',
      'The icon disappears because the update resets the pinned add-ins.',
      '',
      'To get the icon back:',
      '',
      '**1\\.** Pin the gadget again',
      '',
      '## Still seeing the error?',
      '',
      'If the error is still displayed, reach out to the support team.',
    ].join('\n'),
  )
  t.is(howTo.kind, 'troubleshooting')
  t.is(plain(howTo.cause), 'The icon disappears because the update resets the pinned add-ins.')
  t.regex(plain(howTo.symptom), /The yellow bar reads: This add-in is blocked by your organization\.$/)
  t.deepEqual(
    howTo.resolutions.map((r) => [r.title, r.steps.length]),
    [
      [null, 1],
      ['Still seeing the error?', 0],
    ],
  )
})

test('a second malfunction sentence continues the symptom; "In rare cases … no results" opens one', (t) => {
  const a = parse(
    [
      '# Gadget Search Is Empty',
      '',
      'In rare cases the gadget search returns no results, even for notes that exist.',
      '',
      'It manifests as an empty list with the code GS-404 in the console.',
      '',
      'This is caused by a stale index.',
      '',
      'To resolve the issue:',
      '',
      '**1\\.** Rebuild the index',
    ].join('\n'),
  )
  t.is(a.kind, 'troubleshooting')
  t.is(
    plain(a.symptom),
    'In rare cases the gadget search returns no results, even for notes that exist. It manifests as an empty list with the code GS-404 in the console.',
  )
})

test('an FAQ of question headings is not troubleshooting; "a known defect" is a cause', (t) => {
  const faq = parse(
    [
      '# Gadget Admin FAQ',
      '',
      '## Why do users see "Access denied"?',
      '',
      'This usually means that the user has no licence. Assign one and ask the user to reconnect.',
      '',
      '## How do I collect logs?',
      '',
      '1. Open **Settings**',
      '2. Click **Export logs**',
      '',
      '## Can I use the gadget offline?',
      '',
      'Yes, notes are cached for a week.',
    ].join('\n'),
  )
  t.is(faq.kind, 'other')
  const defect = parse(
    [
      '# Large Attachments Are Not Saved by the Gadget',
      '',
      'When you save a note with an attachment over 10 MB, the attachment is missing.',
      '',
      'This is a known defect of gadget version 4.2.',
      '',
      'To resolve the issue, update the gadget to version 4.3.',
    ].join('\n'),
  )
  t.is(defect.kind, 'troubleshooting')
  t.is(plain(defect.cause), 'This is a known defect of gadget version 4.2.')
})

test('a "Still not working?" section with a support line is a closing group', (t) => {
  const a = parse(
    [
      '# Gadget Attachments Are Not Saved',
      '',
      'If you save a note, its attachments are missing. This is caused by the size limit.',
      '',
      '## How to fix it',
      '',
      '**1\\.** Raise the size limit',
      '',
      '## Still not working?',
      '',
      'If the attachments are still missing, send the note ID to the support team.',
    ].join('\n'),
  )
  t.deepEqual(
    a.resolutions.map((r) => [r.title, r.steps.length]),
    [
      ['How to fix it', 1],
      ['Still not working?', 0],
    ],
  )
})

test('an imperative "… to resolve it." after the symptom is a prose fix, even in the same paragraph', (t) => {
  const a = parse(
    [
      '# Blank Gadget Panel',
      '',
      'The gadget panel shows a blank screen on macOS 14. Clear the gadget cache and restart the app to resolve it.',
    ].join('\n'),
  )
  t.is(a.kind, 'troubleshooting')
  t.is(plain(a.symptom), 'The gadget panel shows a blank screen on macOS 14.')
  t.is(plain(a.resolutions[0]?.intro ?? null), 'Clear the gadget cache and restart the app to resolve it.')
})

test('a quoted error inside <details> keeps its code; an "If X due to Y, open Z" method opener is advice, not cause', (t) => {
  const a = parse(
    [
      '# Gadget Requests Are Throttled',
      '',
      'If the gadget stops syncing, the dashboard displays the following error:',
      '',
      '<details><summary>>>> Click to see the full error text <<<</summary>',
      '<i>GADGET_REQUESTS_EXCEEDED: the daily request limit was reached and sync will resume tomorrow.</i>',
      '</details>',
      '',
      'This is caused by the daily request quota.',
      '',
      '### Problem solutions',
      '',
      '#### Method 1: Wait',
      '',
      'The quota resets at midnight.',
      '',
      '#### Method 2: Use the desktop app',
      '',
      'If you cannot wait due to a deadline, open the desktop app, which has its own quota.',
    ].join('\n'),
  )
  t.deepEqual(a.errorCodes, ['GADGET_REQUESTS_EXCEEDED'])
  t.is(a.resolutions.find((r) => r.title?.startsWith('Method 2'))?.cause ?? null, null)
})

test('"If you face this issue, contact support" is a fix, not the symptom; "stops after" is a symptom phrasing', (t) => {
  const a = parse(
    [
      '# Gadget Sync Stops After a Password Change',
      '',
      'Gadget sync stops after you change your account password.',
      '',
      'If you face this issue, please contact the support team.',
    ].join('\n'),
  )
  t.is(plain(a.symptom), 'Gadget sync stops after you change your account password.')
  t.is(plain(a.resolutions[0]?.intro ?? null), 'If you face this issue, please contact the support team.')
})

test('a fix heading one slip from its word ("Possible soluton") still opens the resolution', (t) => {
  const a = parse(
    [
      '# Widget Sync Fails After an Update',
      '',
      'If the widget stops syncing after an update, the sync icon turns red.',
      '',
      'This is caused by an outdated widget token.',
      '',
      '## Possible soluton',
      '',
      'Sign out of the widget and sign in again. The widget then requests a fresh token.',
      '',
      '## About widget tokens',
      '',
      'Widget tokens are kept for thirty days and renewed on every sign-in.',
      '',
    ].join('\n'),
  )
  t.is(a.kind, 'troubleshooting')
  t.deepEqual(
    a.resolutions.map((r) => [r.title, plain(r.intro)]),
    [
      [
        'Possible soluton',
        'Sign out of the widget and sign in again. The widget then requests a fresh token.',
      ],
    ],
  )
})
