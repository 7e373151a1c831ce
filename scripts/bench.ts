// `npm run bench [-- name…]`: runs every bench/*.bench.ts (or the named ones) in its own process, one after
// another, so that each one's timings and peak memory are its own. Each prints its ratios against a baseline
// it measures in the same run.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const dir = join(import.meta.dirname, '..', 'bench')
const wanted = process.argv.slice(2)
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort()

let failed = 0
for (const file of benches) {
  console.log(`\n## ${file.replace('.bench.ts', '')}\n`)
  const run = spawnSync(process.execPath, ['--import=tsx', '--expose-gc', join(dir, file)], {
    stdio: 'inherit',
  })
  if (run.status !== 0) failed++
}
process.exit(failed === 0 ? 0 : 1)
