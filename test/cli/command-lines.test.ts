// Every command line as a newcomer meets it: --help lists every option the command accepts, and bad usage is
// one line on stderr naming the option, command or value (with a hint to --help), exit status 2, and nothing
// created on disk.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import test from 'ava'
import type { Command } from 'commander'
import { openBackend } from '../../src/backends/open-backend.ts'
import { benchProgram, runBenchCommand } from '../../src/cli/bench-command.ts'
import { optionNames } from '../../src/cli/command-line.ts'
import { runMigrateCommand } from '../../src/cli/migrate-command.ts'
import { type CommandIo, parseProgram, runParseCommand } from '../../src/cli/parse-command.ts'
import { runScoreCommand, scoreProgram } from '../../src/cli/score-command.ts'
import { runTypesCommand, typesProgram } from '../../src/cli/types-command.ts'
import { migrateProgram } from '../../src/migrate/cli.ts'
import { serveProgram } from '../../src/server/serve-command.ts'
import { splitArgs } from '../../src/sync/after-migrate.ts'
import { runSyncCommand, syncProgram } from '../../src/sync/sync-command.ts'
import { inProcess, repo, runScript } from '../helpers/run-command.ts'

const env = { ...process.env, CI: 'true', CONTENTFUL_SPACE_ID: '', CONTENTFUL_MANAGEMENT_TOKEN: '' }
type Io = { stdout: { write(s: string): boolean }; stderr: { write(s: string): boolean } }
const commands: Record<string, (argv: string[], io: Io) => Promise<number> | number> = {
  parse: (argv, io) => runParseCommand(argv, io as unknown as CommandIo),
  migrate: (argv, io) => runMigrateCommand(argv, { ...io, env }),
  sync: (argv, io) => runSyncCommand(argv, { ...io, env }, openBackend),
  score: (argv, io) => runScoreCommand(argv, io),
  types: (argv, io) => runTypesCommand(argv, io, [], repo),
  bench: (argv, io) => runBenchCommand(argv, io, join(repo, 'bench')),
}
const run = (command: string, argv: string[], cwd = repo) =>
  inProcess((io) => (commands[command] as (typeof commands)[string])(argv, io), { cwd })

/** What each command accepts, as the README documents it. */
const ACCEPTS: Record<string, { program: () => Command; options: string[] }> = {
  parse: {
    program: parseProgram,
    options: ['--json', '--vars', '--docs-root', '--quiet', '--annotate', '--review'],
  },
  migrate: {
    program: migrateProgram,
    options: [
      '--dry-run',
      '--json',
      '--space',
      '--env',
      '--create-env',
      '--migrations',
      '--content-types',
      '--lock-wait',
      '--source',
      '--force',
      '--prune',
      '--asset-base-url',
      '--vars',
      '--no-sync',
      '--release',
      '--rollback',
      '--to',
    ],
  },
  sync: {
    program: syncProgram,
    options: [
      '--space',
      '--env',
      '--json',
      '--dry-run',
      '--source',
      '--force',
      '--prune',
      '--asset-base-url',
      '--vars',
    ],
  },
  serve: {
    program: () => serveProgram({}),
    options: [
      '--space',
      '--port',
      '--rate-limit',
      '--fault-ratio',
      '--fault-seed',
      '--request-log',
      '--cors-origin',
      '--vars',
    ],
  },
  score: { program: scoreProgram, options: ['--gold', '--pred'] },
  types: { program: typesProgram, options: ['--check'] },
  bench: { program: benchProgram, options: [] },
}

/** The long options a help text lists under its Options headings. */
function listed(help: string): string[] {
  const options =
    help
      .split(/\n(?:Global )?Options:\n/)
      .slice(1)
      .join('\n')
      .split(/\nCommands:\n/)[0] ?? ''
  return [...options.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)]
    .map((m) => m[1] as string)
    .filter((o) => o !== '--help')
}

for (const [name, { program, options }] of Object.entries(ACCEPTS)) {
  test(`${name} --help lists every option ${name} accepts, and only those`, async (t) => {
    const help =
      name === 'serve'
        ? (await runScript('serve', ['--help'])).stdout // serve runs until stopped: ask a real process
        : (await run(name, ['--help'])).stdout
    t.deepEqual(listed(help).sort(), [...options].sort(), help)
    t.deepEqual(optionNames(program()).sort(), [...options].sort())
  })
}

test('each migrate subcommand has its own --help, listing the options it takes from migrate', async (t) => {
  for (const sub of ['status', 'check', 'new']) {
    const { code, stdout } = await run('migrate', [sub, '--help'])
    t.is(code, 0, sub)
    t.regex(stdout, new RegExp(`^Usage: migrate ${sub} `), sub)
    for (const option of ['--space', '--env', '--migrations', '--content-types', '--json'])
      t.true(listed(stdout).includes(option), `${sub} --help lists ${option}`)
  }
})

