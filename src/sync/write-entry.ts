// One planned entry → what the run does with it: writes it (or, in a dry run, says it would), leaves it, or
// reports its conflict or failure. Children are written before parents by the caller (see sync-chunk.ts).
import type { PublishItem } from '../backends/port.ts'
import { ConflictError } from '../backends/port.ts'
import type { EntryRecord } from '../model/contentful-types.ts'
import type { EntryAction } from './changeset.ts'
import { describeError } from './describe-error.ts'
import type { DesiredEntry, SyncedType } from './desired-state.ts'
import type { Outcome, PlannedChange } from './report.ts'
import type { ReportRecorder } from './report-recorder.ts'
import type { CountingWriter } from './writer.ts'

/** The entry a page file or the menu is counted by: created only when this one is new. */
const TOP_LEVEL_TYPES = new Set<SyncedType>(['troubleshootingArticle', 'page', 'redirect', 'navigationMenu'])

export interface EntryWriteContext {
  writer: CountingWriter
  recorder: ReportRecorder
  /** The file of the article the entry is written for. */
  file: string
  /** How this entry counts for its article (the article keeps the worst of its entries). */
  raise: (outcome: Outcome) => void
  /** The entry failed: reported already; its article fails with it. */
  failed: () => void
  /** The entry is to be published at this version. */
  publish: (item: PublishItem) => void
}

export async function writeEntry(
  desired: DesiredEntry,
  action: EntryAction,
  ctx: EntryWriteContext,
): Promise<void> {
  const { recorder, file } = ctx
  const { id, contentTypeId: type } = desired
  const fail = (message: string) => {
    recorder.entryFailed(file, type, id, message)
    ctx.failed()
  }
  switch (action.type) {
    case 'failed':
      return fail(action.reason)
    case 'conflict':
      recorder.conflict(file, type, id, action.reason, true)
      ctx.raise('conflicts')
      return
    case 'unchanged':
      recorder.entryCounted(type, 'unchanged')
      // Written by a run that was cut short before it published.
      if (action.publishVersion !== null) {
        ctx.raise('updated')
        ctx.publish({ linkType: 'Entry', id, version: action.publishVersion })
        recorder.change({ action: 'publish', type, id, file })
      }
      return
  }
  const isCreate = action.type === 'create'
  const change: PlannedChange = { action: isCreate ? 'create' : 'update', type, id, file }
  if (action.type === 'update' && action.overwritesEdit)
    change.reason = 'overwrites a change made in the CMS (--force)'
  recorder.change(change)
  const written = () => {
    recorder.entryCounted(type, isCreate ? 'created' : 'updated')
    ctx.raise(isCreate && TOP_LEVEL_TYPES.has(type) ? 'created' : 'updated')
  }
  if (recorder.dryRun) return written()
  try {
    const input = { id, contentTypeId: type, fields: desired.fields }
    const record: EntryRecord =
      action.type === 'update'
        ? await ctx.writer.putEntry(input, action.version)
        : await ctx.writer.putEntry(input)
    written()
    ctx.publish({ linkType: 'Entry', id, version: record.sys.version })
  } catch (error) {
    if (error instanceof ConflictError && action.type === 'update') {
      recorder.conflict(file, type, id, `entry ${id} changed in the space during the sync`, false)
      ctx.raise('conflicts')
      return
    }
    fail(describeError(error))
  }
}
