// Every diagnostic kb-cms reports, with its severity and what it means: the one list the parser, the file
// reader and the sync report through (`report()` below takes the severity from here), that the README's table
// is checked against (test/diagnostics/registry.test.ts), and that Article diagnostics are typed by.
import type { VFile } from 'vfile'

export type Severity = 'fatal' | 'error' | 'warning' | 'info'

/** Who reports it: the Markdown parser, the file reader (parse and sync), or the sync. */
export type DiagnosticScope = 'parse' | 'read' | 'sync'

export interface DiagnosticRule {
  severity: Severity
  scope: DiagnosticScope
  /** What it means, for a writer: one sentence, as in the README's table. */
  meaning: string
}

const rule = (severity: Severity, scope: DiagnosticScope, meaning: string): DiagnosticRule => ({
  severity,
  scope,
  meaning,
})

export const DIAGNOSTICS = {
  // The parser's guesses and set-asides: worth a writer's look, nothing is wrong with the file.
  'symptom-guessed': rule('info', 'parse', 'no symptom cue; the first paragraph was taken as the symptom'),
  'kind-guessed': rule('info', 'parse', 'a problem and steps, but read as a how-to: kind set to other'),
  'kind-from-front-matter': rule('info', 'parse', 'the kind was set by front matter `kb-cms: { kind }`'),
  'no-cause-found': rule('info', 'parse', 'a troubleshooting article with no cause statement'),
  'section-not-resolution': rule(
    'info',
    'parse',
    'a section with no steps or advice, read as explanation (body), not as a resolution',
  ),
  'variant-label': rule(
    'info',
    'parse',
    'a bold label between steps whose numbering carries on, kept in the step',
  ),
  'first-issue-heading': rule(
    'info',
    'parse',
    'the opening heading was taken as the first resolution’s title',
  ),
  'unplaced-content': rule(
    'info',
    'parse',
    'content that fits no field of a troubleshooting article, kept in `body`',
  ),
  'structure-dropped': rule('info', 'parse', 'a label or lead-in (structure, not content) set aside'),
  'work-in-progress': rule('info', 'parse', 'a work-in-progress banner left out of the article'),
  'redirect-stub': rule('info', 'parse', 'the page only points elsewhere: kind redirect'),
  'low-confidence': rule(
    'info',
    'parse',
    'a field decided by a structure guess or a fallback, not by a marker, heading or cue',
  ),
  'marker-applied': rule('info', 'parse', 'an author marker settled a field, a group or the kind'),
  // Problems in the file: the article is still made, something in it needs fixing.
  'front-matter-invalid': rule(
    'warning',
    'parse',
    'front matter that is not valid YAML; read as `key: value` lines',
  ),
  'front-matter-delimiter': rule('warning', 'parse', 'a front matter delimiter with trailing text (`--- `)'),
  'front-matter-unclosed': rule('warning', 'parse', 'front matter without its closing `---`'),
  'invalid-front-matter-kind': rule(
    'warning',
    'parse',
    '`kb-cms.kind` is not troubleshooting, other or redirect',
  ),
  'no-title': rule('warning', 'parse', 'no `# Title` heading'),
  'step-numbering-gap': rule('warning', 'parse', 'a step number that skips or repeats (kept as written)'),
  'image-outside-docs-root': rule('warning', 'parse', 'an image path that resolves outside the docs root'),
  'script-dropped': rule('warning', 'parse', 'a `<script>` dropped'),
  'event-handler-dropped': rule('warning', 'parse', 'an `on*` attribute dropped'),
  'unsafe-link-dropped': rule('warning', 'parse', 'a `javascript:`/`vbscript:`/`data:` link dropped'),
  'unsafe-image-dropped': rule('warning', 'parse', 'an image with a `data:`/`javascript:` source dropped'),
  'embedded-content-dropped': rule('warning', 'parse', 'an iframe, object or embed dropped'),
  'interactive-content-dropped': rule('warning', 'parse', 'a form control dropped (its text kept)'),
  'cta-duplicate': rule('warning', 'parse', 'more than one CTA banner; only the first is kept'),
  'admonition-empty': rule('warning', 'parse', 'an admonition with no body'),
  'binary-content': rule('warning', 'parse', 'NUL bytes in the text (dropped)'),
  'nesting-too-deep': rule('warning', 'parse', 'lists or quotes nested deeper than 64, flattened'),
  'html-too-deep': rule('warning', 'parse', 'HTML nested too deeply to render; its markup kept as text'),
  'hidden-text-dropped': rule('warning', 'parse', 'text inside an unclosed `<title>`, not shown, left out'),
  'marker-unknown': rule('warning', 'parse', 'a `kb-cms:` marker or front-matter key kb-cms does not know'),
  'marker-misplaced': rule('warning', 'parse', 'a `kb-cms:` marker where it cannot apply; it is ignored'),
  'parse-failed': rule('fatal', 'parse', 'the parser failed on this file; it is left out'),
  // The file reader (parse and sync): a file that is not Markdown text is left out.
  'invalid-utf8': rule('fatal', 'read', 'not valid UTF-8 (or UTF-16) text'),
  'binary-file': rule('fatal', 'read', 'a binary file (NUL byte)'),
  'not-a-file': rule('fatal', 'read', 'not a regular file (a folder, pipe or device)'),
  'file-too-large': rule('fatal', 'read', 'a file over 32 MB'),
  'unreadable-file': rule('fatal', 'read', 'the file cannot be read (permission, I/O error)'),
  // The sync.
  'parse-over-bound': rule('fatal', 'sync', 'a large file over the worker’s heap or time limit; left out'),
  'sync-unreadable': rule('fatal', 'sync', 'a file the sync could not read or parse; left out'),
  'sync-no-title': rule('warning', 'sync', 'a page with no heading, titled from the nav or the file name'),
  'sync-cta': rule('warning', 'sync', 'a CTA banner whose link is not http(s); the banner is left out'),
  'sync-draft-left': rule(
    'warning',
    'sync',
    "an entry holding someone's unpublished draft: kb-cms wrote its fields beside it and left it unpublished",
  ),
  'sync-image-missing': rule(
    'warning',
    'sync',
    'an image file that is missing; the page is synced without it',
  ),
  'unresolved-link': rule('warning', 'sync', 'a link to a page that is neither in the space nor in this run'),
  'redirect-target-missing': rule('warning', 'sync', 'a redirect whose target page is not known; path kept'),
  'nav-file-missing': rule('warning', 'sync', 'a nav entry naming a file not in the docs root'),
  'nav-page-not-synced': rule('warning', 'sync', 'a nav entry whose page did not land'),
} as const satisfies Record<string, DiagnosticRule>

export type DiagnosticId = keyof typeof DIAGNOSTICS

export function isDiagnosticId(id: string): id is DiagnosticId {
  return Object.hasOwn(DIAGNOSTICS, id)
}

/** vfile's encoding of a severity: `fatal` true, false (warning) or undefined (info). */
export function fatalFlag(severity: Severity): boolean | undefined {
  return severity === 'fatal' ? true : severity === 'info' ? undefined : false
}

/** The severity a vfile message carries. */
export function severityOf(message: { fatal?: boolean | null | undefined }): Severity {
  return message.fatal === true ? 'fatal' : message.fatal === false ? 'warning' : 'info'
}

export interface Place {
  line: number
  column: number
}

/** Reports `id` on `file` with the registry's severity; the one way the parser emits a diagnostic. */
export function report(file: VFile, id: DiagnosticId, reason: string, place?: Place | null) {
  const message = file.message(reason, { place: place ?? undefined, ruleId: id, source: 'kb-cms' })
  message.fatal = fatalFlag(DIAGNOSTICS[id].severity)
  return message
}
