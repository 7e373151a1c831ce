// `kb-cms types [--check]`: writes src/generated/content-types.ts from content-types/ (src/model/generate-types.ts);
// with --check it writes nothing and exits 1 when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Command } from 'commander'
import type { ContentTypeDefinition } from '../model/define-content-type.ts'
import { GENERATED_TYPES_PATH, typesFileText } from '../model/generate-types.ts'
import { type CommandOutput, parseCommandLine, withConventions } from './command-line.ts'

export function typesProgram(): Command {
  return new Command('types')
    .description(`Write ${GENERATED_TYPES_PATH} (the contentful client's types) from content-types/`)
    .option('--check', 'write nothing; exit 1 when the committed file is stale (for CI)')
}

export function runTypesCommand(
  argv: string[],
  io: CommandOutput,
  contentTypes: readonly ContentTypeDefinition[],
  repo: string,
): number {
  const program = withConventions(typesProgram(), io)
  const stopped = parseCommandLine(program, argv)
  if (stopped !== undefined) return stopped
  const target = join(repo, GENERATED_TYPES_PATH)
  const text = typesFileText(contentTypes)
  let current: string | undefined
  try {
    current = readFileSync(target, 'utf8')
  } catch {
    current = undefined
  }
  const count = `${contentTypes.length} content types`
  if (program.opts<{ check?: boolean }>().check) {
    if (current === text) io.stdout.write(`${GENERATED_TYPES_PATH} is up to date (${count})\n`)
    else {
      io.stderr.write(`${GENERATED_TYPES_PATH} is stale: run \`npm run types\` and commit the result\n`)
      return 1
    }
  } else if (current === text) io.stdout.write(`${GENERATED_TYPES_PATH} unchanged (${count})\n`)
  else {
    writeFileSync(target, text)
    io.stdout.write(`wrote ${GENERATED_TYPES_PATH} (${count})\n`)
  }
  return 0
}
