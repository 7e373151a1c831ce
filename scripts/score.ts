// `npm run score -- --gold <dir> --pred <file>`: see src/cli/score-command.ts and docs/scoring.md.
import { endQuietlyOnBrokenPipe } from '../src/cli/broken-pipe.ts'
import { runScoreCommand } from '../src/cli/score-command.ts'

endQuietlyOnBrokenPipe(process.stdout)
process.exitCode = runScoreCommand(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr })
