// `npm run serve` stops cleanly however it is stopped, and gives its port back: SIGTERM to npm's process (what a
// process manager or a test runner sends), and npm itself killed with SIGKILL (the server must notice its
// launcher is gone rather than live on as an orphan holding the port).
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import test from 'ava'
import { finished, repo, startScript } from '../helpers/run-command.ts'

const root = mkdtempSync(join(tmpdir(), 'kb-serve-'))
test.after.always(() => rmSync(root, { recursive: true, force: true }))

/** `npm run serve` on a free port; resolves once it listens, with npm's process and the port. */
function npmRunServe(
  name: string,
): Promise<{ npm: ChildProcess; port: number; exited: Promise<number | null> }> {
  const npm = spawn('npm', ['run', 'serve', '--', '--space', join(root, name), '--port', '0'], {
    cwd: repo,
    env: { ...process.env, KB_CMS_MANAGEMENT_TOKEN: 'm', KB_CMS_DELIVERY_TOKEN: 'd' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    let out = ''
    npm.stdout?.on('data', (d) => {
      out += d
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+) /.exec(out)?.[1]
      if (port) resolve({ npm, port: Number(port), exited })
    })
    npm.stderr?.on('data', (d) => {
      out += d
    })
    npm.on('exit', (code) => reject(new Error(`npm run serve exited ${code} before listening: ${out}`)))
  })
}

/** True when nothing listens on the port: we can bind it ourselves. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}

/** Asks until the port is free; false if it is still taken after `tries` half-seconds. */
async function portFrees(port: number, tries = 40): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await portIsFree(port)) return true
    await new Promise((r) => setTimeout(r, 250))
  }
  return false
}

test('SIGTERM to `npm run serve` stops the server and frees its port', async (t) => {
  const { npm, port, exited } = await npmRunServe('term')
  t.false(await portIsFree(port), 'listening')
  npm.kill('SIGTERM')
  await exited
  t.true(await portFrees(port))
})

test('when npm is killed outright, the server notices its launcher is gone and frees its port', async (t) => {
  const { npm, port, exited } = await npmRunServe('orphan')
  t.false(await portIsFree(port), 'listening')
  npm.kill('SIGKILL')
  await exited
  t.true(await portFrees(port))
})

test('SIGINT (Ctrl-C) and SIGHUP (a closed terminal) stop it too, freeing the port', async (t) => {
  for (const signal of ['SIGINT', 'SIGHUP'] as const) {
    const child = startScript('serve', ['--space', join(root, signal), '--port', '0'], {
      env: { KB_CMS_MANAGEMENT_TOKEN: 'm', KB_CMS_DELIVERY_TOKEN: 'd' },
    })
    const done = finished(child)
    const port = await new Promise<number>((resolve) => {
      let out = ''
      child.stdout?.on('data', (d) => {
        out += d
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+) /.exec(out)?.[1]
        if (m) resolve(Number(m))
      })
    })
    child.kill(signal)
    const { code } = await done
    t.is(code, 0, `${signal}: a clean exit`)
    t.true(await portFrees(port), signal)
  }
})
