// `npm run types [-- --check]`: writes src/generated/content-types.ts from content-types/ (see
// src/model/generate-types.ts); with --check, writes nothing and exits 1 when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import contentTypes from '../content-types/index.ts'
import { GENERATED_TYPES_PATH, typesFileText } from '../src/model/generate-types.ts'

const target = join(import.meta.dirname, '..', GENERATED_TYPES_PATH)
const text = typesFileText(contentTypes)
const current = (() => {
  try {
    return readFileSync(target, 'utf8')
  } catch {
    return undefined
  }
})()

if (process.argv.includes('--check')) {
  if (current === text)
    console.log(`${GENERATED_TYPES_PATH} is up to date (${contentTypes.length} content types)`)
  else {
    console.error(`${GENERATED_TYPES_PATH} is stale: run \`npm run types\` and commit the result`)
    process.exit(1)
  }
} else if (current === text) {
  console.log(`${GENERATED_TYPES_PATH} unchanged (${contentTypes.length} content types)`)
} else {
  writeFileSync(target, text)
  console.log(`wrote ${GENERATED_TYPES_PATH} (${contentTypes.length} content types)`)
}
