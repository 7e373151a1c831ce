// Hand-built Articles for the sync's unit tests (original text, written for these tests).
import type { Block, Document } from '@contentful/rich-text-types'
import { embeddedImage } from '../../../src/markdown/rich-text.ts'
import { type Article, emptyArticle, type ImageRef } from '../../../src/model/article.ts'

export function doc(...blocks: (string | Block)[]): Document {
  return {
    nodeType: 'document',
    data: {},
    content: blocks.map((b) =>
      typeof b === 'string'
        ? { nodeType: 'paragraph', data: {}, content: [{ nodeType: 'text', value: b, marks: [], data: {} }] }
        : b,
    ),
  } as Document
}

export function image(path: string | null, src = path ?? 'https://example.com/x.png'): ImageRef {
  return { src, path, alt: '', width: null }
}

export function article(slug: string, overrides: Partial<Article> = {}): Article {
  return {
    confidence: emptyArticle('', '').confidence,
    source: `docs/${slug}.md`,
    sourcePath: `${slug}.md`,
    path: `/${slug}/`,
    kind: 'troubleshooting',
    slug,
    title: `Widget trouble: ${slug}`,
    description: 'When the widget stops spinning',
    readingTimeMinutes: 2,
    appliesTo: ['Desktop'],
    symptom: doc('The widget stops.'),
    condition: null,
    cause: doc('A stale cache.'),
    errorCodes: ['WIDGET_STUCK'],
    resolutions: [
      {
        title: null,
        cause: null,
        intro: doc('First restart it.'),
        steps: [
          { instruction: doc('Open the menu.'), images: [] },
          { instruction: doc('Click restart.', embeddedImage(0)), images: [] },
        ],
      },
    ],
    images: [],
    notes: [{ kind: 'tip', title: null, body: doc('Nothing is lost.') }],
    related: [],
    cta: null,
    variables: [],
    body: null,
    redirectTo: null,
    links: [],
    diagnostics: [],
    ...overrides,
  }
}
