// What the ledger says against what migrations/ holds. Applied migrations must be the first files, in order,
// unchanged: anything else means the history in the repository and the history of the space have diverged,
// and applying more on top would build on a model nobody reviewed.
import type { LedgerRow } from '../backends/port.ts'
import type { MigrationFile } from './migration-files.ts'

export class LedgerError extends Error {
  override name = 'LedgerError'
}

/** The files not applied yet, in order; throws a LedgerError naming the file when the histories diverge. */
export function pendingMigrations(files: MigrationFile[], ledger: LedgerRow[]): MigrationFile[] {
  ledger.forEach((row, i) => {
    const file = files[i]
    const byName = files.find((f) => f.name === row.name)
    if (!byName) {
      throw new LedgerError(
        `migration ${row.name} was applied to this space (${row.appliedAt}) but its file is missing from ` +
          'migrations/; restore it (applied migrations are never deleted)',
      )
    }
    if (file?.name !== row.name) {
      const unapplied = files.slice(0, ledger.length).find((f) => !ledger.some((r) => r.name === f.name))
      throw new LedgerError(
        unapplied
          ? `${unapplied.file} is not applied but later migrations are (the last is ${ledger.at(-1)?.name}); ` +
              'a new migration must come after the last applied one: renumber it'
          : `the ledger applied ${row.name} out of the files' order`,
      )
    }
    if (file.checksum !== row.checksum) {
      throw new LedgerError(
        `${file.file} was edited after it was applied (${row.appliedAt}; checksum ${row.checksum.slice(0, 12)} ` +
          `recorded, ${file.checksum.slice(0, 12)} now). Restore it and put the change in a new migration ` +
          '(npm run migrate -- new <name>)',
      )
    }
  })
  return files.slice(ledger.length)
}
