// The parse command as a user runs it: its stdout, stderr and exit status (in-process, and as a real process
// where only a process shows the behaviour).
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import test from 'ava'
import { type CommandIo, runParseCommand } from '../../src/cli/parse-command.ts'
import type { Article } from '../../src/model/article.ts'
import { corpusDir, corpusTest } from '../helpers/corpus.ts'
import { inProcess, nodeArgs, type Run as RunResult, runScript } from '../helpers/run-command.ts'
import { tempFolder } from '../helpers/temp-folder.ts'

const root = join(import.meta.dirname, '..', '..')
type Run = RunResult

/** The parse command in this process (see test/helpers/run-command.ts), from `cwd`. */
function cli(args: string[], cwd = root): Promise<Run> {
  return inProcess((io) => runParseCommand(args, io as unknown as CommandIo), { cwd })
}

/** The same as a real process, for what only a process shows: its exit status, a closed pipe, another user. */
function cliProcess(args: string[], cwd = root, uid?: number): Promise<Run> {
  return runScript('parse', args, { cwd, env: { NO_COLOR: '1' }, ...(uid === undefined ? {} : { uid }) })
}

/** A fresh folder of small synthetic articles. */
function workspace(files: Record<string, string | Buffer>): string {
  const dir = tempFolder('kb-cms-parse-')
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

const article = (title: string) =>
  `---\ndescription: About ${title}\n---\n# ${title}\n\n*1 min read*\n\nSome text.\n`

const contractKeys = [
  'source',
  'kind',
  'slug',
  'title',
  'description',
  'readingTimeMinutes',
  'appliesTo',
  'symptom',
  'condition',
  'cause',
  'errorCodes',
  'resolutions',
  'images',
  'notes',
  'related',
  'cta',
  'variables',
  'body',
  'sourcePath',
  'path',
  'redirectTo',
  'links',
  'confidence',
  'diagnostics',
].sort()

test('--json on a directory prints one contract-shaped article per *.md, recursively, sorted by path', async (t) => {
  const dir = workspace({
    'b.md': article('Bee'),
    'a/z.md': article('Zed'),
    'a/c.md': article('Sea'),
    'a-b.md': article('Dash'),
    'notes.txt': 'not markdown',
  })
  const { code, stdout } = await cli(['--json', dir])
  t.is(code, 0)
  const articles = JSON.parse(stdout) as Article[]
  t.deepEqual(
    articles.map((a) => a.source),
    ['a-b.md', 'a/c.md', 'a/z.md', 'b.md'].map((name) => `${dir}/${name}`),
  )
  for (const a of articles) t.deepEqual(Object.keys(a).sort(), contractKeys)
  t.deepEqual(
    articles.map((a) => a.slug),
    ['a-b', 'c', 'z', 'b'],
  )
})

test('files come out in the order given, with the path exactly as typed', async (t) => {
  const dir = workspace({ 'one.md': article('One'), 'two.md': article('Two') })
  const { code, stdout, stderr } = await cli(['--json', './two.md', 'one.md'], dir)
  t.is(code, 0, stderr)
  t.deepEqual(
    (JSON.parse(stdout) as Article[]).map((a) => a.source),
    ['./two.md', 'one.md'],
  )
})

test('without --json nothing is printed on stdout', async (t) => {
  const dir = workspace({ 'one.md': article('One') })
  const { code, stdout } = await cli([join(dir, 'one.md')])
  t.is(code, 0)
  t.is(stdout, '')
})

test('a binary file gets one fatal diagnostic with its position, the other files are still parsed', async (t) => {
  const dir = workspace({
    'good.md': article('Good'),
    'image.md': Buffer.from([0x23, 0x20, 0x41, 0x0a, 0x89, 0x50, 0x00, 0x0d]),
  })
  const { code, stdout, stderr } = await cli(['--json', dir])
  t.is(code, 1)
  t.deepEqual(
    (JSON.parse(stdout) as Article[]).map((a) => a.source),
    [`${dir}/good.md`],
  )
  t.regex(stderr, new RegExp(`${dir}/image\\.md\\n\\s*2:3\\s+error\\s+.*binary-file`))
  t.notRegex(stderr, /good\.md/)
})

test('invalid UTF-8 is fatal and points at the broken character', async (t) => {
  const dir = workspace({
    'latin1.md': Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
  })
  const { code, stderr } = await cli([join(dir, 'latin1.md')])
  t.is(code, 1)
  t.regex(stderr, /latin1\.md\n\s*1:6\s+error\s+Not valid UTF-8.*invalid-utf8/)
})

test('a UTF-16 file is told apart from binary, with what to do', async (t) => {
  const dir = workspace({
    'wide.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Wide\n', 'utf16le')]),
  })
  const { code, stderr } = await cli(['wide.md'], dir)
  t.is(code, 1)
  t.regex(stderr, /wide\.md\n\s*1:1\s+error\s+UTF-16 text; save the file as UTF-8\s+invalid-utf8/)
})

