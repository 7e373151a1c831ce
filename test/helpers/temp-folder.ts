// Temporary folders that tests make and forget: removed when the test process ends, so a run leaves no
// kb-cms-* folders behind in the system's temp folder (ava runs each test file in its own process).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const made = new Set<string>()
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

/** A fresh folder under the temp folder, named `<prefix>XXXXXX`, removed when this process exits. */
export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.add(dir)
  return dir
}
