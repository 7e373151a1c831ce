// Publishing in bulk: a rejected batch is published again one item at a time, to name the culprits. Articles
// wait for the end of the run (a related article may come in a later chunk, and a link to an entry that does not
// exist yet cannot be published); their children and assets are published with their chunk.
import type { PublishItem } from '../backends/port.ts'
import { describeError } from './describe-error.ts'
import type { Owner, ReportRecorder } from './report-recorder.ts'
import { type CountingWriter, PlanAgain } from './writer.ts'

export class BulkPublisher {
  /** Article entries written but not yet published: id → item and owner. */
  private readonly deferred = new Map<string, { item: PublishItem; owner: Owner }>()

  constructor(
    private readonly writer: CountingWriter,
    private readonly recorder: ReportRecorder,
  ) {}

  async publish(items: PublishItem[], ownerOf: (id: string) => Owner | undefined): Promise<void> {
    if (items.length === 0) return
    try {
      await this.writer.publish(items)
    } catch (error) {
      if (error instanceof PlanAgain) throw error
      for (const item of items) {
        try {
          await this.writer.publish([item])
        } catch (error) {
          this.recorder.publishFailed(item, ownerOf(item.id), describeError(error))
        }
      }
    }
  }

  defer(item: PublishItem, owner: Owner): void {
    this.deferred.set(item.id, { item, owner })
  }

  async publishDeferred(): Promise<void> {
    const deferred = new Map(this.deferred)
    this.deferred.clear()
    await this.publish(
      [...deferred.values()].map((d) => d.item),
      (id) => deferred.get(id)?.owner,
    )
  }
}
