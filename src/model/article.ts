// The canonical, CMS-independent form of a parsed article (docs/article-json.md).
// The parser produces it, the sync consumes it; nothing here knows about a CMS.
import type { Document } from '@contentful/rich-text-types'
import type { DiagnosticId, Severity } from '../diagnostics/registry.ts'

/** A Contentful Rich Text document, valid under `@contentful/rich-text-types`. */
export type RichText = Document

export type ArticleKind = 'troubleshooting' | 'other' | 'redirect'

export interface ImageRef {
  /** Exactly as written in the file (backslashes kept). */
  src: string
  /** Docs-root-relative path with forward slashes, or null when external or outside the docs root. */
  path: string | null
  alt: string
  /** e.g. "35%" or "400", or null. */
  width: string | null
}

export interface Step {
  instruction: RichText
  images: ImageRef[]
}

export type ResolutionKind = 'primary' | 'alternative' | 'workaround'

export interface Resolution {
  title: string | null
  cause: RichText | null
  intro: RichText | null
  steps: Step[]
}

/** The admonition kinds mkdocs-material renders; anything else is shown as a plain note. */
export const NOTE_KINDS = [
  'note',
  'abstract',
  'info',
  'tip',
  'success',
  'question',
  'warning',
  'failure',
  'danger',
  'bug',
  'example',
  'quote',
] as const

export interface Note {
  /** Admonition type: note, warning, tip, info, … */
  kind: string
  title: string | null
  body: RichText
  /** True for `???` (collapsible) admonitions. */
  collapsible?: boolean
}

export interface RelatedLink {
  title: string
  href: string
}

export interface CtaBanner {
  /** e.g. "banner-3" */
  variant: string | null
  text: string
  href: string
  image: ImageRef | null
}

export type { Severity } from '../diagnostics/registry.ts'

export interface Diagnostic {
  /** One of the registry's ids (src/diagnostics/registry.ts), which also fixes its severity. */
  ruleId: DiagnosticId
  severity: Severity
  message: string
  line: number | null
  column: number | null
}

/** A link in the page as written, with where it is in the file (for diagnostics about its target). */
export interface PageLink {
  href: string
  line: number | null
  column: number | null
}

export interface Article {
  source: string
  /** The file's path below the docs root, forward slashes (`ri/fast/articles/X.md`); null when outside it. */
  sourcePath: string | null
  /** Where MkDocs served the page (`/ri/fast/articles/X/`, `/articles/`, `/`); null when outside the docs root. */
  path: string | null
  kind: ArticleKind
  /** The page's place below the docs root, kebab-cased per segment (`ri/fast/articles/x`; the home page `index`). */
  slug: string
  title: string
  description: string | null
  readingTimeMinutes: number | null
  appliesTo: string[]
  symptom: RichText | null
  condition: RichText | null
  cause: RichText | null
  errorCodes: string[]
  resolutions: Resolution[]
  images: ImageRef[]
  notes: Note[]
  related: RelatedLink[]
  cta: CtaBanner | null
  variables: string[]
  body: RichText | null
  /** A redirect stub's target exactly as written; null for every other kind. */
  redirectTo: string | null
  /** Every link of the page (Markdown and HTML), in document order. */
  links: PageLink[]
  /** Which kind of evidence decided each field (docs/article-json.md, "Confidence"). */
  confidence: ArticleConfidence
  diagnostics: Diagnostic[]
}

/**
 * The kind of evidence that decided a field, strongest first: an author marker, an explicit heading, label or
 * cue phrase, the document's structure (order, position, a step list), or a fallback (the first paragraph).
 */
export type Evidence = 'marker' | 'explicit' | 'structure' | 'fallback'

/** The number documented for each level; below LOW_CONFIDENCE a field gets a `low-confidence` diagnostic. */
export const EVIDENCE_SCORE: Record<Evidence, number> = {
  marker: 1,
  explicit: 0.9,
  structure: 0.6,
  fallback: 0.3,
}

export const LOW_CONFIDENCE = 0.7

export interface FieldConfidence {
  evidence: Evidence
  score: number
}

/** Per field; null when the field is empty and nothing settled that it is. */
export interface ArticleConfidence {
  kind: FieldConfidence
  title: FieldConfidence | null
  symptom: FieldConfidence | null
  condition: FieldConfidence | null
  cause: FieldConfidence | null
  resolutions: FieldConfidence | null
}

export function confidenceOf(evidence: Evidence): FieldConfidence {
  return { evidence, score: EVIDENCE_SCORE[evidence] }
}

/** An article with nothing in it yet: the parser's starting point, and what an unreadable file becomes. */
export function emptyArticle(source: string, slug: string): Article {
  return {
    source,
    sourcePath: null,
    path: null,
    kind: 'other',
    slug,
    title: '',
    description: null,
    readingTimeMinutes: null,
    appliesTo: [],
    symptom: null,
    condition: null,
    cause: null,
    errorCodes: [],
    resolutions: [],
    images: [],
    notes: [],
    related: [],
    cta: null,
    variables: [],
    body: null,
    redirectTo: null,
    links: [],
    confidence: {
      kind: confidenceOf('fallback'),
      title: null,
      symptom: null,
      condition: null,
      cause: null,
      resolutions: null,
    },
    diagnostics: [],
  }
}
