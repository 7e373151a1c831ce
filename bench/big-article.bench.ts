// One 10 MB article (sections of steps, images and prose, as the knowledge base writes them), parsed once by
// kb-cms and once by bare remark (parse + front matter + gfm) in the same run: the CPU ratio, the peak memory,
// and that the article is valid. The suite checks the same text at 100 K and 400 K characters for linear growth
// (test/markdown/robustness.test.ts); the size a page may reach belongs here, where time is measured, not asserted.
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { parseArticleSource } from '../src/markdown/parse-article.ts'
import { articleProblems } from '../test/fixtures/pathological/check-article.ts'
import { generators } from '../test/fixtures/pathological/generate.ts'

const size = Number(process.env.BENCH_BIG_CHARS ?? 10_000_000)
const text = (generators['big-file'] as (n: number) => string)(size)
const cpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
const timed = <T>(run: () => T): [T, number] => {
  const start = cpuMs()
  const value = run()
  return [value, cpuMs() - start]
}

const bare = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm)
const path = 'docs/ri/fast/articles/Big-Article.md'
const [, bareMs] = timed(() => bare.parse(text))
const [{ article }, oursMs] = timed(() => parseArticleSource(path, text, { docsRoot: 'docs' }))
const problems = articleProblems(article)
const { maxRSS } = process.resourceUsage()

console.log(`${(text.length / 1e6).toFixed(1)} M characters, one article`)
console.log('')
console.log('| pipeline | CPU ms | ratio (CPU) |')
console.log('| --- | ---: | ---: |')
console.log(`| bare remark-parse + frontmatter + gfm | ${bareMs.toFixed(0)} | 1.00× |`)
console.log(`| kb-cms parseArticle | ${oursMs.toFixed(0)} | ${(oursMs / bareMs).toFixed(2)}× |`)
console.log('')
console.log(`peak memory: maxRSS ${(maxRSS / 1024).toFixed(0)} MiB`)
console.log(
  `article: ${article.diagnostics.length} diagnostics, ${problems.length === 0 ? 'valid' : `INVALID: ${problems.join('; ')}`}`,
)
if (problems.length > 0) process.exitCode = 1
