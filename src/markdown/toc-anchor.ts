// Heading anchors as the MkDocs site made them: Python-Markdown's `toc` extension with `separator: "_"`
// (markdown.extensions.toc.slugify, then unique()). Links into a page (`../Page/#2_logging_on`) rely on them.

/** The anchor of a heading's rendered text; `seen` holds the page's anchors so far (duplicates get `_1`, `_2`). */
export function tocAnchor(text: string, seen: Set<string> = new Set()): string {
  const base = text
    .normalize('NFKD')
    .replace(/[^\p{ASCII}]/gu, '') // encode('ascii', 'ignore')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, '_')
  let id = base
  while (seen.has(id) || id === '') {
    const m = /^(.*)_([0-9]+)$/.exec(id)
    id = m ? `${m[1]}_${Number(m[2]) + 1}` : `${id}_1`
  }
  seen.add(id)
  return id
}
