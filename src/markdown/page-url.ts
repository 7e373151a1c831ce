// Where MkDocs serves a page, and the slug kb-cms derives from that place. Pure: paths in, strings out.
// With `use_directory_urls` (MkDocs' default) `a/B.md` is served at `/a/B/`, `a/index.md` at `/a/`.

/** The URL path of a docs-root-relative Markdown path: `ri/fast/articles/X.md` → `/ri/fast/articles/X/`. */
export function pageUrlPath(relPath: string): string {
  const segments = stripMarkdown(relPath).split('/').filter(Boolean)
  if (segments.at(-1)?.toLowerCase() === 'index') segments.pop()
  return segments.length ? `/${segments.join('/')}/` : '/'
}

/**
 * The slug: the page's place below the docs root, lowercase and kebab-cased per segment, so two same-named
 * files in different folders never share one: `ri/fast/articles/Release-Notes.md` → `ri/fast/articles/release-notes`.
 * The home page is `index`.
 */
export function pageSlug(relPath: string): string {
  const segments = pageUrlPath(relPath).split('/').map(kebab).filter(Boolean)
  return segments.length ? segments.join('/') : 'index'
}

/** The slug kb-cms used before identity came from the path: the file name alone (`X.md` → `x`). */
export function legacySlug(relPath: string): string {
  return kebab(stripMarkdown(relPath).split('/').at(-1) ?? '')
}

function stripMarkdown(relPath: string): string {
  return relPath.replace(/\\/g, '/').replace(/\.(md|markdown)$/i, '')
}

function kebab(segment: string): string {
  return segment
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
