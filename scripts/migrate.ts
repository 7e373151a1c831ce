// `npm run migrate`: applies the content model migrations (see src/migrate/cli.ts for the options), then syncs
// the Markdown content (src/sync/after-migrate.ts; --no-sync skips it).
import { runMigrateCommand } from '../src/cli/migrate-command.ts'

process.exitCode = await runMigrateCommand(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
})
