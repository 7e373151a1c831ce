// ava runs the files at the top of test/, each a group of test modules in one worker (a worker pays about a
// second of CPU for tsx and its imports; the server's twenty modules took 93 s of CPU as twenty workers, 31 s as
// one). A module left out of every group would never run: every test module is in exactly one.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import test from 'ava'

const root = import.meta.dirname

test('every test module under test/ is imported by exactly one group at the top of test/', (t) => {
  const modules = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.includes('/') && f.endsWith('.test.ts'))
    .sort()
  const imported = readdirSync(root)
    .filter((f) => f.endsWith('.test.ts'))
    .flatMap((group) =>
      [...readFileSync(join(root, group), 'utf8').matchAll(/^import '\.\/(.+\.test\.ts)'$/gm)].map(
        (m) => m[1],
      ),
    )
    .sort()
  t.true(modules.length > 50)
  t.deepEqual(imported, modules)
})
