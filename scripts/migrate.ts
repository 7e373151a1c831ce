// `npm run migrate`: applies the content model migrations (see src/migrate/cli.ts for the options), then syncs
// the Markdown content (src/sync/after-migrate.ts; --no-sync skips it).
import { openBackend } from '../src/backends/open-backend.ts'
import { runCli } from '../src/migrate/cli.ts'
import { migrateThenSync } from '../src/sync/after-migrate.ts'

process.exitCode = await migrateThenSync(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, env: process.env },
  runCli,
  openBackend,
)
