// A sync in its own process, for the crash tests:
// `node --import=tsx sync-child.ts <space> <source> <markdown|json> [chunk size]`.
// KB_CMS_SYNC_KILL_AFTER_WRITES=N makes it SIGKILL itself after its Nth write.
import { SqliteBackend } from '../../../src/backends/sqlite/sqlite-backend.ts'
import { killAfterHook } from '../../../src/sync/crash-test-hook.ts'
import { runSync } from '../../../src/sync/run-sync.ts'
import { jsonParse } from './json-docs.ts'

const [space, source, parser, chunkSize] = process.argv.slice(2)
if (!space || !source) throw new Error('usage: sync-child.ts <space> <source> <markdown|json> [chunk size]')
const backend = SqliteBackend.open({ space })
const report = await runSync(backend, {
  source,
  ...(parser === 'json' ? { parse: jsonParse } : {}),
  ...(chunkSize ? { chunkSize: Number(chunkSize) } : {}),
  afterWrite: killAfterHook(process.env, 'KB_CMS_SYNC_KILL_AFTER_WRITES'),
})
await backend.close()
process.stdout.write(JSON.stringify({ writes: report.writes, failed: report.failed }))
