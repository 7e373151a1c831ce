// `--space` names the embedded space's folder. A first run may create that folder, as `mkdir` would, but not
// the folders above it: a mistyped path is an error naming the missing folder, not a new tree.
import { statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { loadDotEnv } from '../config/contentful-config.ts'
import { UsageError } from './exit-codes.ts'

/** Throws a UsageError when `space` is a file, or when the folder that would hold it does not exist. */
export function checkSpaceFolder(space: string, option = '--space'): void {
  const here = statSync(space, { throwIfNoEntry: false })
  if (here) {
    if (!here.isDirectory()) throw new UsageError(`${option} is a file, not a folder: ${space}`)
    return
  }
  const parent = dirname(resolve(space))
  if (statSync(parent, { throwIfNoEntry: false })?.isDirectory() !== true)
    throw new UsageError(`${option} ${space}: its parent folder ${parent} does not exist; create it first`)
}

/** True when a CONTENTFUL_* variable (in `env`, the process or .env) selects Contentful, as open-backend.ts does. */
export function usesContentful(env: Record<string, string | undefined>): boolean {
  loadDotEnv()
  const set = (name: string) => Boolean(env[name]?.trim() || process.env[name]?.trim())
  return set('CONTENTFUL_SPACE_ID') || set('CONTENTFUL_MANAGEMENT_TOKEN')
}
