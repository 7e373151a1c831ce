// `npm run <command> -- …args` without a process: the entry function scripts/<command>.ts calls, with the same
// arguments, in this process, its stdout and stderr captured (see inProcess in run-command.ts). What costs a
// test ~0.5 s of tsx start-up as a process costs nothing here. Use a real process (runScript) only for what
// only a process shows: the npm script wiring, an exit by signal, a closed pipe, another user, a lock held by
// another process.
import { join } from 'node:path'
import contentTypes from '../../content-types/index.ts'
import { openBackend } from '../../src/backends/open-backend.ts'
import { runBenchCommand } from '../../src/cli/bench-command.ts'
import { runMigrateCommand } from '../../src/cli/migrate-command.ts'
import { type CommandIo, runParseCommand } from '../../src/cli/parse-command.ts'
import { runScoreCommand } from '../../src/cli/score-command.ts'
import { runTypesCommand } from '../../src/cli/types-command.ts'
import { runSyncCommand } from '../../src/sync/sync-command.ts'
import { type Captured, inProcess, NO_CONTENTFUL, type Run, repo } from './run-command.ts'

type Io = { stdout: Captured; stderr: Captured; env: NodeJS.ProcessEnv }

const entries = {
  parse: (argv: string[], io: Io) => runParseCommand(argv, io as unknown as CommandIo),
  migrate: (argv: string[], io: Io) => runMigrateCommand(argv, io),
  sync: (argv: string[], io: Io) => runSyncCommand(argv, io, openBackend),
  score: (argv: string[], io: Io) => runScoreCommand(argv, io),
  types: (argv: string[], io: Io) => runTypesCommand(argv, io, contentTypes, repo),
  bench: (argv: string[], io: Io) => runBenchCommand(argv, io, join(repo, 'bench')),
}

export type CommandName = keyof typeof entries

/**
 * Runs `npm run <command> -- …argv` in this process, from `cwd` (the repository by default). `env` is added to
 * this process's environment for the command: in its io, and in process.env for the length of the run, since
 * parts of a command read process.env as a process does (the Contentful variables, `.env`). The queue of
 * `inProcess` runs one command at a time, so the variables are that command's alone (NO_CONTENTFUL unless given).
 */
export function runInProcess(
  command: CommandName,
  argv: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<Run> {
  const added = { ...NO_CONTENTFUL, ...options.env }
  return inProcess(
    async (io) => {
      const before = Object.fromEntries(Object.keys(added).map((k) => [k, process.env[k]]))
      setEnv(added)
      try {
        return await entries[command]([...argv], { ...io, env: { ...process.env } })
      } finally {
        setEnv(before)
      }
    },
    options.cwd === undefined ? {} : { cwd: options.cwd },
  )
}

function setEnv(vars: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(vars))
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
}
