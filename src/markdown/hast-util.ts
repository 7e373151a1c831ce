// Small readers of hast elements: their text, classes, first descendant of a tag, and URL safety.
import type { Element, ElementContent } from 'hast'

/** Read a URL as browsers do (tabs and newlines anywhere dropped, controls and spaces trimmed), then check it. */
export function isUnsafeUrl(url: string): boolean {
  const normalised = url.replace(/[\t\n\r]/g, '').replace(/^[\s\p{Cc}]+/u, '')
  return /^(?:javascript|vbscript|data):/i.test(normalised)
}

export function widthFrom(style: string, attr: string | null): string | null {
  const m = /(?:^|[;\s])width\s*:\s*([0-9.]+\s*(?:%|px|em|rem|vw)?)/i.exec(style)
  if (m?.[1]) return m[1].replace(/\s+/g, '').replace(/px$/i, '')
  return attr?.trim() ? attr.trim() : null
}

/** Text of a subtree without recursion, so a pathological nesting depth cannot overflow the stack. */
export function textOf(el: Element): string {
  const out: string[] = []
  const stack: ElementContent[] = [el]
  while (stack.length) {
    const n = stack.pop() as ElementContent
    if (n.type === 'text') out.push(n.value)
    else if (n.type === 'element')
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as ElementContent)
  }
  return out.join('')
}

/** The first descendant with `tag` in document order (a reversed stack: no shift/unshift, no recursion). */
export function findFirst(el: Element, tag: string): Element | null {
  const stack: ElementContent[] = el.children.toReversed()
  let guard = 0
  while (stack.length && guard++ < 10_000) {
    const n = stack.pop() as ElementContent
    if (n.type !== 'element') continue
    if (n.tagName === tag) return n
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as ElementContent)
  }
  return null
}

export function classList(el: Element): string[] {
  const c = el.properties?.className
  if (Array.isArray(c)) return c.map(String)
  return typeof c === 'string' ? String(c).split(/\s+/) : []
}
