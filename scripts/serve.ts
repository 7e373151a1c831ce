// `npm run serve`: the embedded space over HTTP on 127.0.0.1; see src/server/serve-command.ts and the README.
import { runServeCommand } from '../src/server/serve-command.ts'

await runServeCommand(process.argv.slice(2))
