// A child process for the multi-process tests: `lock <dir> <holderId>` tries the lock once and prints the
// result; `hang-mid-migration <dir>` starts a migration and stops inside its transaction, after its first
// writes, so the parent can kill -9 it there.
import { writeSync } from 'node:fs'
import { SqliteBackend } from '../../../src/backends/sqlite/sqlite-backend.ts'

const [command, dir, arg] = process.argv.slice(2)
const backend = SqliteBackend.open({ space: dir as string })

if (command === 'lock') {
  const now = Date.now()
  const result = await backend.acquireLock({
    id: arg as string,
    description: `child ${arg}`,
    acquiredAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 60_000).toISOString(),
  })
  writeSync(1, `${JSON.stringify(result)}\n`)
  await backend.close()
} else if (command === 'hang-mid-migration') {
  // Reading this field's value happens inside applyMigration's transaction, after the content type writes.
  const fields = {}
  Object.defineProperty(fields, 'name', {
    enumerable: true,
    get() {
      writeSync(1, 'inside\n')
      for (;;) {} // wait here for SIGKILL
    },
  })
  await backend.applyMigration(
    [
      {
        type: 'saveContentType',
        contentType: {
          id: 'person',
          name: 'Person',
          displayField: 'name',
          fields: [{ id: 'name', name: 'Name', type: 'Symbol', required: true, localized: false }],
        },
      },
      { type: 'putEntry', entry: { id: 'ada', contentTypeId: 'person', fields } },
    ],
    { name: '0001-killed', checksum: 'x', appliedAt: new Date().toISOString() },
  )
} else {
  throw new Error(`unknown command ${command}`)
}
