// `npm run parse -- [--json] [--vars file] [--docs-root dir] <file|dir>...`: see src/cli/parse-command.ts.
import { endQuietlyOnBrokenPipe } from '../src/cli/broken-pipe.ts'
import { runParseCommand } from '../src/cli/parse-command.ts'

endQuietlyOnBrokenPipe(process.stdout)
// exitCode, not exit(): exit() could cut off a large JSON array still being written to a pipe.
process.exitCode = await runParseCommand(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
})
