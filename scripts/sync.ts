// `npm run sync [-- options]`: content only (the schema comes from `npm run migrate`); see src/sync/sync-command.ts.
import { openBackend } from '../src/backends/open-backend.ts'
import { runSyncCommand } from '../src/sync/sync-command.ts'

process.exitCode = await runSyncCommand(process.argv.slice(2), process, openBackend)