// root reads any file whatever its mode, so under root (as in CI) the CLI runs as the unprivileged `nobody`,
// when nobody can read this checkout at all (a checkout under a private home folder cannot be).
const nobody = process.getuid?.() === 0 ? 65534 : undefined
const nobodyCanRun =
  nobody === undefined ||
  spawnSync(
    process.execPath,
    ['-e', `require('fs').readFileSync(${JSON.stringify(fileURLToPath(import.meta.resolve('tsx')))})`],
    {
      uid: nobody,
      gid: nobody,
    },
  ).status === 0
const unlessUnreadableCheckout = nobodyCanRun ? test : test.skip
if (!nobodyCanRun) console.warn('unreadable-file test skipped: user nobody cannot read this checkout')
unlessUnreadableCheckout('an unreadable file is a fatal diagnostic, not a crash', async (t) => {
  const dir = workspace({ 'secret.md': article('Secret'), 'open.md': article('Open') })
  chmodSync(dir, 0o755)
  chmodSync(join(dir, 'open.md'), 0o644)
  chmodSync(join(dir, 'secret.md'), 0o000)
  const { code, stdout, stderr } = await cliProcess(['--json', dir], root, nobody)
  t.is(code, 1)
  t.is((JSON.parse(stdout) as Article[]).length, 1)
  t.regex(stderr, /secret\.md\n\s*1:1\s+error\s+Cannot read file \(EACCES\).*unreadable-file/)
})

test('bad usage exits 2 with one clear line on stderr and nothing on stdout', async (t) => {
  const dir = workspace({ 'one.md': article('One') })
  const cases: [string[], RegExp][] = [
    [['--json'], /^error: missing required argument 'inputs'; run with --help for usage\n$/],
    [['--frobnicate', 'one.md'], /^error: unknown option '--frobnicate'; run with --help for usage\n$/],
    [
      ['--jsn', 'one.md'],
      /^error: unknown option '--jsn' \(did you mean --json\?\); run with --help for usage\n$/,
    ],
    [['--json', 'one.md', 'missing.md'], /^error: no such file or directory: missing\.md\n$/],
    [['--docs-root', 'nowhere', 'one.md'], /^error: --docs-root is not a directory: nowhere\n$/],
    [['--vars', 'nothing.yml', 'one.md'], /^error: nothing\.yml:1:1: cannot read vars file \(ENOENT\)\n$/],
  ]
  for (const [args, message] of cases) {
    const { code, stdout, stderr } = await cli(args, dir)
    t.is(code, 2, args.join(' '))
    t.is(stdout, '', args.join(' '))
    t.regex(stderr, message, args.join(' '))
  }
  // The same through a real process: its exit status is what a shell sees.
  const real = await cliProcess(['--frobnicate', 'one.md'], dir)
  t.is(real.code, 2)
  t.regex(real.stderr, /^error: unknown option '--frobnicate'; run with --help for usage\n$/)
})

test('a directory without Markdown is bad usage', async (t) => {
  const dir = workspace({ 'readme.txt': 'text' })
  const { code, stderr } = await cli([dir])
  t.is(code, 2)
  t.is(stderr, `error: no .md files under ${dir}\n`)
})

test('a broken vars file exits 2 naming the file, line and column of the YAML error', async (t) => {
  const dir = workspace({ 'one.md': article('One'), 'vars.yml': 'product: Sidebar\nproduct: Other\n' })
  const { code, stdout, stderr } = await cli(['--vars', 'vars.yml', 'one.md'], dir)
  t.is(code, 2)
  t.is(stdout, '')
  t.is(stderr, 'error: vars.yml:2:1: Map keys must be unique\n')
})

test('a vars file that is not a map is rejected', async (t) => {
  const dir = workspace({ 'one.md': article('One'), 'vars.yml': '# values\n- a\n- b\n' })
  const { code, stderr } = await cli(['--vars', 'vars.yml', 'one.md'], dir)
  t.is(code, 2)
  t.is(stderr, 'error: vars.yml:2:1: expected a map of variable names to values\n')
})

test('an mkdocs.yml with python tags is accepted as a vars file', async (t) => {
  const mkdocs = [
    'site_name: Example',
    'markdown_extensions:',
    '  - pymdownx.emoji:',
    '      emoji_index: !!python/name:material.extensions.emoji.twemoji',
    'extra:',
    '  product_name: Widget',
    '',
  ].join('\n')
  const dir = workspace({ 'one.md': '# Hello {{ product_name }}\n', 'mkdocs.yml': mkdocs })
  const { code, stdout, stderr } = await cli(['--json', '--vars', 'mkdocs.yml', 'one.md'], dir)
  t.is(code, 0, stderr)
  const [only] = JSON.parse(stdout) as Article[]
  t.deepEqual(only?.variables, ['product_name'])
  t.is(only?.title, 'Hello Widget')
})

