// `npm run sync [-- options]`: content only (the schema comes from `npm run migrate`); see src/sync/sync-command.ts.
// The environment goes in explicitly: the sync's core reads none of it.
import { openBackend } from '../src/backends/open-backend.ts'
import { runSyncCommand } from '../src/sync/sync-command.ts'

const io = { stdout: process.stdout, stderr: process.stderr, env: process.env }
process.exitCode = await runSyncCommand(process.argv.slice(2), io, openBackend)
