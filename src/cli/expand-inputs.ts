// Turns command-line paths into the list of files to read: files in the order given, and each directory as
// every matching file below it, recursively, sorted by path.
import { readdirSync, statSync } from 'node:fs'
import { join, relative as relativePath, sep } from 'node:path'
import { UsageError } from './exit-codes.ts'

export interface ExpandOptions {
  /** File name endings a directory contributes, e.g. ['.md']; files named explicitly are always kept. */
  extensions: string[]
}

export function expandInputs(inputs: string[], { extensions }: ExpandOptions): string[] {
  const files: string[] = []
  for (const input of inputs) {
    const stat = statSync(input, { throwIfNoEntry: false })
    if (stat === undefined) throw new UsageError(`no such file or directory: ${input}`)
    if (!stat.isDirectory()) {
      files.push(input)
      continue
    }
    const found = listFiles(input, extensions)
    if (found.length === 0) throw new UsageError(`no ${extensions.join(' or ')} files under ${input}`)
    files.push(...found)
  }
  return files
}

function listFiles(dir: string, extensions: string[]): string[] {
  // Paths keep the directory exactly as the user typed it (the contract's `source` is "path as given").
  const prefix = dir.endsWith('/') ? dir : `${dir}/`
  const relative: string[] = []
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!extensions.some((ext) => entry.name.toLowerCase().endsWith(ext))) continue
    const rel = relativePath(dir, join(entry.parentPath, entry.name)).split(sep).join('/')
    // Symlinked directories are not followed, so a link loop cannot trap the walk. Anything else named like a
    // page is listed, a pipe, a device or a broken link too: the reader reports it, never quietly skipped.
    if (entry.isDirectory()) continue
    if (entry.isSymbolicLink() && statSync(join(dir, rel), { throwIfNoEntry: false })?.isDirectory()) continue
    relative.push(rel)
  }
  // Code-unit order, not locale order, so the output is the same on every machine.
  return relative.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((rel) => prefix + rel)
}
