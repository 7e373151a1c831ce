// `parse --review <dir>`: one static, self-contained index.html, for a writer checking what the parser made of
// each page: the source beside the fields it became, guessed and low-confidence fields highlighted, the pages
// the parser is least sure of first. No script, no network: styles are inline and a Content-Security-Policy
// forbids everything else. Every piece of page text is escaped (the source is untrusted).
import type { Block, Inline, Text } from '@contentful/rich-text-types'
import { DIAGNOSTICS } from '../diagnostics/registry.ts'
import { type Article, type FieldConfidence, LOW_CONFIDENCE, type RichText } from '../model/article.ts'
import { escapeHtml } from '../server/pages/html.ts'

export interface ReviewedPage {
  article: Article
  /** The Markdown as read (shown line by line). */
  source: string
}

const FIELDS = ['kind', 'title', 'symptom', 'condition', 'cause', 'resolutions'] as const
type ReviewedField = (typeof FIELDS)[number]

/** The diagnostics that say the parser guessed (info) or that something in the file needs fixing (warning). */
const isGuess = (id: string) =>
  id in DIAGNOSTICS && DIAGNOSTICS[id as keyof typeof DIAGNOSTICS].severity === 'info'

/** How unsure the parser is of a page: its weakest field first, then how many guesses and problems it reported. */
export function pageDoubt(a: Article): { weakest: number; reports: number } {
  const scores = FIELDS.map((f) => a.confidence[f]?.score).filter((s): s is number => s !== undefined)
  // Problems in the file count double; the parser's guesses once; what markers settled not at all.
  const reports = a.diagnostics.reduce(
    (n, d) =>
      n + (d.ruleId === 'marker-applied' ? 0 : d.severity === 'info' ? (isGuess(d.ruleId) ? 1 : 0) : 2),
    0,
  )
  return { weakest: scores.length ? Math.min(...scores) : 0, reports }
}

/** Worst first: the lowest confidence, then the most reports, then by path (a stable order). */
export function worstFirst(pages: ReviewedPage[]): ReviewedPage[] {
  return [...pages].sort((x, y) => {
    const a = pageDoubt(x.article)
    const b = pageDoubt(y.article)
    return a.weakest - b.weakest || b.reports - a.reports || x.article.source.localeCompare(y.article.source)
  })
}

