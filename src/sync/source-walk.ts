// The Markdown files of a docs root, yielded one at a time in a stable (sorted) order, so a run never holds
// more than one directory listing and one file in memory.
import { opendir } from 'node:fs/promises'
import { join } from 'node:path'

export async function* markdownFiles(root: string): AsyncGenerator<string> {
  const names: { name: string; dir: boolean }[] = []
  const dir = await opendir(root)
  for await (const entry of dir) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    if (entry.isDirectory()) names.push({ name: entry.name, dir: true })
    // Not only regular files: a pipe or device named like a page is reported by the reader, never skipped quietly.
    else if (/\.md$/i.test(entry.name)) names.push({ name: entry.name, dir: false })
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const { name, dir: isDir } of names) {
    const path = join(root, name)
    if (isDir) yield* markdownFiles(path)
    else yield path
  }
}
