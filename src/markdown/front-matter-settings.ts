// The author's settings in front matter: `kb-cms: { kind: other }` settles the kind, `kb-cms: { cause: none }`
// says a field is absent (what the parser would read into it goes to body). They win over the classifier.
import type { VFile } from 'vfile'
import { type Place, report } from '../diagnostics/registry.ts'
import type { ArticleKind } from '../model/article.ts'
import type { FieldMarker } from './remark-author-markers.ts'

const KINDS: readonly ArticleKind[] = ['troubleshooting', 'other', 'redirect']
const FIELDS: readonly FieldMarker[] = ['symptom', 'condition', 'cause']

export const FRONT_MATTER_KEYS = {
  kind: 'troubleshooting, other or redirect: the page kind',
  symptom: '`none`: the page has no symptom',
  condition: '`none`: the page has no condition',
  cause: '`none`: the page has no cause',
} as const

export interface FrontMatterSettings {
  kind: ArticleKind | null
  absent: FieldMarker[]
}

export function frontMatterSettings(frontMatter: Record<string, unknown>, file: VFile): FrontMatterSettings {
  const out: FrontMatterSettings = { kind: null, absent: [] }
  const settings = frontMatter['kb-cms']
  if (settings === undefined) return out
  const map = typeof settings === 'object' && settings !== null && !Array.isArray(settings) ? settings : {}
  const kind = (map as { kind?: unknown }).kind
  if (typeof kind === 'string' && (KINDS as readonly string[]).includes(kind)) {
    report(
      file,
      'kind-from-front-matter',
      `Kind set by the front matter (\`kb-cms.kind: ${kind}\`), not guessed`,
    )
    out.kind = kind as ArticleKind
  } else if (kind !== undefined || Object.keys(map).length === 0) {
    report(
      file,
      'invalid-front-matter-kind',
      `\`kb-cms.kind\` must be one of ${KINDS.join(', ')}; the kind is guessed instead`,
      keyPlace(file, 'kind'),
    )
  }
  for (const [key, value] of Object.entries(map)) {
    if (key === 'kind') continue
    if (!(FIELDS as readonly string[]).includes(key)) {
      report(
        file,
        'marker-unknown',
        `Unknown front matter setting \`kb-cms.${key}\`; known: ${Object.keys(FRONT_MATTER_KEYS).join(', ')}`,
        keyPlace(file, key),
      )
    } else if (value !== 'none') {
      report(
        file,
        'marker-unknown',
        `\`kb-cms.${key}\` takes \`none\` (the page has no ${key}); mark the text itself with \`<!-- kb-cms: ${key} -->\``,
        keyPlace(file, key),
      )
    } else out.absent.push(key as FieldMarker)
  }
  return out
}

/** Where `key:` is written in the front matter, for the message. */
function keyPlace(file: VFile, key: string): Place | null {
  const end = file.data.frontMatter?.endLine ?? 0
  const lines = String(file.value ?? '').split('\n', end)
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  for (const [i, line] of lines.entries()) {
    const m = new RegExp(`(^|[\\s{,])(${escaped})\\s*:`).exec(line)
    if (m && i > 0) return { line: i + 1, column: m.index + (m[1]?.length ?? 0) + 1 }
  }
  return null
}
