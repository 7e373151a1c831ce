import { execSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { parseArticleSource } from './src/markdown/parse-article.ts'
import { articleWords, visibleWords } from './test/markdown/visible-words.ts'

const files = execSync('find /work/shared/corpus/docs -name "*.md" | sort').toString().trim().split('\n')
let bad = 0
for (const f of files) {
  const text = readFileSync(f, 'utf8')
  const a = parseArticleSource(f, text).article
  const have = articleWords(a)
  const missing = [...visibleWords(text)].filter((w) => !have.has(w))
  if (missing.length) {
    bad++
    console.log(
      f.replace('/work/shared/corpus/docs/', ''),
      a.kind,
      missing.length,
      missing.slice(0, 12).join(' '),
    )
  }
}
console.log('files with missing words', bad, 'of', files.length)
