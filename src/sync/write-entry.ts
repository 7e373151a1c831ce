// One planned entry → what the run does with it: writes it (or, in a dry run, says it would), leaves it, and
// reports the fields it kept for the CMS and the ones in conflict. Children are written before parents by the
// caller (see sync-chunk.ts).
import type { PublishItem } from '../backends/port.ts'
import { ConflictError } from '../backends/port.ts'
import type { EntryRecord } from '../model/contentful-types.ts'
import { type EntryAction, type FieldMerge, hasOthersDraft } from './changeset.ts'
import { describeError } from './describe-error.ts'
import type { DesiredEntry, SyncedType } from './desired-state.ts'
import type { Outcome, PlannedChange } from './report.ts'
import type { ReportRecorder } from './report-recorder.ts'
import { type CountingWriter, PlanAgain } from './writer.ts'

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
  existing: EntryRecord | undefined,
  ctx: EntryWriteContext,
): Promise<void> {
  const { recorder, file } = ctx
  const { id, contentTypeId: type } = desired
  if (action.type === 'failed') {
    recorder.entryFailed(file, type, id, action.reason)
    ctx.failed()
    return
  }
  const merge = action.type === 'create' ? null : action.merge
  if (merge) reportMerge(desired, merge, ctx)
  if (action.type === 'unchanged') {
    if (merge?.conflicts.length === 0) recorder.entryCounted(type, 'unchanged')
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
  if (merge && merge.forced.length > 0)
    change.reason = `overwrites ${merge.forced.join(', ')} as changed in the CMS (--force)`
  recorder.change(change)
  const written = () => {
    if (merge?.conflicts.length === 0 || isCreate)
      recorder.entryCounted(type, isCreate ? 'created' : 'updated')
    ctx.raise(isCreate && TOP_LEVEL_TYPES.has(type) ? 'created' : 'updated')
  }
  if (recorder.dryRun) return written()
  try {
    const input = { id, contentTypeId: type, fields: action.fields }
    const record: EntryRecord =
      action.type === 'update'
        ? await ctx.writer.putEntry(input, action.version)
        : await ctx.writer.putEntry(input)
    written()
    // Someone's unpublished draft is theirs to publish: kb-cms writes its fields beside it and leaves it so,
    // unless --force overwrote their change here.
    if (hasOthersDraft(existing) && !merge?.forced.length)
      recorder.warning(
        file,
        'sync-draft-left',
        `${type} ${id} has unpublished changes made in the CMS; kb-cms wrote its fields and left it unpublished`,
      )
    else ctx.publish({ linkType: 'Entry', id, version: record.sys.version })
  } catch (error) {
    if (error instanceof PlanAgain) throw error
    if (error instanceof ConflictError && action.type === 'update') {
      recorder.conflict(file, type, id, [], `entry ${id} changed in the space during the sync`, false)
      ctx.raise('conflicts')
      return
    }
    recorder.entryFailed(file, type, id, describeError(error))
    ctx.failed()
  }
}

function reportMerge(desired: DesiredEntry, merge: FieldMerge, ctx: EntryWriteContext): void {
  const { id, contentTypeId: type } = desired
  if (merge.kept.length > 0) ctx.recorder.kept(ctx.file, type, id, merge.kept)
  if (merge.conflicts.length === 0) return
  const reason = merge.noBase
    ? `kb-cms has no record of writing ${merge.conflicts.join(', ')}, which differ from the Markdown`
    : `${merge.conflicts.join(', ')} changed both in the Markdown and in the CMS`
  ctx.recorder.conflict(ctx.file, type, id, merge.conflicts, reason, true)
  ctx.raise('conflicts')
}
