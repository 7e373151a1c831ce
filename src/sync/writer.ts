// The only place the sync writes: counts every write for the report, publishes in bulk batches, and calls the
// caller's hooks around the writes (the lock before the first, the crash-test kill after each).
import type { AssetInput, ContentBackend, EntryInput, PublishItem } from '../backends/port.ts'
import type { AssetRecord, EntryRecord } from '../model/contentful-types.ts'

/**
 * Thrown by the first write when the run had to wait for another one to release the space: everything this run
 * read before may be stale, and it wrote nothing yet, so it plans again from a fresh read (see sync-command.ts).
 * Every write path lets it through instead of reporting a failed write.
 */
export class PlanAgain extends Error {
  override name = 'PlanAgain'
}

/** Contentful's bulk action limit. */
const PUBLISH_BATCH = 200

type StateChange = { linkType: 'Entry' | 'Asset'; id: string; version: number }

export interface WriterHooks {
  /** Called once, before the first write (the sync takes its lock there). */
  beforeFirstWrite?: (() => Promise<void>) | undefined
  /** Called after every write with the run's write count so far. A test hook: see crash-test-hook.ts. */
  afterWrite?: ((writes: number) => void) | undefined
}

export class CountingWriter {
  writes = 0
  private started: Promise<void> | null = null

  constructor(
    private readonly backend: ContentBackend,
    private readonly hooks: WriterHooks = {},
  ) {}

  putEntry(entry: EntryInput, version?: number): Promise<EntryRecord> {
    return this.write(1, () => this.backend.putEntry(entry, version))
  }

  putAsset(asset: AssetInput, version?: number): Promise<AssetRecord> {
    return this.write(1, () => this.backend.putAsset(asset, version))
  }

  /** Publishes in batches of at most 200, in the order given. */
  async publish(items: PublishItem[]): Promise<void> {
    await this.start()
    for (let i = 0; i < items.length; i += PUBLISH_BATCH) {
      const batch = items.slice(i, i + PUBLISH_BATCH)
      await this.write(batch.length, () => this.backend.publish(batch))
    }
  }

  unpublish(item: StateChange): Promise<void> {
    return this.write(1, () => this.backend.unpublish(item))
  }

  archive(item: StateChange): Promise<void> {
    return this.write(1, () => this.backend.archive(item))
  }

  private async write<T>(entities: number, request: () => Promise<T>): Promise<T> {
    await this.start()
    const result = await request()
    this.writes += entities
    this.hooks.afterWrite?.(this.writes)
    return result
  }

  private start(): Promise<void> {
    this.started ??= this.hooks.beforeFirstWrite?.() ?? Promise.resolve()
    return this.started
  }
}
