// The migrations/ folder: file names, checksums, and loading a migration module. Listing and checksumming
// read only the files' text, so a run with nothing pending never imports (compiles) a migration.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type Migration, type Operation, recordOperations } from '../model/define-migration.ts'

export const MIGRATION_FILE = /^(\d{4})-[a-z0-9]+(?:-[a-z0-9]+)*\.ts$/

export interface MigrationFile {
  /** The ledger name: the file name without `.ts`, e.g. `0001-content-model`. */
  name: string
  /** For messages: the path relative to the working directory. */
  file: string
  path: string
  checksum: string
}

/**
 * sha256 of the text with line endings, trailing blanks and the final newline normalised: an editor or a
 * checkout that changes only those must not make an applied migration look edited.
 */
export function checksum(text: string): string {
  const normalised = `${text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trimEnd()}\n`
  return createHash('sha256').update(normalised).digest('hex')
}

/** The migration files in order; throws on a name that breaks the convention or a duplicate number. */
export function listMigrations(dir: string): MigrationFile[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch (error) {
    throw new Error(`cannot read the migrations folder ${dir}: ${(error as NodeJS.ErrnoException).code}`)
  }
  const files = names.filter((n) => n.endsWith('.ts')).sort()
  const numbers = new Map<string, string>()
  return files.map((n) => {
    const path = join(dir, n)
    const file = relative(process.cwd(), path) || path
    const match = MIGRATION_FILE.exec(n)
    if (!match) throw new Error(`${file}: a migration file is named NNNN-kebab-case-name.ts`)
    const number = match[1] as string
    const other = numbers.get(number)
    if (other) throw new Error(`${file}: number ${number} is already used by ${other}`)
    numbers.set(number, n)
    return { name: n.slice(0, -3), file, path, checksum: checksum(readFileSync(path, 'utf8')) }
  })
}

/** Imports a migration and records its operations (its `up` runs here, and does no I/O). */
export async function loadOperations(
  file: MigrationFile,
): Promise<{ migration: Migration; ops: Operation[] }> {
  const mod = (await import(pathToFileURL(file.path).href)) as { default?: Migration }
  const migration = mod.default
  if (!migration || typeof migration.up !== 'function') {
    throw new Error(`${file.file}: the default export must be defineMigration({ description, up })`)
  }
  try {
    return { migration, ops: recordOperations(migration) }
  } catch (error) {
    throw new Error(`${file.file}: up() threw: ${(error as Error).message}`)
  }
}
