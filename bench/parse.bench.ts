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
// The corpus when present (the real thing), else our own sample knowledge base.
const docsRoot = [join(corpus, 'docs'), join(root, 'content')].find((dir) => existsSync(dir))
if (docsRoot === undefined) {
  console.log('parse bench skipped: neither ../shared/corpus/docs nor content/ found')
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
// passes until it has run for at least `minMs`, and the median pass time is kept (robust to outliers).
const minMs = Number(process.env.BENCH_MS ?? 3000)
for (const run of Object.values(pipelines)) for (let i = 0; i < 3; i++) run()
const samples: Record<Name, number[]> = { 'bare remark-parse + frontmatter': [], 'kb-cms parseArticle': [] }
const total = (name: Name) => samples[name].reduce((a, b) => a + b, 0)
while ((Object.keys(samples) as Name[]).some((name) => total(name) < minMs || samples[name].length < 5)) {
  for (const name of Object.keys(pipelines) as Name[]) {
    const start = performance.now()
    pipelines[name]()
    samples[name].push(performance.now() - start)
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}
const baseline = median(samples['bare remark-parse + frontmatter'])
const mb = bytes / 1024 / 1024
console.log(`${files.length} files, ${(bytes / 1024).toFixed(0)} KiB, from ${docsRoot}`)
console.log('')
console.log('| pipeline | passes | ms per pass (median) | MiB/s | ratio |')
console.log('| --- | ---: | ---: | ---: | ---: |')
for (const name of Object.keys(pipelines) as Name[]) {
  const ms = median(samples[name])
  const row = [
    name,
    samples[name].length,
    ms.toFixed(1),
    (mb / (ms / 1000)).toFixed(2),
    `${(ms / baseline).toFixed(2)}×`,
  ]
  console.log(`| ${row.join(' | ')} |`)
}
const ratio = median(samples['kb-cms parseArticle']) / baseline
const { maxRSS } = process.resourceUsage()
console.log('')
console.log(`ratio to bare remark: ${ratio.toFixed(2)}× (target ≤ 2.5×: ${ratio <= 2.5 ? 'met' : 'missed'})`)
console.log(
  `peak memory: maxRSS ${(maxRSS / 1024).toFixed(0)} MiB, largest heap after a pass ${(peakHeap / 1024 / 1024).toFixed(0)} MiB`,
)
