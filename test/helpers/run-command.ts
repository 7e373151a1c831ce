// One way for tests to run a command: as a real process (`node --import=tsx scripts/x.ts`, what `npm run x`
// runs), or in this process through the same entry function, which costs no process start (~0.45 s each).
import { type ChildProcess, type SpawnOptions, spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'

export const repo = join(import.meta.dirname, '..', '..')
// Resolved here, so a command can run from any working directory (tests use temporary ones).
const loader = import.meta.resolve('tsx')

export interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd?: string
  env?: Record<string, string | undefined>
  /** Run as this user (and group): tests under root read files as `nobody`. */
  uid?: number
  /** SIGKILL the process after this long (a hang fails its test instead of stalling the suite). */
  timeoutMs?: number
}

/** `node --import=tsx <script> …args`; a bare name means scripts/<name>.ts. */
export function nodeArgs(script: string, args: readonly string[]): string[] {
  const path = script.includes('/') ? script : join(repo, 'scripts', `${script}.ts`)
  return [`--import=${loader}`, path, ...args]
}

/** The Contentful variables, cleared: a test names them when it wants a Contentful space, so a developer's own
 * .env or shell (or the variables an in-process command has set for its run) never point a test at one. */
export const NO_CONTENTFUL = { CONTENTFUL_SPACE_ID: '', CONTENTFUL_MANAGEMENT_TOKEN: '' }

function spawnOptions(options: RunOptions): SpawnOptions {
  return {
    cwd: options.cwd ?? repo,
    env: { ...process.env, ...NO_CONTENTFUL, ...options.env },
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
    ...(options.timeoutMs === undefined
      ? {}
      : { timeout: options.timeoutMs, killSignal: 'SIGKILL' as const }),
  }
}

export function startScript(script: string, args: readonly string[], options: RunOptions = {}): ChildProcess {
  return spawn(process.execPath, nodeArgs(script, args), {
    ...spawnOptions(options),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** What a started process printed, once it has ended. */
export function finished(child: ChildProcess): Promise<Run> {
  let stdout = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    stdout += d
  })
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}

export function runScript(script: string, args: readonly string[], options: RunOptions = {}): Promise<Run> {
  return finished(startScript(script, args, options))
}

export function runScriptSync(script: string, args: readonly string[], options: RunOptions = {}): Run {
  const run = spawnSync(process.execPath, nodeArgs(script, args), {
    ...spawnOptions(options),
    encoding: 'utf8',
  })
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr }
}

/** A stream stand-in that keeps what is written; not a terminal. */
export interface Captured {
  write(s: string | Uint8Array): boolean
  isTTY: false
  text: string
}

export function captured(): Captured {
  return {
    isTTY: false,
    text: '',
    write(s) {
      this.text += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')
      return true
    },
  }
}

let queue: Promise<unknown> = Promise.resolve()

/**
 * Runs a command's entry function in this process with `cwd` as the working directory. Calls are queued one
 * at a time, because the working directory belongs to the whole process.
 */
export function inProcess(
  run: (io: { stdout: Captured; stderr: Captured }) => Promise<number> | number,
  options: { cwd?: string } = {},
): Promise<Run> {
  const next = queue.then(async () => {
    const stdout = captured()
    const stderr = captured()
    const before = process.cwd()
    process.chdir(options.cwd ?? repo)
    try {
      const code = await run({ stdout, stderr })
      return { code, signal: null, stdout: stdout.text, stderr: stderr.text }
    } finally {
      process.chdir(before)
    }
  })
  queue = next.catch(() => {})
  return next
}

/** The `host:port` a started `npm run serve` says it listens on; rejects if it exits first. */
export function listeningHost(child: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (d) => {
      out += d
      const m = /listening on http:\/\/(127\.0\.0\.1:\d+)/.exec(out)
      if (m?.[1]) resolve(m[1])
    })
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)))
  })
}
