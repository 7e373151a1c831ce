// HTML built from tagged templates that escape every interpolated value unless it is already Html: content can
// never become markup by forgetting to escape it.
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string)

/** Markup that is already safe (built by `html`, or by the rich-text renderer, which escapes text itself). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

/** Trusted markup from a renderer that escapes on its own; never pass content strings here. */
export const trusted = (markup: string) => new Html(markup)

type Part = Html | string | number | null | undefined | false | readonly Part[]

function part(v: Part): string {
  if (v === null || v === undefined || v === false) return ''
  if (v instanceof Html) return v.value
  if (Array.isArray(v)) return v.map(part).join('')
  return escapeHtml(String(v))
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] as string
  values.forEach((v, i) => {
    out += part(v) + strings[i + 1]
  })
  return new Html(out)
}

/** Links the page may carry: web and mail addresses, and paths on this site. Anything else (javascript:, data:) is dropped. */
export function safeHref(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined
  const h = href.trim()
  if (/^(https?:|mailto:)/i.test(h)) return h
  // A relative reference has no scheme before its first / ? or #.
  const control = [...h].some((c) => c.charCodeAt(0) < 0x20)
  if (!/^[^/?#]*:/.test(h) && !control) return h
  return undefined
}

const THIS_SITE = 'http://this-site.invalid/'

/**
 * Whether a (safe) href leaves this site: a scheme (`https:`, `mailto:`) or a protocol-relative reference to
 * another host (`//other.example/`, and `/\\other.example/`, which browsers read the same way). Decided by the
 * URL parser browsers follow, not by a pattern, so every spelling a browser treats as another host counts.
 */
export function isExternalHref(href: string): boolean {
  try {
    return new URL(href, THIS_SITE).origin !== new URL(THIS_SITE).origin
  } catch {
    return true
  }
}

/** A link's markup: the href when safe (external ones open without referrer or opener), else plain text. */
export function linkHtml(href: unknown, inner: Html): Html {
  const safe = safeHref(href)
  if (safe === undefined) return html`<span class="dropped-link">${inner}</span>`
  return isExternalHref(safe)
    ? html`<a href="${safe}" rel="noopener noreferrer">${inner}</a>`
    : html`<a href="${safe}">${inner}</a>`
}
