// The run's outcome as data (`--json`) and as the summary table a person reads at the end of a run.
import type { SyncedType } from './desired-state.ts'

export type Outcome = 'created' | 'updated' | 'unchanged' | 'conflicts' | 'failed'
export type Counts = Record<Outcome, number>

export interface SyncDiagnostic {
  file: string
  line: number | null
  column: number | null
  severity: 'fatal' | 'error' | 'warning' | 'info'
  ruleId: string
  message: string
}

export interface PlannedChange {
  action: 'create' | 'update' | 'publish' | 'conflict' | 'upload' | 'orphan' | 'prune' | 'failed'
  type: SyncedType | 'asset'
  id: string
  file: string | null
  reason?: string
}

export interface SyncReport {
  source: string
  space: string
  dryRun: boolean
  articles: Counts & { orphans: number; skipped: number }
  entries: Record<SyncedType, Counts>
  assets: { uploaded: number; reused: number; missingImages: number }
  /** Write requests' entities: every put, every published, unpublished or archived entity. Zero on a no-op run. */
  writes: number
  skipped: { file: string; kind: string }[]
  conflicts: { id: string; type: string; file: string; reason: string }[]
  orphans: { id: string; type: SyncedType; sourcePath: string | null; pruned: boolean }[]
  failed: { file: string; id: string | null; message: string }[]
  diagnostics: SyncDiagnostic[]
  /** In a dry run, every write the run would make; otherwise every write it made. */
  changes: PlannedChange[]
}

export const SYNCED_TYPES: SyncedType[] = [
  'troubleshootingArticle',
  'resolution',
  'resolutionStep',
  'note',
  'ctaBanner',
]

export function zeroCounts(): Counts {
  return { created: 0, updated: 0, unchanged: 0, conflicts: 0, failed: 0 }
}

export function emptyReport(source: string, space: string, dryRun: boolean): SyncReport {
  const entries = Object.fromEntries(SYNCED_TYPES.map((t) => [t, zeroCounts()])) as Record<SyncedType, Counts>
  return {
    source,
    space,
    dryRun,
    articles: { ...zeroCounts(), orphans: 0, skipped: 0 },
    entries,
    assets: { uploaded: 0, reused: 0, missingImages: 0 },
    writes: 0,
    skipped: [],
    conflicts: [],
    orphans: [],
    failed: [],
    diagnostics: [],
    changes: [],
  }
}

export function formatDiagnostic(d: SyncDiagnostic): string {
  const place = d.line === null ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`
  return `${place}  ${d.severity}  ${d.message}  ${d.ruleId}`
}

/** The table printed at the end of a run; dry runs say what would happen. */
export function formatSummary(report: SyncReport): string {
  const cols = ['created', 'updated', 'unchanged', 'conflicts', 'orphans', 'skipped', 'failed'] as const
  const orphansOf = (type: string) => report.orphans.filter((o) => o.type === type).length
  const rows: [string, ...(number | string)[]][] = [
    ['articles', ...cols.map((c) => report.articles[c])],
    ...SYNCED_TYPES.map((t): [string, ...(number | string)[]] => {
      const c = report.entries[t]
      return [`  ${t}`, c.created, c.updated, c.unchanged, c.conflicts, orphansOf(t), '', c.failed]
    }),
  ]
  const header = ['', ...cols]
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
  const line = (cells: (string | number)[]) =>
    cells
      .map((c, i) => (i === 0 ? String(c).padEnd(widths[i] ?? 0) : String(c).padStart(widths[i] ?? 0)))
      .join('  ')
  const title = report.dryRun
    ? `sync plan (dry run, nothing written): ${report.space}`
    : `sync: ${report.space}`
  return [
    title,
    line(header),
    ...rows.map(line),
    `assets: ${report.assets.uploaded} ${report.dryRun ? 'to upload' : 'uploaded'}, ${report.assets.reused} reused, ${report.assets.missingImages} missing images`,
    ...formatSkipped(report.skipped),
    `writes: ${report.writes}`,
  ].join('\n')
}

const SKIP_REASONS: Record<string, string> = {
  redirect: 'redirect stubs',
  other: 'not troubleshooting articles (how-tos, overviews)',
}
const NAMED_PER_REASON = 10

/** One line per reason: `skipped, redirect stubs (2): old.md, moved.md`; long lists end with how many more. */
export function formatSkipped(skipped: SyncReport['skipped']): string[] {
  const byReason = new Map<string, string[]>()
  for (const s of skipped) byReason.set(s.kind, [...(byReason.get(s.kind) ?? []), s.file])
  return [...byReason].map(([kind, files]) => {
    const named = files.slice(0, NAMED_PER_REASON).join(', ')
    const more =
      files.length > NAMED_PER_REASON
        ? `, and ${files.length - NAMED_PER_REASON} more (--json lists all)`
        : ''
    return `skipped, ${SKIP_REASONS[kind] ?? `kind "${kind}"`} (${files.length}): ${named}${more}`
  })
}
