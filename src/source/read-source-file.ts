// Reads one input file as UTF-8 text into a VFile. A file that cannot be read as text (missing permission, a
// directory, binary bytes, invalid UTF-8) comes back with a single fatal message instead, so the caller can
// report it and carry on with the other files.
import { readFileSync, statSync } from 'node:fs'
import { VFile } from 'vfile'
import { type DiagnosticId, report } from '../diagnostics/registry.ts'

export interface SourceFile {
  file: VFile
  /** False when the file has no usable text; `file` then holds exactly one fatal message. */
  readable: boolean
}

const decoder = new TextDecoder('utf-8', { fatal: true })

/** Larger than any page a writer keeps in one file; reading it whole could exhaust memory. */
export const MAX_SOURCE_BYTES = 32 * 1024 * 1024

export function readSourceFile(path: string): SourceFile {
  const file = new VFile({ path })
  let bytes: Buffer
  try {
    // A FIFO would block the run and /dev/zero would never end: only regular files are read.
    const stat = statSync(path)
    if (!stat.isFile()) return unreadable(file, 'Not a regular file (a folder, pipe or device)', 'not-a-file')
    if (stat.size > MAX_SOURCE_BYTES)
      return unreadable(
        file,
        `File is ${Math.round(stat.size / 1024 / 1024)} MB, over the ${MAX_SOURCE_BYTES / 1024 / 1024} MB a page may have`,
        'file-too-large',
      )
    bytes = readFileSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO'
    return unreadable(file, `Cannot read file (${code})`, 'unreadable-file')
  }
  // UTF-16 is full of NUL bytes but is text: say what to do about it rather than calling it binary.
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    return unreadable(file, 'UTF-16 text; save the file as UTF-8', 'invalid-utf8')
  // A NUL byte never occurs in text a writer typed; it is the cheapest reliable sign of a binary file.
  const nul = bytes.indexOf(0)
  if (nul !== -1)
    return unreadable(file, 'Binary file (NUL byte), not Markdown text', 'binary-file', at(bytes, nul))
  try {
    // The decoder drops a leading byte order mark, so positions match what an editor shows.
    file.value = decoder.decode(bytes)
  } catch {
    const bad = firstInvalidUtf8(bytes)
    return unreadable(file, 'Not valid UTF-8 text; save the file as UTF-8', 'invalid-utf8', at(bytes, bad))
  }
  return { file, readable: true }
}

function unreadable(
  file: VFile,
  reason: string,
  ruleId: DiagnosticId,
  place = { line: 1, column: 1 },
): SourceFile {
  report(file, ruleId, reason, place)
  return { file, readable: false }
}

/** Line and column (1-based; columns count characters of the valid text before) of a byte offset. */
function at(bytes: Buffer, offset: number): { line: number; column: number } {
  const before = bytes.subarray(0, offset)
  const lineStart = before.lastIndexOf(0x0a) + 1
  let line = 1
  for (let i = before.indexOf(0x0a); i !== -1; i = before.indexOf(0x0a, i + 1)) line++
  const column = new TextDecoder().decode(before.subarray(lineStart)).length + 1
  return { line, column }
}

/** Byte offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): number {
  // Binary search on the longest valid prefix: decoding is native and fast, a byte loop in JS is not.
  let low = 0
  let high = bytes.length
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (validPrefix(bytes.subarray(0, mid))) low = mid
    else high = mid - 1
  }
  // When the valid prefix ends inside a multi-byte sequence, the broken character starts at its lead byte.
  let start = low
  if (!validPrefix(bytes.subarray(0, low), false)) {
    while (start > 0 && ((bytes[start - 1] ?? 0) & 0xc0) === 0x80) start--
    start = Math.max(0, start - 1)
  }
  return start
}

// `stream: true` accepts a sequence cut off at the end, which a longer prefix may still complete.
function validPrefix(bytes: Buffer, stream = true): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream })
    return true
  } catch {
    return false
  }
}
