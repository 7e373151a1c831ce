// Page chrome that is not content: platform badges (a container holding an external logo).
import type { Element } from 'hast'
import { findFirst, textOf } from './hast-util.ts'

/** A platform badge: a container holding only an external logo (content images live under the docs root). */
export function isBadge(el: Element): boolean {
  const img = findFirst(el, 'img')
  if (!img || !/^(https?:)?\/\//i.test(String(img.properties?.src ?? ''))) return false
  return textOf(el).trim() === ''
}

/**
 * The platform a badge names, as written: its `alt` text when it has one ("macOS"), else from the file name
 * ("…/Exchange1.svg" → "Exchange", "Office365.svg" → "Office 365", "logo-Gmail.jpg" → "Gmail",
 * "macOS.svg" → "macOS"; only an all-lower-case name gets a capital).
 */
export function badgeName(src: string, alt = ''): string {
  const written = alt.replace(/\s+/g, ' ').trim()
  if (written !== '' && !/\b(logo|icon|badge|image)\b/i.test(written)) return written
  const file =
    src
      .replace(/[?#].*$/, '')
      .split(/[\\/]/)
      .pop() ?? ''
  const stem = file
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/^logo[-_]?/i, '')
    .replace(/[-_]?(icon|logo)$/i, '')
  const words = stem.replace(/\d+$/, (d) =>
    /[a-z]$/i.test(stem.slice(0, -d.length)) && d.length >= 3 ? ` ${d}` : '',
  )
  const name = words.replace(/[-_\s]+/g, ' ').trim()
  return /[A-Z]/.test(name) ? name : name.charAt(0).toUpperCase() + name.slice(1)
}
