// kill -9 at random points of a sync, in real processes: the next run completes and the space then holds
// exactly what an uninterrupted sync makes, with no dangling links and everything published.
import { spawnSync } from 'node:child_process'
import { cpSync } from 'node:fs'
import { join, relative } from 'node:path'
import test from 'ava'
import { SqliteBackend } from '../../src/backends/sqlite/sqlite-backend.ts'
import { embeddedImage } from '../../src/markdown/rich-text.ts'
import { runSync } from '../../src/sync/run-sync.ts'
import { article, doc, image } from './helpers/articles.ts'
import { jsonParse, sampleImages, writeJsonDocs } from './helpers/json-docs.ts'
import { modelSpace, tempDir } from './helpers/space.ts'
import { readSpace, snapshot, spaceProblems } from './helpers/space-check.ts'

const TRIALS = 20
const contentDir = join(import.meta.dirname, '..', '..', 'content')
const child = join(import.meta.dirname, 'helpers', 'sync-child.ts')

function articles() {
  const pngs = sampleImages()
  return Array.from({ length: 12 }, (_, i) => {
    const shot = image(`assets/${pngs[i % pngs.length]}`)
    return article(`article-${i}`, {
      images: [shot],
      resolutions: [
        {
          title: null,
          cause: null,
          intro: doc(`Intro ${i}`),
          steps: [
            { instruction: doc(`Step one of ${i}`, embeddedImage(0)), images: [shot] },
            { instruction: doc(`Step two of ${i}`), images: [] },
          ],
        },
      ],
      related: [{ title: 'next', href: `../article-${(i + 1) % 12}/` }],
      cta: {
        variant: 'banner-1',
        text: i % 2 ? 'Odd banner' : 'Even banner',
        href: 'https://example.com/?utm_source=kb',
        image: null,
      },
    })
  })
}

function syncInChild(space: string, source: string, parser: Parser, killAfter: number) {
  return spawnSync(process.execPath, ['--import=tsx', child, space, source, parser, String(CHUNK)], {
    env: { ...process.env, KB_CMS_SYNC_KILL_AFTER_WRITES: String(killAfter) },
    encoding: 'utf8',
  })
}

type Parser = 'markdown' | 'json'
/** Small chunks, so a crash can also fall between chunks and before the deferred article publish. */
const CHUNK = 4

for (const parser of ['markdown', 'json'] as const) {
  const what =
    parser === 'markdown' ? "the project's content/ through the real parser" : 'hand-built articles'
  test(`kill -9 at ${TRIALS} random points (${what}): the next run completes the space exactly`, async (t) => {
    // About 30 sync processes in a row: more than the suite's default on a busy machine.
    t.timeout(10 * 60_000)
    const { dir, cleanup } = tempDir()
    t.teardown(cleanup)
    const docs = join(dir, 'docs')
    if (parser === 'json') writeJsonDocs(docs, articles())
    else cpSync(contentDir, docs, { recursive: true })
    const source = relative(process.cwd(), docs)
    const options = { source, chunkSize: CHUNK, ...(parser === 'json' ? { parse: jsonParse } : {}) }

    const reference = await modelSpace(join(dir, 'reference'))
    const clean = await runSync(reference, options)
    t.deepEqual(clean.failed, [])
    const expected = snapshot(await readSpace(reference))
    await reference.close()
    const total = clean.writes
    t.true(total > 50)

    for (let trial = 0; trial < TRIALS; trial++) {
      const space = join(dir, `space-${trial}`)
      await (await modelSpace(space)).close()
      // One or two crashes in a row, each after a random number of writes.
      const crashes = trial % 3 === 2 ? 2 : 1
      for (let c = 0; c < crashes; c++) {
        const killAfter = 1 + Math.floor(Math.random() * (total - 1))
        const run = syncInChild(space, source, parser, killAfter)
        // A second run may have fewer writes left than it was allowed: then it simply completes.
        const finished = c > 0 && run.status === 0
        t.true(
          run.signal === 'SIGKILL' || finished,
          `trial ${trial}: kill after ${killAfter} writes (${run.stderr})`,
        )
      }
      const backend = SqliteBackend.open({ space })
      const report = await runSync(backend, options)
      t.deepEqual(report.failed, [], `trial ${trial}`)
      const contents = await readSpace(backend)
      t.deepEqual(spaceProblems(contents), [], `trial ${trial}`)
      t.deepEqual(snapshot(contents), expected, `trial ${trial}`)
      t.is((await runSync(backend, options)).writes, 0, `trial ${trial}: then nothing to do`)
      await backend.close()
    }
  })
}
