import test from 'ava'
import { LedgerError, pendingMigrations } from '../../src/migrate/ledger-check.ts'
import { checksum, type MigrationFile } from '../../src/migrate/migration-files.ts'

const file = (name: string, text = `// ${name}\n`): MigrationFile => ({
  name,
  file: `migrations/${name}.ts`,
  path: `/repo/migrations/${name}.ts`,
  checksum: checksum(text),
})
const row = (f: MigrationFile) => ({
  name: f.name,
  checksum: f.checksum,
  appliedAt: '2026-01-02T03:04:05.000Z',
})
const files = [file('0001-a'), file('0002-b'), file('0003-c')]

test('the checksum ignores line endings, trailing blanks and a BOM, nothing else', (t) => {
  const text = "export default 1\nconst a = 'x'\n"
  t.is(checksum(text), checksum(`\uFEFF${text.replace(/\n/g, '\r\n')}`))
  t.is(checksum(text), checksum("export default 1   \nconst a = 'x'\n\n\n"))
  t.not(checksum(text), checksum("export default 1\nconst a = 'y'\n"))
  t.not(checksum(text), checksum("export  default 1\nconst a = 'x'\n"))
  t.regex(checksum(text), /^[0-9a-f]{64}$/)
})

test('pending migrations are the files after the applied prefix', (t) => {
  t.deepEqual(pendingMigrations(files, []), files)
  t.deepEqual(
    pendingMigrations(files, [row(files[0] as MigrationFile)]).map((f) => f.name),
    ['0002-b', '0003-c'],
  )
  t.deepEqual(pendingMigrations(files, files.map(row)), [])
})

test('an applied migration edited since is refused, naming the file and what to do', (t) => {
  const edited = [file('0001-a'), file('0002-b', '// changed\n'), file('0003-c')]
  const error = t.throws(() => pendingMigrations(edited, files.slice(0, 2).map(row)), {
    instanceOf: LedgerError,
  })
  t.regex(
    error?.message ?? '',
    /^migrations\/0002-b\.ts was edited after it was applied \(2026-01-02T03:04:05\.000Z;/,
  )
  t.regex(error?.message ?? '', /put the change in a new migration \(npm run migrate -- new <name>\)/)
})

test('a migration slipped in before an applied one is refused', (t) => {
  const withInserted = [file('0001-a'), file('0002-late'), file('0003-b')]
  const applied = [row(file('0001-a')), { ...row(file('0003-b')) }]
  const error = t.throws(() => pendingMigrations(withInserted, applied), { instanceOf: LedgerError })
  t.regex(error?.message ?? '', /migrations\/0002-late\.ts is not applied but later migrations are/)
})

test('an applied migration whose file is gone is refused', (t) => {
  const error = t.throws(() => pendingMigrations([file('0002-b')], [row(file('0001-a'))]), {
    instanceOf: LedgerError,
  })
  t.regex(error?.message ?? '', /migration 0001-a was applied to this space .* but its file is missing/)
})
