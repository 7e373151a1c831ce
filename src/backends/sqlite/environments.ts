// Environments of an embedded space: one database file each in the space folder. A clone is a consistent
// copy of the source file (`VACUUM INTO`), taken while others may be writing, then renamed into place so a
// half-written copy is never seen as an environment.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ConflictError, NotFoundError } from '../port.ts'
import { EmbeddedSpace, environmentFile } from './embedded-space.ts'

/** Environment ids in the space folder, sorted. */
export function listEnvironments(spaceDir: string): string[] {
  const dir = resolve(spaceDir)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .map((f) => f.slice(0, -'.sqlite'.length))
    .sort()
}

/** Creates `target` as a copy of `source`: model, content, assets and ledger; the lock is not copied. */
export function cloneEnvironment(spaceDir: string, source: string, target: string): void {
  const dir = resolve(spaceDir)
  const targetFile = environmentFile(dir, target)
  if (existsSync(targetFile))
    throw new ConflictError(`environment "${target}" already exists in ${dir}`, target)
  const from = EmbeddedSpace.open({ space: dir, env: source, create: false })
  const partial = join(dir, `.${target}.sqlite.${process.pid}.partial`)
  try {
    rmSync(partial, { force: true })
    from.copyTo(partial)
  } finally {
    from.close()
  }
  renameSync(partial, targetFile)
  const to = EmbeddedSpace.open({ space: dir, env: target, create: false })
  try {
    to.markClonedFrom(source)
  } finally {
    to.close()
  }
}

/** Removes an environment's files (the caller makes sure nobody has it open). */
export function deleteEnvironment(spaceDir: string, env: string): void {
  const file = environmentFile(resolve(spaceDir), env)
  if (!existsSync(file))
    throw new NotFoundError(`environment "${env}" does not exist in ${resolve(spaceDir)}`)
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
}

/**
 * The environment an id names: an alias in the space folder's `aliases.json` (`{ "master": { "target":
 * "release-2", … } }`, kept by the Management face when an alias is repointed) resolves to its target, so
 * `migrate` and the server agree on what `master` is.
 */
export function resolveEnvironment(spaceDir: string, env: string): string {
  const file = join(resolve(spaceDir), 'aliases.json')
  if (!existsSync(file)) return env
  let aliases: Record<string, { target?: unknown }>
  try {
    aliases = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`)
  }
  const target = aliases?.[env]?.target
  return typeof target === 'string' ? target : env
}
