// The only place the sync writes: counts every write for the report, publishes in bulk batches, and carries the
// crash-test hook (KB_CMS_SYNC_KILL_AFTER_WRITES=N: SIGKILL itself right after the Nth write, as a crash would).
import type { AssetInput, ContentBackend, EntryInput, PublishItem } from '../backends/port.ts'
import type { AssetRecord, EntryRecord } from '../model/contentful-types.ts'

export const PUBLISH_BATCH = 200

export class CountingWriter {
  writes = 0
  private readonly killAfter: number | null

  private started: Promise<void> | null = null

  constructor(
    private readonly backend: ContentBackend,
    env: NodeJS.ProcessEnv = process.env,
    /** Called once, before the first write (the sync takes its lock there). */
    private readonly beforeFirstWrite: (() => Promise<void>) | undefined = undefined,
  ) {
    const n = Number(env.KB_CMS_SYNC_KILL_AFTER_WRITES)
    this.killAfter = Number.isInteger(n) && n > 0 ? n : null
  }

  async putEntry(entry: EntryInput, version?: number): Promise<EntryRecord> {
    await this.start()
    const record = await this.backend.putEntry(entry, version)
    this.count(1)
    return record
  }

  async putAsset(asset: AssetInput, version?: number): Promise<AssetRecord> {
    await this.start()
    const record = await this.backend.putAsset(asset, version)
    this.count(1)
    return record
  }

  /** Publishes in batches of at most 200 (Contentful's bulk action limit), in the order given. */
  async publish(items: PublishItem[]): Promise<void> {
    await this.start()
    for (let i = 0; i < items.length; i += PUBLISH_BATCH) {
      const batch = items.slice(i, i + PUBLISH_BATCH)
      await this.backend.publish(batch)
      this.count(batch.length)
    }
  }

  async unpublish(item: { linkType: 'Entry' | 'Asset'; id: string; version: number }): Promise<void> {
    await this.start()
    await this.backend.unpublish(item)
    this.count(1)
  }

  async archive(item: { linkType: 'Entry' | 'Asset'; id: string; version: number }): Promise<void> {
    await this.start()
    await this.backend.archive(item)
    this.count(1)
  }

  private start(): Promise<void> {
    this.started ??= this.beforeFirstWrite?.() ?? Promise.resolve()
    return this.started
  }

  private count(n: number): void {
    this.writes += n
    if (this.killAfter !== null && this.writes >= this.killAfter) process.kill(process.pid, 'SIGKILL')
  }
}
