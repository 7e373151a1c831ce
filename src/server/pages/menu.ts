// The site's menu from the `navigationMenu` entry's `items` (mkdocs.yml's `nav`): nested lists in nav order,
// sections as native disclosures (open on the way to the current page, so no script is needed), the current
// page marked with `aria-current="page"`. Pure; every title is escaped and every href checked.
import { type Html, html, isExternalHref, safeHref } from './html.ts'
import { substitute, type Variables } from './variables.ts'

/** One nav node as the menu entry stores it; unknown shapes are tolerated (it is editor-writable JSON). */
export interface MenuItem {
  title?: unknown
  path?: unknown
  entry?: unknown
  url?: unknown
  children?: unknown
}

export interface MenuContext {
  vars: Variables
  /** The current page's canonical path, when the page is in the menu's site. */
  current?: string
  /** A linked entry id → its page's path (the entry's path wins over the item's, so moves follow the page). */
  pathOf: (entryId: string) => string | undefined
}

/** Deeper nav trees are shown flattened at this depth: editor-writable JSON must not blow the stack. */
const MAX_DEPTH = 12

/** Where an item leads: its entry's page, else its path on this site, else its web address. */
export function menuHref(item: MenuItem, ctx: MenuContext): string | undefined {
  if (typeof item.entry === 'string') {
    const path = ctx.pathOf(item.entry)
    if (path) return path
  }
  if (typeof item.path === 'string' && item.path.startsWith('/') && !isExternalHref(item.path))
    return safeHref(item.path)
  if (typeof item.url === 'string') {
    const url = safeHref(item.url)
    if (url && /^https?:\/\//i.test(url)) return url
  }
  return undefined
}

const childrenOf = (item: MenuItem): MenuItem[] =>
  Array.isArray(item.children) ? (item.children as MenuItem[]).filter((c) => c && typeof c === 'object') : []

/** Does this item or one below it lead to the current page? */
function leadsToCurrent(item: MenuItem, ctx: MenuContext, depth = 0): boolean {
  if (!ctx.current || depth > MAX_DEPTH) return false
  if (menuHref(item, ctx) === ctx.current) return true
  return childrenOf(item).some((c) => leadsToCurrent(c, ctx, depth + 1))
}

function itemHtml(item: MenuItem, ctx: MenuContext, depth: number): Html {
  const title = typeof item.title === 'string' ? substitute(item.title, ctx.vars) : ''
  const href = menuHref(item, ctx)
  const current = href !== undefined && href === ctx.current
  const link = href
    ? isExternalHref(href)
      ? html`<a href="${href}" rel="noopener noreferrer">${title}</a>`
      : current
        ? html`<a href="${href}" class="current" aria-current="page">${title}</a>`
        : html`<a href="${href}">${title}</a>`
    : html`<span>${title}</span>`
  const children = childrenOf(item)
  if (children.length === 0 || depth >= MAX_DEPTH) return html`<li class="nav-item">${link}</li>`
  const open = leadsToCurrent(item, ctx, depth)
  // A section's own page (if any) is its first entry, so the summary stays a plain toggle.
  const own = href ? html`<li class="nav-item">${link}</li>` : ''
  return html`<li class="nav-section${open ? ' active' : ''}"><details${open ? html` open` : ''}><summary>${title}</summary><ul>${own}${children.map(
    (c) => itemHtml(c, ctx, depth + 1),
  )}</ul></details></li>`
}

export function menuHtml(items: MenuItem[], ctx: MenuContext): Html {
  const valid = items.filter((i) => i && typeof i === 'object')
  if (valid.length === 0) return html``
  return html`<nav class="site-nav" aria-label="Site navigation"><ul>${valid.map((i) => itemHtml(i, ctx, 0))}</ul></nav>`
}
