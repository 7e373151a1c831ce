// `npm run migrate`: applies the content model migrations (see src/migrate/cli.ts for the options), then syncs
// the Markdown content (src/sync/after-migrate.ts; --no-sync skips it).
import { runRelease, wantsRelease } from '../src/backends/contentful/release.ts'
import { openBackend } from '../src/backends/open-backend.ts'
import { runCli } from '../src/migrate/cli.ts'
import { migrateThenSync, splitArgs } from '../src/sync/after-migrate.ts'

const argv = process.argv.slice(2)
const io = { stdout: process.stdout, stderr: process.stderr, env: process.env }
// --release / --rollback: Contentful's alias release flow around the same migrate + sync (src/backends/contentful/release.ts).
process.exitCode = wantsRelease(argv)
  ? await runRelease(argv, io, {
      migrate: (args) => migrateThenSync(args, io, runCli, openBackend),
      check: (args) => runCli(splitArgs(args).migrate, io),
    })
  : await migrateThenSync(argv, io, runCli, openBackend)
