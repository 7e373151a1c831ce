// Files the sync cannot use are named with their rule and never stop the good article beside them.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import test from 'ava'
import { runSync } from '../../src/sync/run-sync.ts'
import { modelSpace, tempDir } from './helpers/space.ts'

const good = [
  '# Widget fails to start with an error',
  '',
  'The widget fails to start and shows the error "Cannot load".',
  '',
  'This happens because its cache is damaged.',
  '',
  '**1.** Close the widget.',
  '',
  '**2.** Delete the cache folder and start it again.',
  '',
].join('\n')

test('a FIFO, invalid UTF-8 and NUL bytes are fatal diagnostics; the good article is published', async (t) => {
  const { dir, cleanup } = tempDir()
  t.teardown(cleanup)
  const docs = join(dir, 'docs')
  mkdirSync(docs)
  writeFileSync(join(docs, 'Widget-Fails.md'), good)
  writeFileSync(join(docs, 'Latin1.md'), Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]))
  writeFileSync(join(docs, 'Binary.md'), Buffer.from('# Title\n\0\0\0binary'))
  execFileSync('mkfifo', [join(docs, 'Pipe.md')])
  const backend = await modelSpace(join(dir, 'space'))
  t.teardown(() => backend.close())

  const report = await runSync(backend, { source: docs })
  const fatal = report.diagnostics.filter((d) => d.severity === 'fatal')
  const rule = (name: string) => fatal.find((d) => d.file.endsWith(name))?.ruleId
  t.is(rule('Latin1.md'), 'invalid-utf8')
  t.is(rule('Binary.md'), 'binary-file')
  t.is(rule('Pipe.md'), 'not-a-file')
  t.is(report.articles.created, 1)
  const published = await backend.getEntries({ contentTypeId: 'troubleshootingArticle' })
  t.is(published.items.filter((e) => e.sys.publishedVersion !== undefined).length, 1)
})

test('a file over the parse bounds is one fatal diagnostic; the run ends by itself and the good article lands', async (t) => {
  const { dir, cleanup } = tempDir()
  t.teardown(cleanup)
  const docs = join(dir, 'docs')
  mkdirSync(docs)
  writeFileSync(join(docs, 'Widget-Fails.md'), good)
  const row = `| ${'cell | '.repeat(40)}\n`
  const header = `| ${'h | '.repeat(40)}\n|${' --- |'.repeat(40)}\n`
  writeFileSync(
    join(docs, 'Huge-Table.md'),
    `# Table\n\n${header}${row.repeat(Math.ceil(2_000_000 / row.length))}`,
  )
  writeFileSync(join(docs, 'Many-Links.md'), `# Links\n\n${'[a](b) '.repeat(200_000)}\n`)
  const backend = await modelSpace(join(dir, 'space'))
  t.teardown(() => backend.close())

  // Small bounds so the test is quick: the table needs far more than 96 MB, as it needs more than any heap.
  const report = await runSync(backend, {
    source: docs,
    parseBounds: { workerFrom: 4096, heapMb: 96, timeoutMs: 60_000 },
  })
  const table = report.diagnostics.find((d) => d.file.endsWith('Huge-Table.md') && d.severity === 'fatal')
  t.is(table?.ruleId, 'parse-over-bound', JSON.stringify(table))
  t.regex(table?.message ?? '', /memory|longer/)
  t.is(report.articles.created, 1)
})