test('without a value a variable stays verbatim, and is still listed', async (t) => {
  const dir = workspace({ 'one.md': '# Hello {{ product_name }}\n', 'vars.yml': 'other: x\n' })
  for (const args of [['one.md'], ['--vars', 'vars.yml', 'one.md']]) {
    const { code, stdout } = await cli(['--json', ...args], dir)
    t.is(code, 0)
    const [only] = JSON.parse(stdout) as Article[]
    t.is(only?.title, 'Hello {{ product_name }}')
    t.deepEqual(only?.variables, ['product_name'])
  }
})

test('every diagnostic in the JSON is on stderr with its position and rule id; --quiet keeps only errors', async (t) => {
  // Executable markup must be dropped with a diagnostic, whatever else the parser makes of the page.
  const text = '# Page\n\nSome text.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n'
  const dir = workspace({ 'page.md': text })
  const { code, stdout, stderr } = await cli(['--json', 'page.md'], dir)
  t.is(code, 0)
  const [page] = JSON.parse(stdout) as Article[]
  const diagnostics = page?.diagnostics ?? []
  t.true(diagnostics.length > 0)
  t.true(stderr.startsWith('page.md\n'))
  for (const d of diagnostics) {
    const place = d.line === null ? '' : `${d.line}:${d.column ?? 1}`
    const line = stderr.split('\n').find((l) => l.includes(d.ruleId) && l.includes(d.message.slice(0, 30)))
    t.truthy(line, `${d.ruleId} on stderr`)
    if (line !== undefined) t.true(line.trimStart().startsWith(place), `${line} starts with ${place}`)
  }
  // --quiet drops every warning and keeps the errors: the page's diagnostics are all warnings or info, and a
  // binary file beside it brings an error.
  t.true(diagnostics.every((d) => d.severity === 'warning' || d.severity === 'info'))
  writeFileSync(join(dir, 'binary.md'), Buffer.from([0x23, 0x20, 0x41, 0x0a, 0x89, 0x50, 0x00, 0x0d]))
  const quiet = await cli(['--quiet', 'page.md', 'binary.md'], dir)
  t.is(quiet.code, 1)
  t.regex(quiet.stderr, /binary\.md\n\s*2:3\s+error\s+.*binary-file/)
  t.false(quiet.stderr.includes('page.md'), quiet.stderr)
  for (const d of diagnostics) t.false(quiet.stderr.includes(d.ruleId), `${d.ruleId} is not an error`)
})

test('broken front matter is reported with the file and the line:column of the problem', async (t) => {
  const dir = workspace({ 'broken.md': '---\ndescription: [unclosed\n---\n# Title\n\nText.\n' })
  const { code, stdout, stderr } = await cli(['--json', 'broken.md'], dir)
  t.true(code === 0 || code === 1, 'a diagnostic about the file, not bad usage')
  const [page] = JSON.parse(stdout) as Article[]
  const onLine2 = page?.diagnostics.filter((d) => d.line === 2 && d.column !== null) ?? []
  t.true(onLine2.length > 0)
  t.regex(stderr, /^broken\.md\n(.*\n)*\s*2:\d+\s+(warning|error)\s+\S/)
})

test('a reader closing the pipe early is not an error', async (t) => {
  // Far more JSON than a pipe buffers, so the writer is still writing when the reader goes away.
  const long = `${article('Long')}\n${'Many words in one long paragraph. '.repeat(300)}\n`
  const dir = workspace(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`a${i}.md`, long])))
  const { code, stderr } = await new Promise<Run>((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs('parse', ['--json', dir]))
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    child.stdout.once('data', () => child.stdout.destroy())
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stdout: '', stderr }))
  })
  t.is(code, 0)
  t.notRegex(stderr, /EPIPE|Error/)
})

test('--help documents every option and exits 0', async (t) => {
  const { code, stdout } = await cli(['--help'])
  t.is(code, 0)
  for (const option of ['--json', '--vars <file>', '--docs-root <dir>', '--quiet'])
    t.true(stdout.includes(option))
})

corpusTest(test)('the development corpus parses without a fatal problem, JSON only on stdout', async (t) => {
  const { code, stdout, stderr } = await cli([
    '--json',
    '--vars',
    join(corpusDir, 'mkdocs.yml'),
    '--docs-root',
    join(corpusDir, 'docs'),
    join(corpusDir, 'docs'),
  ])
  t.is(code, 0, stderr)
  const articles = JSON.parse(stdout) as Article[]
  t.true(articles.length > 0)
  t.true(articles.every((a) => a.source.startsWith(join(corpusDir, 'docs'))))
  t.true(articles.every((a) => !a.diagnostics.some((d) => d.severity === 'fatal')))
})
