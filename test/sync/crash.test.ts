// A sync stopped dead at random points: the next run completes and the space then holds exactly what an
// uninterrupted sync makes, with no dangling links and everything published. A few trials are real processes
// killed with SIGKILL; the others stop in-process at the same kind of point (the space refuses every call
// after the Nth write, as if the process were gone), which costs no process start. The points come from a
// seeded generator: a failure names its seed, and KB_CMS_CRASH_SEED=<seed> replays it.
import { cpSync } from 'node:fs'
import { join, relative } from 'node:path'
import test from 'ava'
import noteType from '../../content-types/note.ts'
import { SqliteBackend } from '../../src/backends/sqlite/sqlite-backend.ts'
import { embeddedImage } from '../../src/markdown/rich-text.ts'
import type { EntryRecord } from '../../src/model/contentful-types.ts'
import { toContentType } from '../../src/model/define-content-type.ts'
import { runSync } from '../../src/sync/run-sync.ts'
import { runScriptSync } from '../helpers/run-command.ts'
import { article, doc, image } from './helpers/articles.ts'
import { jsonParse, sampleImages, writeJsonDocs } from './helpers/json-docs.ts'
import { modelSpace, tempDir } from './helpers/space.ts'
import { readSpace, snapshot, spaceProblems } from './helpers/space-check.ts'

const TRIALS = 20
/** Trials run as real processes killed with SIGKILL: one single and one double crash per parser. */
const REAL_KILLS = new Set([0, 2])
const SEED = Number(process.env.KB_CMS_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31))
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
  return runScriptSync(child, [space, source, parser, String(CHUNK)], {
    cwd: process.cwd(),
    env: { KB_CMS_SYNC_KILL_AFTER_WRITES: String(killAfter) },
  })
}

/** mulberry32: a small seeded generator, so a failing trial can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

/**
 * The sync of `syncInChild`, in this process: after the Nth write the space refuses every call, so nothing more
 * lands, as when the process dies there. Resolves to true when the run got that far (false: it finished first).
 */
async function stopInProcess(space: string, options: SyncOptions, killAfter: number): Promise<boolean> {
  const backend = SqliteBackend.open({ space })
  let dead = false
  const gone = new Proxy(backend, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) =>
        dead
          ? Promise.reject(new Error('stopped'))
          : (value as (...a: unknown[]) => unknown).apply(target, args)
    },
  })
  try {
    await runSync(gone, {
      ...options,
      afterWrite: (writes) => {
        if (writes >= killAfter) dead = true
      },
    })
  } catch (error) {
    if (!dead) throw error
  } finally {
    await backend.close()
  }
  return dead
}

type SyncOptions = Parameters<typeof runSync>[1]
type Parser = 'markdown' | 'json'
/** Small chunks, so a crash can also fall between chunks and before the deferred article publish. */
const CHUNK = 4

for (const parser of ['markdown', 'json'] as const) {
  const what =
    parser === 'markdown' ? "the project's content/ through the real parser" : 'hand-built articles'
  test(`stopped dead at ${TRIALS} seeded points, ${REAL_KILLS.size} by kill -9 (${what}): the next run completes the space exactly`, async (t) => {
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

    const random = seeded(SEED + (parser === 'json' ? 1 : 0))
    t.log(`seed ${SEED} (KB_CMS_CRASH_SEED=${SEED} replays these points)`)
    for (let trial = 0; trial < TRIALS; trial++) {
      const space = join(dir, `space-${trial}`)
      await (await modelSpace(space)).close()
      // One or two crashes in a row, each after a random number of writes.
      const crashes = trial % 3 === 2 ? 2 : 1
      for (let c = 0; c < crashes; c++) {
        const killAfter = 1 + Math.floor(random() * (total - 1))
        const at = `seed ${SEED} trial ${trial}: stop after ${killAfter} writes`
        // A second run may have fewer writes left than it was allowed: then it simply completes.
        if (REAL_KILLS.has(trial)) {
          const run = syncInChild(space, source, parser, killAfter)
          t.true(run.signal === 'SIGKILL' || (c > 0 && run.code === 0), `${at} (${run.stderr})`)
        } else t.true((await stopInProcess(space, options, killAfter)) || c > 0, at)
      }
      const backend = SqliteBackend.open({ space })
      const report = await runSync(backend, options)
      t.deepEqual(report.failed, [], `seed ${SEED} trial ${trial}`)
      const contents = await readSpace(backend)
      t.deepEqual(spaceProblems(contents), [], `seed ${SEED} trial ${trial}`)
      t.deepEqual(snapshot(contents), expected, `seed ${SEED} trial ${trial}`)
      t.is((await runSync(backend, options)).writes, 0, `seed ${SEED} trial ${trial}: then nothing to do`)
      await backend.close()
    }
  })
}

