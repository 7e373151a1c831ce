// Sentence spans of a paragraph's inline run, so a shared sentence or a label can be cut off with its marks.

import { append } from './append.ts'
import type { Line } from './hast-items.ts'
import { type InlineNode, normaliseInlines, plainText, splitInlines, text } from './rich-text.ts'

export interface Run {
  inlines: InlineNode[]
  text: string
}

/** Lines of a paragraph joined with a newline (a hard break stays visible as a line end). */
export function runOf(lines: Line[]): Run {
  const inlines: InlineNode[] = []
  lines.forEach((line, i) => {
    if (i > 0) inlines.push(text('\n'))
    append(inlines, line.inlines)
  })
  const merged = normaliseInlines(inlines)
  return { inlines: merged, text: plainText(merged) }
}

export function sliceRun(run: Run, start: number, end: number): Run {
  const [, tail] = splitInlines(run.inlines, start)
  const [mid] = splitInlines(tail, end - start)
  return { inlines: mid, text: plainText(mid) }
}

/** Sentence boundaries: after . ! ? (and closing quotes) before an upper-case start, and at line ends. */
export function sentenceSpans(value: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = []
  // Punctuation is consumed, not looked behind for, and runs are bounded, so the scan stays linear.
  const re = /([.!?]["”’')*_]{0,8})[ \t\u00a0]+(?=["“'*_(]{0,8}[A-Z{])|\n/g
  let start = 0
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const end = m.index + (m[1]?.length ?? 0)
    if (end > start) spans.push({ start, end })
    start = m.index + m[0].length
  }
  if (start < value.length) spans.push({ start, end: value.length })
  return spans.filter((s) => value.slice(s.start, s.end).trim() !== '')
}
