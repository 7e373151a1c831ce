// The environments of an embedded space as the server sees them: one store per environment, opened on first
// use and kept open; aliases (`master` → the environment it points at) in `aliases.json` beside the
// databases. Without that file every id names its own environment, so a fresh space behaves as before.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ConflictError, NotFoundError } from '../../backends/port.ts'
import { EmbeddedSpace } from '../../backends/sqlite/embedded-space.ts'
import { cloneEnvironment, deleteEnvironment, listEnvironments } from '../../backends/sqlite/environments.ts'
import { ID_PATTERN } from '../../backends/sqlite/validate-model.ts'
import type { SpaceRegistry } from '../server.ts'

export interface AliasRecord {
  target: string
  version: number
  createdAt: string
  updatedAt: string
}

export class DiskRegistry implements SpaceRegistry {
  readonly dir: string
  private readonly open_ = new Map<string, EmbeddedSpace>()

  constructor(spaceDir: string) {
    this.dir = resolve(spaceDir)
  }

  private get aliasFile(): string {
    return join(this.dir, 'aliases.json')
  }

  /** Every space has the `master` alias; until it is repointed it names the `master` environment. */
  aliases(): Record<string, AliasRecord> {
    const stored = existsSync(this.aliasFile) ? JSON.parse(readFileSync(this.aliasFile, 'utf8')) : {}
    return {
      master: { target: 'master', version: 1, createdAt: this.createdAt(), updatedAt: this.createdAt() },
      ...stored,
    }
  }

  private createdAt(): string {
    return this.open('master').createdAt
  }

  private get namesFile(): string {
    return join(this.dir, 'environments.json')
  }

  /** An environment's display name (what it was created with), or its id. */
  name(envId: string): string {
    const names = existsSync(this.namesFile) ? JSON.parse(readFileSync(this.namesFile, 'utf8')) : {}
    return typeof names[envId] === 'string' ? names[envId] : envId
  }

  setName(envId: string, name: string): void {
    const names = existsSync(this.namesFile) ? JSON.parse(readFileSync(this.namesFile, 'utf8')) : {}
    names[envId] = name
    writeAtomically(this.namesFile, names)
  }

  resolve(env: string): string {
    return this.aliases()[env]?.target ?? env
  }

  /** Opens an existing environment; `master` is created on first use, as a new space has one. */
  open(envId: string): EmbeddedSpace {
    let space = this.open_.get(envId)
    if (!space) {
      // An id that cannot name an environment file names no environment: a 404, as for any unknown one.
      if (!ID_PATTERN.test(envId) || envId.startsWith('.')) throw unknownEnvironment(envId)
      try {
        space = EmbeddedSpace.open({ space: this.dir, env: envId, create: envId === 'master' })
      } catch (err) {
        if (err instanceof NotFoundError) throw unknownEnvironment(envId)
        throw err
      }
      this.open_.set(envId, space)
    }
    return space
  }

  environments(): string[] {
    const ids = new Set([...listEnvironments(this.dir), 'master'])
    // An alias pointing elsewhere shadows the environment of the same name (Contentful forbids both).
    for (const [alias, rec] of Object.entries(this.aliases())) if (rec.target !== alias) ids.delete(alias)
    return [...ids].sort()
  }

  clone(source: string, target: string): void {
    if (this.aliases()[target]) throw new ConflictError(`"${target}" is an alias`, target)
    const from = this.resolve(source)
    // The source may be open here with unflushed WAL pages: VACUUM INTO reads through SQLite, so it sees them.
    this.open(from)
    cloneEnvironment(this.dir, from, target)
  }

  delete(envId: string): void {
    for (const [alias, rec] of Object.entries(this.aliases())) {
      if (rec.target === envId)
        throw new ConflictError(`environment "${envId}" is the target of alias "${alias}"`, envId)
    }
    this.open_.get(envId)?.close()
    this.open_.delete(envId)
    deleteEnvironment(this.dir, envId)
  }

  /** Creates or repoints an alias at the expected version (undefined: create only). */
  putAlias(
    alias: string,
    target: string,
    version: number | undefined,
    now = new Date().toISOString(),
  ): AliasRecord {
    if (!listEnvironments(this.dir).includes(target)) {
      throw new NotFoundError(`environment "${target}" does not exist`)
    }
    const all = this.aliases()
    const current = all[alias]
    if (current && version !== current.version) {
      throw new ConflictError(
        `alias "${alias}": version ${version ?? 'none'} is stale, the current version is ${current.version}`,
        alias,
      )
    }
    if (!current && version !== undefined && version !== 0)
      throw new NotFoundError(`alias "${alias}" does not exist`)
    const next: AliasRecord = {
      target,
      version: (current?.version ?? 0) + 1,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
    }
    all[alias] = next
    writeAtomically(this.aliasFile, all)
    return next
  }

  close(): void {
    for (const space of this.open_.values()) space.close()
    this.open_.clear()
  }
}

/** The message names the environment, never the folder on disk. */
function unknownEnvironment(envId: string): NotFoundError {
  return new NotFoundError(`environment "${envId}" does not exist`)
}

/** Write-then-rename: a reader never sees half a file. */
function writeAtomically(file: string, value: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`)
  renameSync(tmp, file)
}
