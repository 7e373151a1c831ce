// Whole articles written for these tests, each built on the knowledge-base variants that the development files
// do not show (PATTERNS.md): Solution N headings, Roman-numeral sections, `???` and `!!!note` admonitions, an
// error-code table, further-reading lead-ins, `<hr>` separators, reading-time variants, inline icons, a fenced
// command inside a step, plain `1.` lists and a how-to that calls itself troubleshooting.
import { validateRichTextDocument } from '@contentful/rich-text-types'
import test from 'ava'
import { parseArticleSource } from '../../src/markdown/parse-article.ts'
import type { Article, RichText } from '../../src/model/article.ts'
import { richTextFields } from './visible-words.ts'

function parse(name: string, text: string): Article {
  const { article } = parseArticleSource(`/kb/docs/kb/articles/${name}.md`, text, {})
  for (const [field, doc] of richTextFields(article)) {
    const errors = validateRichTextDocument(doc)
    if (errors.length) throw new Error(`${field}: ${JSON.stringify(errors)}`)
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

/** Each group as [title, cause, intro, steps], flattened to plain text. */
const groups = (a: Article) =>
  a.resolutions.map((r) => [
    r.title,
    plain(r.cause),
    plain(r.intro),
    r.steps.map((s) => plain(s.instruction)),
  ])
const rules = (a: Article) => a.diagnostics.map((d) => d.ruleId)

const MAILBOX_SYNC_TIMEOUT = [
  '---',
  'description: What to do when mailbox sync stops with a timeout',
  '---',
  '# How to Fix the Mailbox Sync Timeout Error  ',
  '',
  '<!--*2 min read*  -->',
  '',
  '<!-- ShareThis BEGIN --> ',
  '<div class="addthis_inline_share_toolbox"></div>',
  '<!-- End ShareThis --> ',
  '',
  '&nbsp;',
  '',
  'You may face a sync stop in {{ product_name }} with the notification *Sync timed out: the mailbox did not answer in time*.',
  '',
  '&nbsp;',
  '',
  'This problem occurs when the mailbox server throttles long requests from {{ short_name }}. Because of that, the sync session is cancelled before it ends.',
  '',
  '<hr>',
  '',
  '### Solution 1: Shorten the sync window',
  '',
  '1. Open {{ product_name }} and click **Settings**',
  '2. Set **Sync window** to *7 days*',
  '3. Click **Save** and wait for the next session',
  '',
  '!!!note "Note"',
  '    A shorter window means older mail is not picked up automatically.',
  '',
  '<hr>',
  '',
  '### Solution 2: Reset the local cache',
  '',
  '1. Close your mail client',
  '2. Run the following command in a terminal:',
  '',
  '    ```shell',
  '    kbsync --reset-cache --profile default',
  '    ```',
  '',
  '3. Start the mail client again',
  '',
  '<hr>',
  '',
  'If the issue still persists, write to [our support team](mailto:help@example.org).',
].join('\n')

const PORTAL_ERROR_CODES = [
  '---',
  'description: Reference of portal error codes and what to do about them',
  '---',
  '# Portal Error Codes Reference',
  '',
  '4 min read - updated two days ago',
  '',
  '<!-- ShareThis BEGIN --> ',
  '<div class="addthis_inline_share_toolbox"></div>',
  '<!-- End ShareThis --> ',
  '',
  '&nbsp;',
  '',
  'When an operation in the {{ company_name }} portal fails, you will see a notification with an error code. Find the code in the table below to learn what it means and how to resolve it.',
  '',
  '&nbsp;',
  '',
  '| Error code | Description | Solution |',
  '| --- | --- | --- |',
  '| PRT-101 | The session token has expired. | Sign in to the portal again. |',
  '| PRT-204 | The mailbox quota is exceeded. | Remove large attachments or ask your admin for more space. |',
  '| QUOTA_LIMIT_REACHED | Too many requests were sent in one hour. | Wait one hour and retry, or contact [support](mailto:help@example.org). |',
  '',
  '&nbsp;',
  '',
  '**Need more background? These pages explain the portal in depth:**',
  '',
  '- [Portal overview](../Portal-Overview/)',
  '- [Managing mailbox quotas](../Mailbox-Quotas/)',
].join('\n')

const CALENDAR_COLORS_LOST = [
  '# Calendar Categories Lose Their Colors After Sync',
  '',
  '<p style="font-size:15px"><i>3 min read</i></font></p>',
  '',
  '<!-- ShareThis BEGIN --> ',
  '<div class="addthis_inline_share_toolbox"></div>',
  '<!-- End ShareThis --> ',
  '',
  '&nbsp;',
  '',
  'If your calendar categories turn grey after a {{ short_name }} sync session, one of the causes below applies.',
  '',
  '??? info "Before you start"',
  '    Make a note of your category names; you will need them later.',
  '',
  '&nbsp;',
  '',
  '## I. Categories were renamed in the CRM',
  '',
  'The category names in the CRM were changed after the first sync, so the colors no longer match.',
  '',
  '**1\\.** Open the category list in the CRM  ',
  '**2\\.** Rename each category back to its original name  ',
  '',
  '&nbsp;',
  '',
  '## II. The color map was not saved',
  '',
  'The color map is stored only when the admin saves the settings page. Thus, new categories have no color.',
  '',
  '**1\\.** Open the **Admin panel**  ',
  '**2\\.** Go to **Calendar** > **Categories** and click **Save**  ',
  '',
  '&nbsp;',
  '',
  '## Vendor articles on calendar categories',
  '',
  '[Use color categories in Outlook](https://support.example.com/color-categories)  ',
  '[Share calendar colors](https://support.example.com/share-colors)',
].join('\n')

const TOOLBAR_BUTTONS_TROUBLESHOOTING = [
  '---',
  'description: Troubleshooting the toolbar of the desktop client',
  '---',
  '# Toolbar Buttons Troubleshooting  ',
  '',
  '*1 min read*  ',
  '',
  '&nbsp;',
  '',
  'The troubleshooting tips listed in this article are specific to the desktop client for Windows.',
  '',
  '&nbsp;',
  '',
  'Sometimes the toolbar buttons are missing after an update: the <img src="../../assets/images/icons/gear.png" style="width:14px"> gear and the <img src="../../assets/images/icons/pin.png" style="width:14px"> pin do not show up in the toolbar.',
  '',
  '&nbsp;',
  '',
  'To restore the buttons:',
  '',
  '**1\\.** Right-click the toolbar and select **Customize**  ',
  '**2\\.** Drag the <img src="../../assets/images/icons/gear.png" style="width:14px"> gear back to the toolbar  ',
  '**3\\.** Click **Done**',
  '',
  '<p><img src="../../assets/images/toolbar/customize.png" class="minimized"></p>',
].join('\n')

const EXPORT_CONTACTS = [
  '---',
  'description: How to export your contacts to a CSV file',
  '---',
  '# How to Export Contacts to a CSV File',
  '',
  '*2 min read*  ',
  '',
  '&nbsp;',
  '',
  'You can export all your contacts to a CSV file to use them in another tool.',
  '',
  '**1\\.** Open {{ product_name }} and go to **Contacts**  ',
  '**2\\.** Click **Export** and choose **CSV**  ',
  '**3\\.** Save the file to your computer  ',
].join('\n')

const LOGIN_LOOP_MAC = [
  '---',
  'description: The sign-in window keeps reopening',
  '---',
  '',
  '# Sign-In Window Keeps Reopening in Outlook for Mac  ',
  '',
  '*2 min read*  ',
  '',
  '&nbsp;',
  '',
  'Users can face a sign-in window that reopens again and again after they enter their password in {{ product_name }}.',
  '',
  'The issue is observed only in Outlook 2016 for Mac.',
  '',
  '&nbsp;',
  '',
  '### What causes the error',
  '',
  'The add-in keeps an expired token in the keychain. The keychain entry is not replaced when the password changes.',
  '',
  '&nbsp;',
  '',
  '### How to fix it',
  '',
  '**1.**	Quit Outlook  ',
  '**2.**	Open **Keychain Access** and delete every entry named *kb-addin*  ',
  '**3.**	Start Outlook and sign in again  ',
  '',
  '!!! tip',
  '    You can also ask your admin to push a fresh profile.',
  '',
  '&nbsp;',
  '',
  '## If that does not help',
  '',
  'Send the add-in logs to [our team](mailto:help@example.org) and mention your Outlook build number.',
].join('\n')

const ATTACHMENTS_NOT_SAVED = [
  '---',
  'description: Attachments are missing from saved emails',
  '---',
  '# Attachments Are Not Saved with Emails  ',
  '',
  '*3 min read*  ',
  '',
  '&nbsp;',
  '',
  'The issue manifests in the following manner: an email is saved to the CRM, but its attachments are missing and the sidebar shows a notification:',
  '',
  '*Attachment upload failed. Try again later.*',
  '',
  '&nbsp;',
  '',
  'The issue can be related to the attachment size limit set in your CRM. Files above the limit are skipped.',
  '',
  '&nbsp;',
  '',
  'To resolve the issue:',
  '',
  '<br>',
  '**1\\.** Ask your CRM admin for the current attachment size limit  ',
  '<br>',
  '**2\\.** Compare it with the size of the skipped files:  ',
  '&nbsp;&nbsp;&nbsp;&nbsp;**2\\.1.** Open the email in your mail client  ',
  '&nbsp;&nbsp;&nbsp;&nbsp;**2\\.2.** Hover over each attachment to see its size  ',
  '<br>',
  '**3\\.** Ask the admin to raise the limit, or save large files as links  ',
].join('\n')

const SIDEBAR_WIDGETS_EMPTY = [
  '# Sidebar Widgets Troubleshooting',
  '',
  '*2 min read*  ',
  '',
  '&nbsp;',
  '',
  'This article lists the widget states you may see in the sidebar and what to do about each.',
  '',
  '| Widget | What you see | Reason | What to do |',
  '| --- | --- | --- | --- |',
  '| Deals | The list is empty | You have no open deals assigned. | Assign a deal to yourself in the CRM. |',
  '| Tasks | A spinner never stops | The task service is slow to answer.<br />This happens at peak hours. | Reload the sidebar after a minute. |',
].join('\n')

const FREQUENTLY_ASKED_SIDEBAR = [
  '# Sidebar: Frequently Asked Questions',
  '',
  '*3 min read*  ',
  '',
  '&nbsp;',
  '',
  '**Can I use the sidebar on my phone?**',
  '',
  'Yes, the sidebar works in the mobile mail app of {{ company_name }}.',
  '',
  '**How do I change the language?**',
  '',
  '**1\\.** Open **Settings**  ',
  '**2\\.** Choose a language and click **Save**  ',
].join('\n')

test('Solution N headings, a plain list with a fenced command, !!!note, <hr> and a commented-out reading time', (t) => {
  const a = parse('Mailbox-Sync-Timeout', MAILBOX_SYNC_TIMEOUT)
  t.is(a.kind, 'troubleshooting')
  t.is(a.title, 'How to Fix the Mailbox Sync Timeout Error')
  t.is(a.readingTimeMinutes, null) // commented out: a reader never sees it
  t.is(
    plain(a.symptom),
    'You may face a sync stop in {{ product_name }} with the notification Sync timed out: the mailbox did not answer in time.',
  )
  t.is(a.condition, null)
  t.is(
    plain(a.cause),
    'This problem occurs when the mailbox server throttles long requests from {{ short_name }}. Because of that, the sync session is cancelled before it ends.',
  )
  t.deepEqual(groups(a), [
    [
      'Solution 1: Shorten the sync window',
      '',
      '',
      [
        'Open {{ product_name }} and click Settings',
        'Set Sync window to 7 days',
        'Click Save and wait for the next session',
      ],
    ],
    [
      'Solution 2: Reset the local cache',
      '',
      '',
      [
        'Close your mail client',
        'Run the following command in a terminal: kbsync --reset-cache --profile default',
        'Start the mail client again',
      ],
    ],
  ])
  // A closing line after the separator that ends the last step list is in no group (a heading would open one),
  // and is kept in body.
  t.regex(plain(a.body), /If the issue still persists, write to our support team\./)
  t.deepEqual(
    a.notes.map((n) => [n.kind, n.title, plain(n.body)]),
    [['note', 'Note', 'A shorter window means older mail is not picked up automatically.']],
  )
  t.deepEqual(a.variables, ['product_name', 'short_name'])
})

test('an error-code reference table: one prose group per code, its codes, and a bold further-reading lead-in', (t) => {
  const a = parse('Portal-Error-Codes', PORTAL_ERROR_CODES)
  t.is(a.kind, 'troubleshooting')
  t.is(a.readingTimeMinutes, 4)
  t.true(rules(a).includes('structure-dropped')) // the "updated …" tail is set aside, and said so
  t.deepEqual(a.errorCodes, ['PRT-101', 'PRT-204', 'QUOTA_LIMIT_REACHED'])
  t.is(plain(a.symptom), 'PRT-101 PRT-204 QUOTA_LIMIT_REACHED')
  t.deepEqual(groups(a), [
    [null, 'The session token has expired.', 'PRT-101 Sign in to the portal again.', []],
    [
      null,
      'The mailbox quota is exceeded.',
      'PRT-204 Remove large attachments or ask your admin for more space.',
      [],
    ],
    [
      null,
      'Too many requests were sent in one hour.',
      'QUOTA_LIMIT_REACHED Wait one hour and retry, or contact support.',
      [],
    ],
  ])
  t.deepEqual(
    a.related.map((r) => r.href),
    ['../Portal-Overview/', '../Mailbox-Quotas/'],
  )
  t.false(plain(a.body).includes('Portal overview'))
})

test('Roman-numeral sections give one cause and one group each; ??? is a collapsible note; vendor-article heading is related links', (t) => {
  const a = parse('Calendar-Colors-Lost', CALENDAR_COLORS_LOST)
  t.is(a.kind, 'troubleshooting') // no trouble word in the title: the section causes and steps decide
  t.is(a.readingTimeMinutes, 3)
  t.is(plain(a.symptom), 'If your calendar categories turn grey after a {{ short_name }} sync session')
  t.is(a.cause, null)
  t.deepEqual(groups(a), [
    [
      'I. Categories were renamed in the CRM',
      'The category names in the CRM were changed after the first sync, so the colors no longer match.',
      '',
      ['Open the category list in the CRM', 'Rename each category back to its original name'],
    ],
    [
      'II. The color map was not saved',
      'The color map is stored only when the admin saves the settings page. Thus, new categories have no color.',
      '',
      ['Open the Admin panel', 'Go to Calendar > Categories and click Save'],
    ],
  ])
  t.deepEqual(
    a.notes.map((n) => [n.kind, n.title, n.collapsible ?? false]),
    [['info', 'Before you start', true]],
  )
  t.deepEqual(
    a.related.map((r) => r.title),
    ['Use color categories in Outlook', 'Share calendar colors'],
  )
})

test('a how-to that calls itself troubleshooting: scope sentence, symptom with inline icons, steps and icons in order', (t) => {
  const a = parse('Toolbar-Buttons-Troubleshooting', TOOLBAR_BUTTONS_TROUBLESHOOTING)
  t.is(a.kind, 'troubleshooting')
  t.is(
    plain(a.condition),
    'The troubleshooting tips listed in this article are specific to the desktop client for Windows.',
  )
  t.is(
    plain(a.symptom),
    'Sometimes the toolbar buttons are missing after an update: the gear and the pin do not show up in the toolbar.',
  )
  t.is(a.cause, null)
  t.true(rules(a).includes('no-cause-found'))
  t.deepEqual(groups(a), [
    [
      null,
      '',
      'To restore the buttons:',
      ['Right-click the toolbar and select Customize', 'Drag the gear back to the toolbar', 'Click Done'],
    ],
  ])
  t.deepEqual(
    a.images.map((i) => i.src),
    [
      '../../assets/images/icons/gear.png',
      '../../assets/images/icons/pin.png',
      '../../assets/images/icons/gear.png',
      '../../assets/images/toolbar/customize.png',
    ],
  )
})

test('numbered steps with no issue described are a how-to, and an FAQ is not troubleshooting', (t) => {
  t.is(parse('Export-Contacts', EXPORT_CONTACTS).kind, 'other')
  t.is(parse('Frequently-Asked-Sidebar', FREQUENTLY_ASKED_SIDEBAR).kind, 'other')
})

test('a cause heading before the fix, a scope sentence, unescaped bold numbers with a tab, an untitled tip and an "If that does not help" heading', (t) => {
  const a = parse('Login-Loop-Mac', LOGIN_LOOP_MAC)
  t.is(a.kind, 'troubleshooting')
  t.is(
    plain(a.symptom),
    'Users can face a sign-in window that reopens again and again after they enter their password in {{ product_name }}.',
  )
  t.is(plain(a.condition), 'The issue is observed only in Outlook 2016 for Mac.')
  t.is(
    plain(a.cause),
    'The add-in keeps an expired token in the keychain. The keychain entry is not replaced when the password changes.',
  )
  t.deepEqual(groups(a), [
    [
      'How to fix it',
      '',
      '',
      [
        'Quit Outlook',
        'Open Keychain Access and delete every entry named kb-addin',
        'Start Outlook and sign in again',
      ],
    ],
    [
      'If that does not help',
      '',
      'Send the add-in logs to our team and mention your Outlook build number.',
      [],
    ],
  ])
  t.deepEqual(
    a.notes.map((n) => [n.kind, n.title]),
    [['tip', null]],
  )
})

test('a manifests label with italic error text, a "can be related to" cause, <br>-prefixed steps with sub-steps', (t) => {
  const a = parse('Attachments-Not-Saved', ATTACHMENTS_NOT_SAVED)
  t.is(a.kind, 'troubleshooting')
  t.is(
    plain(a.symptom),
    'An email is saved to the CRM, but its attachments are missing and the sidebar shows a notification: Attachment upload failed. Try again later.',
  )
  t.is(
    plain(a.cause),
    'The issue can be related to the attachment size limit set in your CRM. Files above the limit are skipped.',
  )
  t.deepEqual(groups(a), [
    [
      null,
      '',
      'To resolve the issue:',
      [
        'Ask your CRM admin for the current attachment size limit',
        'Compare it with the size of the skipped files: Open the email in your mail client Hover over each attachment to see its size',
        'Ask the admin to raise the limit, or save large files as links',
      ],
    ],
  ])
})

test('an issue table with differently named columns: symptom and cause from their columns, one group per row', (t) => {
  const a = parse('Sidebar-Widgets-Empty', SIDEBAR_WIDGETS_EMPTY)
  t.is(a.kind, 'troubleshooting')
  t.is(plain(a.symptom), 'The list is empty A spinner never stops')
  t.deepEqual(groups(a), [
    [
      null,
      'You have no open deals assigned.',
      'Deals The list is empty Assign a deal to yourself in the CRM.',
      [],
    ],
    [
      null,
      'The task service is slow to answer. This happens at peak hours.',
      'Tasks A spinner never stops Reload the sidebar after a minute.',
      [],
    ],
  ])
})

test("codes in a table's Code column count whatever their shape; a two-column notice table is no issue table", (t) => {
  const a = parse(
    'Gateway-Codes',
    [
      '# Gateway Error Codes',
      '',
      '| Code | Meaning | What to do |',
      '| --- | --- | --- |',
      '| E042 | The gateway refused the upload. | Retry after five minutes. |',
      '| 1001 | The upload was too large. | Split the upload. |',
      '| see below | Anything else. | Write to support. |',
    ].join('\n'),
  )
  t.is(a.kind, 'troubleshooting')
  t.deepEqual(a.errorCodes, ['E042', '1001'])
  t.is(a.resolutions.length, 3)
  const notices = parse(
    'Notices',
    [
      '# Settings Page Notices',
      '',
      '| Notice text | Meaning / action to take |',
      '| --- | --- |',
      '| Changes saved. | Nothing to do. |',
      '| Session expired, reopen the page. | Reopen the page from the menu. |',
    ].join('\n'),
  )
  t.is(notices.kind, 'other')
  t.deepEqual(notices.errorCodes, [])
})

// A cause stated as a plain fact between the symptom and the fix, with no causal word in it.
const LARGE_FILES_DROPPED = [
  '# Large Files Are Not Attached to the Record',
  '',
  '&nbsp;',
  '',
  'When you save a message with a big file, the add-in reports success but the file never reaches the record.',
  '',
  'The CRM accepts files of up to 25 MB, and the add-in does not pass on the refusal.',
  '',
  'To work around it, upload the file to a shared drive and put its link in the message before you save it.',
].join('\n')

test('a plain-fact cause between symptom and fix is the cause, not the intro of the fix', (t) => {
  const a = parse('Large-Files-Dropped', LARGE_FILES_DROPPED)
  t.is(a.kind, 'troubleshooting')
  t.is(
    plain(a.symptom),
    'When you save a message with a big file, the add-in reports success but the file never reaches the record.',
  )
  t.is(plain(a.cause), 'The CRM accepts files of up to 25 MB, and the add-in does not pass on the refusal.')
  t.deepEqual(groups(a), [
    [
      null,
      '',
      'To work around it, upload the file to a shared drive and put its link in the message before you save it.',
      [],
    ],
  ])
})

// Sub-cases nested under one solution heading (misspelt), each with its own steps: numbered, an "if that does
// not help" chain, and a bulleted action list under a heading that carries no fix word of its own.
const SHARED_BOARD_BLANK = [
  '# Shared Board Does Not Open',
  '',
  '&nbsp;',
  '',
  'A shared board shows an empty page when you open it in the browser.',
  '',
  "The board owner's link leads to an archived copy.",
  '',
  '## Solutons',
  '',
  '### For board owners',
  '',
  '**1\\.** Open the board in the desktop app  ',
  '**2\\.** Click **Share** and make a new link  ',
  '',
  'If that does not help, also try the following:',
  '',
  '**1\\.** Delete the old link  ',
  '**2\\.** Send the new link once more  ',
  '',
  '### For viewers',
  '',
  '* Ask the owner for a fresh link',
  '* Take the board off your list and add it back',
].join('\n')

test('sections nested under a solution heading are its sub-cases: their bullets are steps', (t) => {
  const a = parse('Shared-Board-Blank', SHARED_BOARD_BLANK)
  t.is(a.kind, 'troubleshooting')
  t.is(plain(a.cause), "The board owner's link leads to an archived copy.")
  t.deepEqual(groups(a), [
    [
      'Solutons',
      '',
      'For board owners',
      ['Open the board in the desktop app', 'Click Share and make a new link'],
    ],
    [
      null,
      '',
      'If that does not help, also try the following:',
      ['Delete the old link', 'Send the new link once more'],
    ],
    [
      'For viewers',
      '',
      '',
      ['Ask the owner for a fresh link', 'Take the board off your list and add it back'],
    ],
  ])
  t.false(rules(a).includes('section-not-resolution'))
})

// A scope sentence with no "only": the issue placed ("affects users of …") is the condition, and the plain fact
// after symptom and scope is the cause.
const PREVIEW_PANE_EMPTY = [
  '# Preview Pane Stays Empty',
  '',
  '&nbsp;',
  '',
  'When you select a note with a drawing, the preview pane stays empty.',
  '',
  'The issue affects users of the desktop client for Windows.',
  '',
  'The drawing engine of that client cannot render pen strokes made on a tablet.',
  '',
  '### How to fix it',
  '',
  '1. Open **Settings** > **Display**',
  '2. Turn on **Software rendering**',
].join('\n')

test('an issue placed in a client is the condition; the plain fact after it is the cause', (t) => {
  const a = parse('Preview-Pane-Empty', PREVIEW_PANE_EMPTY)
  t.is(a.kind, 'troubleshooting')
  t.is(plain(a.condition), 'The issue affects users of the desktop client for Windows.')
  t.is(plain(a.cause), 'The drawing engine of that client cannot render pen strokes made on a tablet.')
  t.deepEqual(
    groups(a).map((g) => g[0]),
    ['How to fix it'],
  )
})
