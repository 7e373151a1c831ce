// `npm run migrate` end to end: the whole command line is checked once (src/migrate/cli.ts defines it), then
// Contentful's release flow or the migrations followed by the content sync.
import { openBackend } from '../backends/open-backend.ts'
import { type CliIo, checkMigrateUsage, runCli } from '../migrate/cli.ts'
import { migrateThenSync, splitArgs } from '../sync/after-migrate.ts'
import type { Io } from '../sync/sync-command.ts'

export async function runMigrateCommand(argv: string[], io: CliIo & Io): Promise<number> {
  const usage = checkMigrateUsage(argv, io)
  if (usage !== undefined) return usage
  if (argv.includes('--release') || argv.includes('--rollback')) {
    // Loaded only then: the Contentful SDK is slow to import.
    const { runRelease } = await import('../backends/contentful/release.ts')
    return runRelease(argv, io, {
      migrate: (args) => migrateThenSync(args, io, runCli, openBackend),
      check: (args) => runCli(splitArgs(args).migrate, io),
    })
  }
  return migrateThenSync(argv, io, runCli, openBackend)
}
