// Step markers: a bold number at the start of a line (`**1\.**`, `**1.**`, `<b>1.1.</b>`), possibly after
// &nbsp; indentation. Returns the number and the line without its marker.
import type { Line } from './hast-items.ts'
import { plainText, trimInlines } from './rich-text.ts'

export interface Marker {
  /** "3" or "3.1" */
  number: string
  rest: Line
}

const NUMBER = /^[\s\u00a0]*(\d{1,3}(?:\.\d{1,3})*)\.?[\s\u00a0]*$/

export function stepMarker(line: Line): Marker | null {
  let i = 0
  const nodes = line.inlines
  while (
    i < nodes.length &&
    plainText(nodes[i])
      .replace(/\u00a0/g, ' ')
      .trim() === ''
  )
    i++
  const first = nodes[i]
  if (first?.nodeType !== 'text' || !first.marks.some((m) => m.type === 'bold')) return null
  const m = NUMBER.exec(first.value)
  if (!m?.[1]) return null
  const rest = trimInlines(nodes.slice(i + 1))
  if (plainText(rest).trim() === '') return null // a bare bold number is not an instruction
  return { number: m[1], rest: { inlines: rest, text: plainText(rest), icons: line.icons } }
}

export function major(number: string): number {
  return Number(number.split('.')[0])
}
