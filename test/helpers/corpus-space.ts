// One migrated and synced space of the whole development corpus, built once and shared by every test that reads
// it, instead of a migrate + sync of all 336 files in each such test file (about 20 s of CPU apiece).
//
// AVA runs each test file in its own process, so the space is built into a cache folder keyed by a hash of
// everything that goes into it (the corpus, src/, content-types/, migrations/, the lock file of the
// dependencies, this file): the first worker to ask builds it under a lock, the others wait for it; a later
// `npm test` with the same inputs reuses it, and a change to any of them builds a fresh one. A test gets its own
// copy (`corpusSpaceCopy`), so nothing one test does to the space can reach another.
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, relative } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { ExecutionContext } from 'ava'
import { corpusDir, corpusDocs } from './corpus.ts'
import { repo } from './run-command.ts'
import { runInProcess } from './run-in-process.ts'

/** What `npm run migrate -- --space <space> --source <corpus docs> --json` printed when it built the space. */
export interface CorpusSpace {
  /** The space folder: read it, never write it (take a `corpusSpaceCopy` for that). */
  space: string
  code: number
  stdout: string
  stderr: string
}

const cacheRoot = join(repo, 'node_modules', '.cache', 'kb-cms-tests')

/** The migrate arguments the space is built with (the `--space` comes first). */
export const corpusMigrateArgs = (space: string) => ['--space', space, '--source', corpusDocs, '--json']

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
}

/** A hash of every input of the build: a change anywhere means a fresh build, never a stale space. */
function inputsHash(): string {
  const hash = createHash('sha256')
  const inputs = [
    ...filesBelow(corpusDocs),
    join(corpusDir, 'mkdocs.yml'),
    ...['src', 'content-types', 'migrations'].flatMap((d) => filesBelow(join(repo, d))),
    join(repo, 'package-lock.json'),
    import.meta.filename,
  ]
  for (const file of inputs) {
    hash.update(relative(repo, file))
    hash.update('\0')
    hash.update(readFileSync(file))
    hash.update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function build(dir: string): Promise<void> {
  const work = `${dir}.build-${process.pid}`
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  const run = await runInProcess('migrate', corpusMigrateArgs(join(work, 'space')))
  writeFileSync(join(work, 'run.json'), JSON.stringify(run))
  renameSync(work, dir)
  // Other hashes' spaces are stale: this worktree's inputs have moved on.
  const name = basename(dir)
  for (const old of readdirSync(cacheRoot))
    if (old.startsWith('corpus-') && !old.startsWith(name))
      rmSync(join(cacheRoot, old), { recursive: true, force: true })
}

const mtime = (path: string) => {
  try {
    return statSync(path).mtimeMs
  } catch {
    return Date.now()
  }
}

/** The process id written in a lock, 0 while it is being written or once it is gone. */
function lockHolder(lock: string): number {
  try {
    return Number(readFileSync(join(lock, 'pid'), 'utf8')) || 0
  } catch {
    return 0
  }
}

let built: Promise<CorpusSpace> | undefined

/** The shared corpus space, built by whichever test process asks first; the others wait for it. */
export function corpusSpace(): Promise<CorpusSpace> {
  built ??= (async () => {
    mkdirSync(cacheRoot, { recursive: true })
    const dir = join(cacheRoot, `corpus-${inputsHash()}`)
    const lock = `${dir}.lock`
    while (!existsSync(join(dir, 'run.json'))) {
      try {
        mkdirSync(lock)
      } catch {
        // Another process builds it. A holder that died (killed run) leaves its lock behind: take it over.
        const holder = lockHolder(lock)
        const orphaned = holder ? !alive(holder) : Date.now() - mtime(lock) > 30_000
        if (orphaned) rmSync(lock, { recursive: true, force: true })
        await sleep(200)
        continue
      }
      try {
        writeFileSync(join(lock, 'pid'), String(process.pid))
        if (!existsSync(join(dir, 'run.json'))) await build(dir)
      } finally {
        rmSync(lock, { recursive: true, force: true })
      }
    }
    const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as Omit<CorpusSpace, 'space'>
    return { ...run, space: join(dir, 'space') }
  })()
  return built
}

/** A private copy of the shared corpus space for one test, removed when the test ends. */
export async function corpusSpaceCopy(
  t: ExecutionContext,
): Promise<CorpusSpace & { /** the copy's parent folder, for the test's other files */ dir: string }> {
  const shared = await corpusSpace()
  const dir = mkdtempSync(join(tmpdir(), 'kb-cms-corpus-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  cpSync(shared.space, join(dir, 'space'), { recursive: true })
  return { ...shared, space: join(dir, 'space'), dir }
}
