// Everything the run says goes into its report through here, so each kind of event is counted and listed the
// same way wherever in the pipeline it happens.

import type { PublishItem } from '../backends/port.ts'
import type { DiagnosticId } from '../diagnostics/registry.ts'
import type { Article } from '../model/article.ts'
import type { SyncBase } from '../model/sync-base.ts'
import type { SyncedType } from './desired-state.ts'
import type { Orphan } from './orphans.ts'
import { emptyReport, type Outcome, type PlannedChange, type SyncReport } from './report.ts'

/** Who answers for an entry whose publish fails: its file, its type and, for an article, how it was counted. */
export interface Owner {
  file: string
  type: SyncedType
  outcome?: Outcome
}

/** The report row a page kind counts in. */
export type PageKind = Article['kind'] | 'menu'

export class ReportRecorder {
  readonly report: SyncReport

  constructor(source: string, space: string, dryRun: boolean) {
    this.report = emptyReport(source, space, dryRun)
  }

  get dryRun(): boolean {
    return this.report.dryRun
  }

  /** Reports an article's fatal diagnostics and fails it; false (nothing reported) when it has none. */
  fatal(article: Article): boolean {
    const fatal = article.diagnostics.filter((d) => d.severity === 'fatal')
    if (fatal.length === 0) return false
    const file = article.source
    for (const d of fatal) this.report.diagnostics.push({ file, ...d })
    const first = fatal[0]
    const place = first?.line != null ? `${file}:${first.line}:${first.column ?? 1}` : file
    this.articleFailed(file, article.kind, `${place}: ${first?.message ?? 'cannot parse'}`)
    return true
  }

  /** A page that could not even be planned (bad slug, unreadable): counted failed, no entry named. */
  articleFailed(file: string, kind: PageKind, message: string): void {
    this.report.failed.push({ file, id: null, message })
    this.row(kind).failed++
  }

  skipped(file: string, kind: PageKind, reason: string): void {
    this.report.skipped.push({ file, kind, reason })
    this.row(kind).skipped++
  }

  /** The report row of a page kind. */
  row(kind: PageKind) {
    if (kind === 'other') return this.report.pages
    if (kind === 'redirect') return this.report.redirects
    if (kind === 'menu') return this.report.menu
    return this.report.articles
  }

  linksCounted(links: { resolved: number; unresolved: number }): void {
    this.report.links.resolved += links.resolved
    this.report.links.unresolved += links.unresolved
  }

  warning(file: string, ruleId: DiagnosticId, message: string, at: Place = NOWHERE): void {
    this.report.diagnostics.push({ file, ...at, severity: 'warning', ruleId, message })
  }

  missingImage(file: string, at: Place, reason: string): void {
    this.report.assets.missingImages++
    this.warning(file, 'sync-image-missing', `${reason}; the page is synced without the image`, at)
  }

  assetReused(): void {
    this.report.assets.reused++
  }

  assetUploaded(id: string): void {
    this.report.assets.uploaded++
    this.change({ action: 'upload', type: 'asset', id, file: null })
  }

  /** An article that fails as a whole because one of its assets could not be made. */
  assetFailed(file: string, assetId: string, message: string): void {
    this.report.failed.push({ file, id: assetId, message: `asset upload failed: ${message}` })
  }

  change(change: PlannedChange): void {
    this.report.changes.push(change)
  }

  entryCounted(type: SyncedType, outcome: Outcome): void {
    this.report.entries[type][outcome]++
  }

  entryFailed(file: string, type: SyncedType, id: string, message: string): void {
    this.entryCounted(type, 'failed')
    this.report.failed.push({ file, id, message })
    this.change({ action: 'failed', type, id, file, reason: message })
  }

  /**
   * Fields both the Markdown and the CMS changed, differently: the CMS value stays. `listed` also puts it in the
   * changeset (found while planning, not by a write that lost a race).
   */
  conflict(
    file: string,
    type: SyncedType,
    id: string,
    fields: string[],
    reason: string,
    listed: boolean,
  ): void {
    this.entryCounted(type, 'conflicts')
    this.report.conflicts.push({ id, type, file, fields, reason })
    if (listed) this.change({ action: 'conflict', type, id, file, reason })
  }

  /** Fields changed in the CMS only: the editor's values stay, and the sync says so. */
  kept(file: string, type: SyncedType, id: string, fields: string[]): void {
    this.report.kept.push({ id, type, file, fields })
  }

  /** A page left unparsed (see unchanged-pages.ts): it and its children count as unchanged. */
  unparsed(type: SyncedType, children: SyncBase['children']): void {
    this.report.unparsed++
    this.articleCounted('unchanged', kindOfType(type))
    this.report.entries[type].unchanged++
    const resolutions = children?.resolutions ?? []
    this.report.entries.resolution.unchanged += resolutions.length
    this.report.entries.resolutionStep.unchanged += resolutions.reduce(
      (n, r) => n + (r.steps?.length ?? 0),
      0,
    )
    this.report.entries.note.unchanged += children?.notes.length ?? 0
  }

  articleCounted(outcome: Outcome, kind: PageKind = 'troubleshooting'): void {
    this.row(kind)[outcome]++
  }

  publishFailed(item: PublishItem, owner: Owner | undefined, message: string): void {
    this.report.failed.push({ file: owner?.file ?? '', id: item.id, message: `publish failed: ${message}` })
    if (owner) this.report.entries[owner.type].failed++
    if (owner?.outcome) {
      const row = this.row(kindOfType(owner.type))
      row[owner.outcome]--
      row.failed++
    }
  }

  orphan(o: Orphan): void {
    this.report.orphans.push(o)
    if (o.type === 'troubleshootingArticle' || o.type === 'page' || o.type === 'redirect')
      this.row(kindOfType(o.type)).orphans++
    this.change({ action: o.pruned ? 'prune' : 'orphan', type: o.type, id: o.id, file: o.sourcePath })
  }

  finish(writes: number): SyncReport {
    this.report.writes = writes
    return this.report
  }
}

function kindOfType(type: SyncedType): PageKind {
  if (type === 'page') return 'other'
  if (type === 'redirect') return 'redirect'
  if (type === 'navigationMenu') return 'menu'
  return 'troubleshooting'
}

interface Place {
  line: number | null
  column: number | null
}

const NOWHERE: Place = { line: null, column: null }
