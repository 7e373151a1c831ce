// Where a link written in a page leads on the site, as MkDocs resolves it: a link to `X.md` is resolved against
// the file (`a/b/Page.md` + `../X.md` → `a/X.md` → `/a/X/`), a link to `../X/` against the page's URL
// (`/a/b/Page/` + `../X/` → `/a/b/X/`). Pure: strings in, a URL path out.
import { pageUrlPath } from '../markdown/page-url.ts'

export interface LinkTarget {
  /** The target's URL path below the site root, slashes at both ends, decoded (`/a/X/`). */
  path: string
  /** The part after `#`, as written; null when there is none. */
  anchor: string | null
}

/** Where the page sits: its file below the docs root and its URL path. */
export interface PagePlace {
  sourcePath: string
  path: string
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i
const BASE = 'http://site.invalid'

/**
 * The page a link leads to; null for what is no link to another page of the site: absolute URLs and other
 * schemes, protocol-relative links, in-page `#anchor` links, links to files (images, PDFs) and the page itself.
 */
export function linkTarget(href: string, page: PagePlace): LinkTarget | null {
  const written = href.trim().replace(/\\/g, '/')
  if (written === '' || written.startsWith('#') || written.startsWith('//') || SCHEME.test(written))
    return null
  const hash = written.indexOf('#')
  const anchor = hash >= 0 ? written.slice(hash + 1) || null : null
  const pathPart = (hash >= 0 ? written.slice(0, hash) : written).split('?')[0] ?? ''
  if (pathPart === '') return null
  let path: string
  if (/\.md$/i.test(pathPart)) {
    const file = decodePath(new URL(pathPart, `${BASE}/${page.sourcePath}`).pathname).slice(1)
    path = pageUrlPath(file)
  } else {
    const resolved = decodePath(new URL(pathPart, BASE + page.path).pathname)
    const last = resolved.split('/').at(-1) ?? ''
    // `../img/x.png`, `guide.pdf`: a file, not a page. `Other-Page` without its slash: MkDocs serves `Other-Page/`.
    if (/\.[a-z0-9]{1,5}$/i.test(last) && !/^index\.html?$/i.test(last)) return null
    path = resolved.replace(/index\.html?$/i, '').replace(/\/?$/, '/')
  }
  if (path === page.path) return null
  return { path, anchor }
}

/** A URL path's slug, as pageSlug derives it from the file: `/a/Other-Page/` → `a/other-page`, `/` → `index`. */
export function slugOfPath(path: string): string {
  const segments = path
    .split('/')
    .map((s) =>
      s
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter(Boolean)
  return segments.length ? segments.join('/') : 'index'
}

function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment)
      } catch {
        return segment
      }
    })
    .join('/')
}
