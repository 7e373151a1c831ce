// `npm run migrate`: applies the content model migrations (see src/migrate/cli.ts for the options).
import { runCli } from '../src/migrate/cli.ts'

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
})
