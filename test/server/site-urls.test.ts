// Retiring the MkDocs site: after `npm run migrate -- --source <docs>` into a fresh space, every source file's
// MkDocs URL answers 200, or 301 to a URL that answers 200, from the pages of `npm run serve`. A redirect stub
// whose target was never part of the docs (the corpus keeps some pages back) must still name its target.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import test, { type ExecutionContext } from 'ava'
import type { RunningServer } from '../../src/server/server.ts'
import { corpusDocs, corpusTest } from '../helpers/corpus.ts'
import { corpusSpaceCopy } from '../helpers/corpus-space.ts'
import { runInProcess } from '../helpers/run-in-process.ts'
import { repoRoot, serve } from './delivery-fixture.ts'

/** Every Markdown file below a docs root, as forward-slash paths relative to it. */
function markdownFiles(root: string): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.md$/i.test(entry.name)) out.push(relative(root, full).split('\\').join('/'))
    }
  }
  walk(root)
  return out.sort()
}

/** MkDocs' URL for a file (use_directory_urls): `a/B.md` → `/a/B/`, `a/index.md` → `/a/`, `index.md` → `/`. */
function mkdocsUrl(relPath: string): string {
  const segments = relPath.replace(/\.md$/i, '').split('/')
  if (segments.at(-1) === 'index') segments.pop()
  return segments.length ? `/${segments.join('/')}/` : '/'
}

/** The file MkDocs would serve at a URL path, if the docs hold it. */
function fileAt(root: string, urlPath: string): string | undefined {
  const bare = decodeURI(urlPath).replace(/^\/|\/$/g, '')
  for (const candidate of [bare ? `${bare}.md` : 'index.md', bare ? `${bare}/index.md` : 'index.md'])
    if (existsSync(join(root, candidate))) return candidate
  return undefined
}

/** Where a redirect stub sends the reader, as its script or meta refresh writes it, resolved against its URL. */
function stubTarget(root: string, relPath: string): string | undefined {
  const text = readFileSync(join(root, relPath), 'utf8')
  const written =
    /location(?:\.href)?\s*=\s*["']([^"']+)["']/.exec(text)?.[1] ??
    /http-equiv=["']?refresh["']?[^>]*url=([^"'>\s]+)/i.exec(text)?.[1]
  if (!written) return undefined
  return new URL(written, `http://docs.invalid${mkdocsUrl(relPath)}`).pathname
}

/** `npm run migrate -- --source <docs> --space <fresh folder>` (in this process), then the pages served over it. */
async function migrateAndServe(t: ExecutionContext, docs: string): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kb-cms-site-urls-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const migrated = await runInProcess('migrate', ['--source', docs, '--space', dir], { env: { CI: 'true' } })
  if (migrated.code !== 0)
    throw new Error(
      `npm run migrate -- --source ${docs} failed:\n${migrated.stderr.slice(-3000) || migrated.stdout.slice(-3000)}`,
    )
  return served(t, dir)
}

async function served(t: ExecutionContext, dir: string): Promise<RunningServer> {
  const server = await serve(dir)
  t.teardown(() => server.close())
  return server
}

async function everyUrlAnswers(t: ExecutionContext, docs: string, server: RunningServer) {
  const base = `http://${server.hostPort}`
  const files = markdownFiles(docs)
  t.true(files.length > 0)
  const failures: string[] = []
  const missingTargets: string[] = []
  let moved = 0
  for (const file of files) {
    const url = encodeURI(mkdocsUrl(file))
    const first = await fetch(base + url, { redirect: 'manual' })
    const target = stubTarget(docs, file)
    // A redirect stub is a move to the page it names, never a page of its own.
    if (target !== undefined) {
      const location = first.headers.get('location') ?? ''
      if (first.status !== 301 || decodeURI(new URL(location, base).pathname) !== decodeURI(target))
        failures.push(`${file}: a redirect stub to ${target} answered ${first.status} ${location}`)
    }
    if (first.status === 200) {
      // A page of its own, not the list the site shows when no page has the URL `/`.
      if (!/<article class="(page|article)">/.test(await first.text()))
        failures.push(`${file}: ${url} answered 200 without the page`)
      continue
    }
    if (first.status !== 301) {
      failures.push(`${file}: ${url} answered ${first.status}`)
      continue
    }
    moved++
    const location = first.headers.get('location') ?? ''
    const second = await fetch(new URL(location, base), { redirect: 'manual' })
    if (second.status === 200 && /<article class="(page|article)">/.test(await second.text())) continue
    // Only a stub whose target the docs never had may point at nothing, and it must name that target.
    if (target && !fileAt(docs, target) && decodeURI(new URL(location, base).pathname) === decodeURI(target))
      missingTargets.push(file)
    else failures.push(`${file}: ${url} → 301 ${location} → ${second.status}`)
  }
  t.deepEqual(failures, [], `${failures.length} problems over ${files.length} URLs`)
  const stubsWithoutTarget = files.filter((f) => {
    const target = stubTarget(docs, f)
    return target !== undefined && fileAt(docs, target) === undefined
  })
  t.deepEqual(missingTargets, stubsWithoutTarget, 'a 301 to nowhere only for stubs whose target is absent')
  t.log(
    `${files.length} files: ${files.length - moved} answered 200, ${moved} moved (301), ${missingTargets.length} to a page kept back`,
  )
  return { files, moved, missingTargets }
}

test('every file of content/ is served at its MkDocs URL', async (t) => {
  const docs = join(repoRoot, 'content')
  const { files, moved } = await everyUrlAnswers(t, docs, await migrateAndServe(t, docs))
  t.true(files.length >= 8)
  const stubs = files.filter((f) => stubTarget(docs, f) !== undefined)
  t.true(stubs.length > 0, 'content/ has a redirect stub of its own')
  t.is(moved, stubs.length, 'only the stubs move: every other file is a page at its own URL')
})

corpusTest(test)('every corpus file is served at its MkDocs URL, or moves to one', async (t) => {
  t.timeout(15 * 60_000)
  // The space `npm run migrate -- --source <corpus docs>` built, shared with the other corpus tests.
  const { space, code, stderr } = await corpusSpaceCopy(t)
  t.is(code, 0, stderr)
  const { files, missingTargets } = await everyUrlAnswers(t, corpusDocs, await served(t, space))
  t.is(files.length, 336)
  t.is(missingTargets.length, 3, 'three redirect stubs point at pages kept back from the corpus')
})
