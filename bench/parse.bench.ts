// Parse throughput over the development corpus, against bare remark (parse + front matter) on the same files
// in the same run, and the peak memory of the whole run. Prints a small table; judges nothing but the target.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { loadVariables } from '../src/markdown/load-variables.ts'
import { type ParseOptions, parseArticleSource } from '../src/markdown/parse-article.ts'

const root = join(import.meta.dirname, '..')
const corpus = join(root, '..', 'shared', 'corpus')
// BENCH_DOCS when set; else the corpus when present (the real thing), else our own sample knowledge base.
const candidates = process.env.BENCH_DOCS
  ? [process.env.BENCH_DOCS]
  : [join(corpus, 'docs'), join(root, 'content')]
const docsRoot = candidates.find((dir) => existsSync(dir))
if (docsRoot === undefined) {
  console.log(`parse bench skipped: none of ${candidates.join(', ')} found`)
  process.exit(0)
}

const files = readdirSync(docsRoot, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => ({ path: join(docsRoot, name), text: readFileSync(join(docsRoot, name), 'utf8') }))
const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0)
const mkdocs = [join(docsRoot, '..', 'mkdocs.yml'), join(docsRoot, 'mkdocs.yml')].find((p) => existsSync(p))
const options: ParseOptions = { docsRoot, ...(mkdocs ? { variables: loadVariables(mkdocs) } : {}) }

const bare = unified().use(remarkParse).use(remarkFrontmatter)
let peakHeap = 0
const pipelines = {
  'bare remark-parse + frontmatter': () => {
    for (const file of files) bare.parse(file.text)
  },
  'kb-cms parseArticle': () => {
    for (const file of files) parseArticleSource(file.path, file.text, options)
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
  },
}
type Name = keyof typeof pipelines

// Warm both up, then alternate passes so that load from other processes falls on both alike. Each side gets
// passes until it has run for at least `minMs`, and the median pass is kept (robust to outliers). CPU time
// is the measure the ratio uses: on a shared machine it moves far less than the wall clock.
const minMs = Number(process.env.BENCH_MS ?? 3000)
const names = Object.keys(pipelines) as Name[]
for (const run of Object.values(pipelines)) for (let i = 0; i < 3; i++) run()
const cpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
const samples = Object.fromEntries(names.map((name) => [name, { wall: [] as number[], cpu: [] as number[] }]))
const total = (name: Name) => samples[name]?.wall.reduce((a, b) => a + b, 0) ?? 0
while (names.some((name) => total(name) < minMs || (samples[name]?.wall.length ?? 0) < 5)) {
  for (const name of names) {
    const wall = performance.now()
    const cpu = cpuMs()
    pipelines[name]()
    samples[name]?.cpu.push(cpuMs() - cpu)
    samples[name]?.wall.push(performance.now() - wall)
  }
}

const median = (values: number[] = []) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}
const cpuOf = (name: Name) => median(samples[name]?.cpu)
const baseline = cpuOf('bare remark-parse + frontmatter')
const mb = bytes / 1024 / 1024
console.log(`${files.length} files, ${(bytes / 1024).toFixed(0)} KiB, from ${docsRoot}`)
console.log('')
console.log('| pipeline | passes | wall ms per pass | CPU ms per pass | MiB/s (CPU) | ratio (CPU) |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
for (const name of names) {
  const cpu = cpuOf(name)
  const wall = median(samples[name]?.wall)
  const row = [
    name,
    samples[name]?.wall.length,
    wall.toFixed(1),
    cpu.toFixed(1),
    (mb / (cpu / 1000)).toFixed(2),
  ]
  console.log(`| ${row.join(' | ')} | ${(cpu / baseline).toFixed(2)}× |`)
}
const ratio = cpuOf('kb-cms parseArticle') / baseline
const { maxRSS } = process.resourceUsage()
console.log('')
console.log(`ratio to bare remark: ${ratio.toFixed(2)}× (target ≤ 2.0×: ${ratio <= 2.0 ? 'met' : 'missed'})`)
console.log(
  `peak memory: maxRSS ${(maxRSS / 1024).toFixed(0)} MiB, largest heap after a pass ${(peakHeap / 1024 / 1024).toFixed(0)} MiB`,
)