/** A space as a team has it: synced, then a migration's field filled on every note, then an editor's title. */
async function livedIn(space: string, options: SyncOptions): Promise<void> {
  const backend = await modelSpace(space)
  try {
    await runSync(backend, options)
    const note = toContentType(noteType)
    note.fields.push({ id: 'tone', name: 'Tone', type: 'Symbol', localized: false, required: false })
    await backend.applyMigration([{ type: 'saveContentType', contentType: note }], {
      name: '0001-tone',
      checksum: 'x',
      appliedAt: new Date().toISOString(),
    })
    const edit = async (id: string, change: (fields: EntryRecord['fields']) => void) => {
      const [entry] = (await backend.getEntries({ ids: [id] })).items
      if (!entry) throw new Error(`no entry ${id}`)
      const fields = structuredClone(entry.fields)
      change(fields)
      const put = { id, contentTypeId: entry.sys.contentType.sys.id, fields }
      const saved = await backend.putEntry(put, entry.sys.version)
      await backend.publish([{ linkType: 'Entry', id, version: saved.sys.version }])
    }
    for (const n of (await backend.getEntries({ contentTypeId: 'note' })).items)
      await edit(n.sys.id, (f) => {
        f.tone = { 'en-US': 'quiet' }
      })
    await edit('articles.article-0', (f) => {
      f.title = { 'en-US': 'Article zero, as an editor titled it' }
    })
  } finally {
    await backend.close()
  }
}

test('stopped dead while merging Markdown changes into a space with editor edits and migration fields: the next run completes it exactly', async (t) => {
  const { dir, cleanup } = tempDir()
  t.teardown(cleanup)
  const docs = join(dir, 'docs')
  writeJsonDocs(docs, articles())
  const options = { source: relative(process.cwd(), docs), chunkSize: CHUNK, parse: jsonParse }
  const reworded = () =>
    writeJsonDocs(
      docs,
      articles().map((a) => {
        const step = a.resolutions[0]?.steps[1]
        if (step) step.instruction = doc(`${a.slug}: step two, reworded`)
        return a
      }),
    )

  const trials = 6
  const spaces = Array.from({ length: trials + 1 }, (_, i) => join(dir, `space-${i}`))
  for (const space of spaces) await livedIn(space, options)
  reworded()
  const [referenceDir, ...trialDirs] = spaces as [string, ...string[]]
  const reference = SqliteBackend.open({ space: referenceDir })
  const clean = await runSync(reference, options)
  t.deepEqual([clean.failed, clean.conflicts], [[], []])
  const expected = await readSpace(reference)
  await reference.close()
  const article0 = expected.entries.find((e) => e.sys.id === 'articles.article-0')
  t.is(article0?.fields.title?.['en-US'], 'Article zero, as an editor titled it')
  t.true(expected.entries.filter((e) => e.sys.contentType.sys.id === 'note').every((n) => n.fields.tone))

  const random = seeded(SEED + 2)
  for (const [trial, space] of trialDirs.entries()) {
    const killAfter = 1 + Math.floor(random() * (clean.writes - 1))
    const at = `seed ${SEED} trial ${trial}: stop after ${killAfter} of ${clean.writes} writes`
    if (trial === 0) {
      const run = syncInChild(space, options.source, 'json', killAfter)
      t.is(run.signal, 'SIGKILL', `${at} (${run.stderr})`)
    } else t.true(await stopInProcess(space, options, killAfter), at)
    const backend = SqliteBackend.open({ space })
    const report = await runSync(backend, options)
    t.deepEqual([report.failed, report.conflicts], [[], []], at)
    const contents = await readSpace(backend)
    t.deepEqual(spaceProblems(contents), [], at)
    t.deepEqual(snapshot(contents), snapshot(expected), at)
    t.is((await runSync(backend, options)).writes, 0, `${at}: then nothing to do`)
    await backend.close()
  }
})
