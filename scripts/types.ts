// `npm run types [-- --check]`: see src/cli/types-command.ts.
import { join } from 'node:path'
import contentTypes from '../content-types/index.ts'
import { runTypesCommand } from '../src/cli/types-command.ts'

process.exitCode = runTypesCommand(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr },
  contentTypes,
  join(import.meta.dirname, '..'),
)
