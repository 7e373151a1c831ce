// Which article a related link points at: MkDocs links look like `../Other-Article/` or `Other-Article.md#x`,
// and an article's slug comes from its file name (see src/markdown/parse-article.ts), so the last path segment
// of a relative link names the target's slug. Absolute URLs point outside the knowledge base.

export function slugFromFileName(name: string): string {
  return name
    .replace(/\.md$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

export function slugFromHref(href: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') || href.startsWith('#')) return null
  const path = href.split(/[?#]/)[0]?.replace(/\\/g, '/') ?? ''
  const segments = path.split('/').filter((s) => s !== '' && s !== '.' && s !== '..')
  const last = segments.at(-1)
  if (last === undefined || /^index(\.md)?$/i.test(last)) return null
  const slug = slugFromFileName(decodeURIComponentSafe(last))
  return slug === '' ? null : slug
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
