// A link as an author wrote it in a page (`Other.md`, `../Other/#a`, `../../x/Y/`) → the URL path it names on
// this site, by MkDocs' rules: a link to a `.md` file is resolved against the file, any other relative link
// against the page's URL (which is what the browser does too). Pure.
import { isExternalHref } from './html.ts'
import { normalisePath } from './site-map.ts'

const BASE = 'http://this-site.invalid'

export interface PagePlace {
  /** The page's URL path, `/a/B/`. */
  path: string
  /** The page's file below the docs root (`a/B.md`, `a/index.md`), when known. */
  sourcePath?: string
}

/** The folder of the page's file, as a URL path: `a/B.md` → `/a/`; without a source path, the URL's parent. */
function fileFolder(place: PagePlace): string {
  if (place.sourcePath) {
    const dir = place.sourcePath.replace(/\\/g, '/').split('/').slice(0, -1).join('/')
    return dir ? `/${dir}/` : '/'
  }
  if (place.path === '/') return '/'
  return place.path.replace(/[^/]+\/$/, '')
}

/**
 * The canonical path (plus `#anchor`) a relative link names, or undefined for in-page anchors, web addresses
 * and anything that is not a path on this site.
 */
export function resolveRelative(href: string, place: PagePlace): string | undefined {
  if (href === '' || href.startsWith('#') || href.startsWith('/') || isExternalHref(href)) return undefined
  const hashAt = href.indexOf('#')
  const ref = hashAt < 0 ? href : href.slice(0, hashAt)
  const hash = hashAt < 0 ? '' : href.slice(hashAt)
  const file = (ref.split('?')[0] ?? '').replace(/\\/g, '/')
  const base = /\.md$/i.test(file) ? fileFolder(place) : place.path
  try {
    const url = new URL(file, BASE + base)
    return normalisePath(decodeURIComponent(url.pathname)) + hash
  } catch {
    return undefined
  }
}
