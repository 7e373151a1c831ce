// A small JSON document beside the environments in the space folder (API keys, webhook definitions): read
// fresh when the file changed, written atomically (write, then rename) so a reader never sees half of it.
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export class SpaceJsonFile<T> {
  private cached: { mtimeMs: number; value: T } | undefined

  constructor(
    dir: string,
    name: string,
    private readonly empty: () => T,
    /** Files holding secrets are readable by their owner only. */
    private readonly secret = false,
  ) {
    this.file = join(dir, name)
  }

  readonly file: string

  read(): T {
    if (!existsSync(this.file)) return this.empty()
    const { mtimeMs } = statSync(this.file)
    if (this.cached?.mtimeMs !== mtimeMs) {
      this.cached = { mtimeMs, value: JSON.parse(readFileSync(this.file, 'utf8')) as T }
    }
    return structuredClone(this.cached.value)
  }

  write(value: T): void {
    const tmp = `${this.file}.${process.pid}.tmp`
    writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`, this.secret ? { mode: 0o600 } : {})
    if (this.secret) chmodSync(tmp, 0o600)
    renameSync(tmp, this.file)
    this.cached = undefined
  }
}