test('every option migrate lists reaches migrate or the sync it runs (none is parsed and dropped)', (t) => {
  const split = splitArgs([
    '--source=docs',
    '--force',
    '--prune',
    '--asset-base-url',
    'https://cdn.test',
    '--vars',
    'v.yml',
    '--no-sync',
    '--space',
    's',
    '--env',
    'e',
    '--lock-wait',
    '3',
    '--json',
    '--dry-run',
  ])
  t.like(split.sync, {
    source: 'docs',
    force: true,
    prune: true,
    assetBaseUrl: 'https://cdn.test',
    vars: 'v.yml',
    skip: true,
    space: 's',
    env: 'e',
    json: true,
    dryRun: true,
  })
  t.deepEqual(split.migrate, ['--space', 's', '--env', 'e', '--lock-wait', '3', '--json', '--dry-run'])
})

// Each case: the command line, the one line it must print, the exit status.
const BAD_USAGE: [string, string[], RegExp][] = [
  [
    'migrate',
    ['stauts'],
    /^error: unknown command 'stauts' \(did you mean 'status'\?\); run with --help for usage$/,
  ],
  ['migrate', ['--bogus'], /^error: unknown option '--bogus'; run with --help for usage$/],
  [
    'migrate',
    ['--dry-rn'],
    /^error: unknown option '--dry-rn' \(did you mean --dry-run\?\); run with --help for usage$/,
  ],
  ['migrate', ['--to', 'staging'], /^migrate: --to <env> goes with --rollback$/],
  [
    'migrate',
    ['--release', '--rollback'],
    /^error: option '--release' cannot be used with option '--rollback'; run/,
  ],
  [
    'migrate',
    ['--lock-wait', 'soon'],
    /^error: option '--lock-wait <seconds>' argument 'soon' is invalid\. a number/,
  ],
  [
    'migrate',
    ['--space', 'MISSING/dir'],
    /^migrate: --space MISSING\/dir: its parent folder \S+MISSING does not exist/,
  ],
  ['migrate', ['new'], /^error: missing required argument 'name'; run with --help for usage$/],
  ['sync', ['--bogus'], /^error: unknown option '--bogus'; run with --help for usage$/],
  [
    'sync',
    ['--surce', 'content'],
    /^error: unknown option '--surce' \(did you mean --source\?\); run with --help/,
  ],
  ['sync', ['--source', 'FILE'], /^sync: --source must be a folder \(the docs root\), not a file: FILE$/],
  ['sync', ['--source', 'nowhere'], /^sync: --source does not exist: nowhere$/],
  [
    'sync',
    ['--source', 'docs', '--space', 'MISSING/dir'],
    /^sync: --space MISSING\/dir: its parent folder \S+ does not/,
  ],
  [
    'sync',
    ['--source', 'docs', '--asset-base-url', 'ftp://x'],
    /^sync: --asset-base-url must be an http\(s\) URL/,
  ],
  [
    'parse',
    ['--jsn', 'x.md'],
    /^error: unknown option '--jsn' \(did you mean --json\?\); run with --help for usage$/,
  ],
  [
    'score',
    ['--gold', 'docs'],
    /^error: required option '--pred <file>' not specified; run with --help for usage$/,
  ],
  [
    'types',
    ['--chek'],
    /^error: unknown option '--chek' \(did you mean --check\?\); run with --help for usage$/,
  ],
  ['bench', ['no-such-bench'], /^error: no bench matches no-such-bench; the benches are /],
]

for (const [command, args, message] of BAD_USAGE) {
  test(`${command} ${args.join(' ')}: one line, exit 2, nothing created`, async (t) => {
    const cwd = mkdtempSync(join(tmpdir(), 'kb-usage-'))
    t.teardown(() => rmSync(cwd, { recursive: true, force: true }))
    writeFileSync(join(cwd, 'FILE'), 'a file, not a folder\n')
    mkdirSync(join(cwd, 'docs'))
    const before = readdirSync(cwd)
    const { code, stdout, stderr } = await run(command, args, cwd)
    t.is(code, 2, stderr)
    t.is(stdout, '')
    t.is(stderr.split('\n').length, 2, `one line: ${stderr}`)
    t.regex(stderr.trimEnd(), message)
    t.deepEqual(readdirSync(cwd), before, 'no folder, space or environment created')
    t.false(existsSync(join(cwd, 'MISSING')))
  })
}

test('serve: an unknown option and a --space under a missing folder are one line, exit 2, nothing created', async (t) => {
  const cwd = mkdtempSync(join(tmpdir(), 'kb-usage-'))
  t.teardown(() => rmSync(cwd, { recursive: true, force: true }))
  const unknown = await runScript('serve', ['--prot', '0'], { cwd })
  t.is(unknown.code, 2)
  t.is(unknown.stderr, "error: unknown option '--prot' (did you mean --port?); run with --help for usage\n")
  const missing = await runScript('serve', ['--space', 'MISSING/dir', '--port', '0'], { cwd })
  t.is(missing.code, 2)
  t.regex(
    missing.stderr,
    /^kb-cms serve: --space MISSING\/dir: its parent folder \S+ does not exist; create it first\n$/,
  )
  t.deepEqual(readdirSync(cwd), [])
})
