// A throwaway project folder for runner and CLI tests: its own migrations/ and .cms/, with src/ and
// content-types/ linked to the real ones, so migration files import '../src/…' exactly as in the repository.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const repo = join(import.meta.dirname, '..', '..', '..')

export interface TempProject {
  root: string
  migrations: string
  space: string
  write(name: string, source: string): string
  cleanup(): void
}

/** `withRepoMigrations`: start with a copy of the repository's migrations/. */
export function tempProject(withRepoMigrations = true): TempProject {
  const root = mkdtempSync(join(tmpdir(), 'kb-migrate-'))
  symlinkSync(join(repo, 'src'), join(root, 'src'))
  symlinkSync(join(repo, 'content-types'), join(root, 'content-types'))
  const migrations = join(root, 'migrations')
  mkdirSync(migrations)
  if (withRepoMigrations) cpSync(join(repo, 'migrations'), migrations, { recursive: true })
  return {
    root,
    migrations,
    space: join(root, '.cms'),
    write(name, source) {
      const path = join(migrations, name)
      writeFileSync(path, source)
      return path
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  }
}

/** A migration file's text around the body of its `up`. */
export function migrationSource(body: string, description = 'test migration'): string {
  return [
    "import { defineMigration } from '../src/model/define-migration.ts'",
    '',
    'export default defineMigration({',
    `  description: ${JSON.stringify(description)},`,
    '  up: (m) => {',
    body,
    '  },',
    '})',
    '',
  ].join('\n')
}

/** The repository's migrations by ledger name, in order (a test's own migrations come after them). */
export const repoMigrationNames: string[] = readdirSync(join(repo, 'migrations'))
  .filter((n) => /^\d{4}-.*\.ts$/.test(n))
  .sort()
  .map((n) => n.slice(0, -3))

/** The number of the `k`-th migration a test adds after the repository's (k = 1 is the next one), as `NNNN`. */
export function laterNumber(k = 1): string {
  const last = Number.parseInt(repoMigrationNames.at(-1)?.slice(0, 4) ?? '0', 10)
  return String(last + k).padStart(4, '0')
}
