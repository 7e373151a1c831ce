// `npm run migrate`: applies the content model migrations (see src/migrate/cli.ts for the options), then syncs
// the Markdown content (src/sync/after-migrate.ts; --no-sync skips it).
import { openBackend } from '../src/backends/open-backend.ts'
import { runCli } from '../src/migrate/cli.ts'
import { migrateThenSync, splitArgs } from '../src/sync/after-migrate.ts'

const argv = process.argv.slice(2)
const io = { stdout: process.stdout, stderr: process.stderr, env: process.env }
if (argv.includes('--release') || argv.includes('--rollback')) {
  // Contentful's alias release flow around the same migrate + sync; loaded only then (the SDK is slow to import).
  const { runRelease } = await import('../src/backends/contentful/release.ts')
  process.exitCode = await runRelease(argv, io, {
    migrate: (args) => migrateThenSync(args, io, runCli, openBackend),
    check: (args) => runCli(splitArgs(args).migrate, io),
  })
} else process.exitCode = await migrateThenSync(argv, io, runCli, openBackend)