export function reviewHtml(pages: ReviewedPage[]): string {
  const ordered = worstFirst(pages)
  const toc = ordered
    .map((p, i) => {
      const d = pageDoubt(p.article)
      return `<li><a href="#page-${i + 1}">${escapeHtml(p.article.source)}</a> <span class="meta">${escapeHtml(p.article.kind)}, weakest ${d.weakest.toFixed(1)}, ${d.reports} report${d.reports === 1 ? '' : 's'}</span></li>`
    })
    .join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kb-cms review: ${pages.length} page${pages.length === 1 ? '' : 's'}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>kb-cms review</h1>
<p>${pages.length} page${pages.length === 1 ? '' : 's'}, the ones the parser is least sure of first. A field is
<span class="low">low</span> when a structure guess or a fallback decided it (confidence below ${LOW_CONFIDENCE}),
<span class="marker">pinned</span> when an author marker did. Settle a field with a marker
(<code>&lt;!-- kb-cms: cause --&gt;</code>; <code>npm run parse -- --annotate</code> writes them).</p>
</header>
<nav><ol>
${toc}
</ol></nav>
<main>
${ordered.map((p, i) => pageSection(p, i + 1)).join('\n')}
</main>
</body>
</html>
`
}

function pageSection({ article: a, source }: ReviewedPage, n: number): string {
  const flagged = new Map<number, string[]>()
  for (const d of a.diagnostics)
    if (d.line !== null && d.ruleId !== 'marker-applied')
      flagged.set(d.line, [...(flagged.get(d.line) ?? []), `${d.severity} ${d.ruleId}: ${d.message}`])
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  const sourceRows = lines
    .map((line, i) => {
      const notes = flagged.get(i + 1)
      const cls = notes ? ' class="flag"' : /^\s*<!--\s*kb-cms:/.test(line) ? ' class="marker-line"' : ''
      const title = notes ? ` title="${escapeHtml(notes.join('\n'))}"` : ''
      return `<tr${cls}${title}><td class="ln">${i + 1}</td><td><code>${escapeHtml(line) || ' '}</code></td></tr>`
    })
    .join('\n')
  const diagnostics = a.diagnostics
    .filter((d) => d.ruleId !== 'marker-applied')
    .map(
      (d) =>
        `<li class="${escapeHtml(d.severity)}">${d.line === null ? '' : `${d.line}:${d.column ?? 1} `}<b>${escapeHtml(d.severity)}</b> ${escapeHtml(d.message)} <code>${escapeHtml(d.ruleId)}</code></li>`,
    )
    .join('\n')
  return `<section id="page-${n}" class="page" data-source="${escapeHtml(a.source)}">
<h2>${n}. ${escapeHtml(a.title || '(no title)')} <span class="meta">${escapeHtml(a.source)}</span></h2>
<div class="cols">
<div class="source"><table>${sourceRows}</table></div>
<div class="fields">
${FIELDS.map((f) => fieldBlock(a, f)).join('\n')}
${a.body ? `<div class="field" data-field="body"><h3>body</h3>${richHtml(a.body)}</div>` : ''}
${diagnostics ? `<div class="diagnostics"><h3>diagnostics</h3><ul>${diagnostics}</ul></div>` : ''}
</div>
</div>
</section>`
}

function fieldBlock(a: Article, field: ReviewedField): string {
  const c = a.confidence[field]
  const cls = confidenceClass(c)
  const badge = c ? `<span class="badge">${escapeHtml(c.evidence)} ${c.score.toFixed(1)}</span>` : ''
  let value: string
  if (field === 'kind') value = `<p>${escapeHtml(a.kind)}</p>`
  else if (field === 'title') value = `<p>${escapeHtml(a.title)}</p>`
  else if (field === 'resolutions') value = resolutionsHtml(a)
  else value = a[field] ? richHtml(a[field]) : '<p class="empty">none</p>'
  return `<div class="field ${cls}" data-field="${field}" data-confidence="${c ? c.score : ''}"><h3>${field} ${badge}</h3>${value}</div>`
}

function confidenceClass(c: FieldConfidence | null): string {
  if (c === null) return 'absent'
  if (c.evidence === 'marker') return 'marker'
  return c.score < LOW_CONFIDENCE ? 'low' : 'sure'
}

function resolutionsHtml(a: Article): string {
  if (a.resolutions.length === 0) return '<p class="empty">none</p>'
  return a.resolutions
    .map(
      (r, i) => `<div class="resolution"><h4>${i + 1}. ${escapeHtml(r.title ?? '(untitled)')}</h4>
${r.cause ? `<div class="sub"><b>cause</b>${richHtml(r.cause)}</div>` : ''}
${r.intro ? `<div class="sub"><b>intro</b>${richHtml(r.intro)}</div>` : ''}
${r.steps.length ? `<ol>${r.steps.map((s) => `<li>${richHtml(s.instruction)}${s.images.length ? `<p class="meta">${s.images.map((im) => escapeHtml(im.src)).join(', ')}</p>` : ''}</li>`).join('')}</ol>` : ''}
</div>`,
    )
    .join('\n')
}

/** Rich Text as escaped HTML: text, paragraphs, headings, lists; a link shows its text and its target as text. */
function richHtml(doc: RichText): string {
  return doc.content.map((b) => blockHtml(b as Block)).join('')
}

function blockHtml(node: Block | Inline | Text): string {
  if (node.nodeType === 'text') return escapeHtml((node as Text).value)
  const inner = ((node as Block).content ?? []).map((c) => blockHtml(c as Block)).join('')
  switch (node.nodeType) {
    case 'paragraph':
      return `<p>${inner}</p>`
    case 'unordered-list':
      return `<ul>${inner}</ul>`
    case 'ordered-list':
      return `<ol>${inner}</ol>`
    case 'list-item':
      return `<li>${inner}</li>`
    case 'hyperlink':
      return `<span class="link">${inner} <span class="meta">(${escapeHtml(String((node as Inline).data?.uri ?? ''))})</span></span>`
    case 'embedded-asset-block':
      return '<p class="meta">[image]</p>'
    case 'embedded-entry-block':
      return '<p class="meta">[note]</p>'
    case 'table-row':
      return `<tr>${inner}</tr>`
    case 'table-cell':
    case 'table-header-cell':
      return `<td>${inner}</td>`
    case 'table':
      return `<table class="rt">${inner}</table>`
    case 'hr':
      return '<hr>'
    default:
      return node.nodeType.startsWith('heading') ? `<p><b>${inner}</b></p>` : `<div>${inner}</div>`
  }
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
header, nav, main { max-width: 1400px; margin: 0 auto; padding: 0 16px; }
h1 { font-size: 22px; } h2 { font-size: 17px; margin: 0 0 8px; } h3 { font-size: 13px; margin: 0 0 4px; text-transform: uppercase; letter-spacing: .04em; }
.meta { color: #6b6b70; font-weight: normal; font-size: 12px; }
.page { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 12px; margin: 16px 0; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.source { overflow: auto; max-height: 640px; border: 1px solid #eee; }
.source table { border-collapse: collapse; width: 100%; }
.source td { vertical-align: top; padding: 0 6px; white-space: pre-wrap; word-break: break-word; }
.source td.ln { color: #999; text-align: right; user-select: none; width: 3em; }
.source tr.flag { background: #fff4c2; }
.source tr.marker-line { background: #e3f1ff; }
.field { border-left: 4px solid #ccc; padding: 4px 8px; margin: 0 0 8px; }
.field.sure { border-color: #3a9a4a; }
.field.low { border-color: #d9822b; background: #fff1e0; }
.field.marker { border-color: #2f6fdb; background: #eef4ff; }
.field.absent { border-color: #ddd; }
.badge { font-size: 11px; border-radius: 3px; padding: 0 4px; background: #eee; text-transform: none; letter-spacing: 0; }
span.low { background: #fff1e0; border-left: 4px solid #d9822b; padding: 0 4px; }
span.marker { background: #eef4ff; border-left: 4px solid #2f6fdb; padding: 0 4px; }
.empty { color: #999; }
.diagnostics li.warning, .diagnostics li.fatal { color: #a01818; }
.resolution { border-top: 1px dashed #ddd; padding-top: 4px; } .resolution h4 { margin: 4px 0; }
table.rt td { border: 1px solid #ddd; padding: 2px 4px; }
@media (max-width: 900px) { .cols { grid-template-columns: 1fr; } }
`
