// The run's outcome as data (`--json`) and as the summary table a person reads at the end of a run: one row per
// page kind (articles, pages, redirects, the menu), one per entry type, and every skipped file with its reason.
import type { DiagnosticId } from '../diagnostics/registry.ts'
import type { SyncedType } from './desired-state.ts'

export type Outcome = 'created' | 'updated' | 'unchanged' | 'conflicts' | 'failed'
export type Counts = Record<Outcome, number>

export interface SyncDiagnostic {
  file: string
  line: number | null
  column: number | null
  severity: 'fatal' | 'error' | 'warning' | 'info'
  ruleId: DiagnosticId
  message: string
}

export interface PlannedChange {
  action: 'create' | 'update' | 'publish' | 'conflict' | 'upload' | 'orphan' | 'prune' | 'failed'
  type: SyncedType | 'asset'
  id: string
  file: string | null
  reason?: string
}

/** How the files of one page kind (and the menu) fared. */
export type KindCounts = Counts & { orphans: number; skipped: number }

export interface SyncReport {
  source: string
  space: string
  dryRun: boolean
  /** Troubleshooting articles. */
  articles: KindCounts
  /** General pages (how-tos, guides, overviews, FAQs, landing pages, the home page). */
  pages: KindCounts
  redirects: KindCounts
  /** The navigation menu from mkdocs.yml `nav` (0 or 1), and its items. */
  menu: KindCounts & { items: number; missing: number }
  /** Links from one page to another: resolved to an entry link, or kept as written (and warned about). */
  links: { resolved: number; unresolved: number }
  entries: Record<SyncedType, Counts>
  assets: { uploaded: number; reused: number; missingImages: number }
  /** Pages whose file, variables, code, links and images were unchanged since they landed: not even parsed. */
  unparsed: number
  /** Write requests' entities: every put, every published, unpublished or archived entity. Zero on a no-op run. */
  writes: number
  skipped: { file: string; kind: string; reason: string }[]
  /** Fields both sides changed, differently; the CMS value stays (unless --force). */
  conflicts: { id: string; type: string; file: string; fields: string[]; reason: string }[]
  /** Fields changed in the CMS only: the editor's value stays. */
  kept: { id: string; type: string; file: string; fields: string[] }[]
  /** Entries whose source is gone; `kept` says why --prune left one. */
  orphans: { id: string; type: SyncedType; sourcePath: string | null; pruned: boolean; kept?: string }[]
  failed: { file: string; id: string | null; message: string }[]
  diagnostics: SyncDiagnostic[]
  /** In a dry run, every write the run would make; otherwise every write it made. */
  changes: PlannedChange[]
}

export const SYNCED_TYPES: SyncedType[] = [
  'troubleshootingArticle',
  'page',
  'redirect',
  'navigationMenu',
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
    pages: { ...zeroCounts(), orphans: 0, skipped: 0 },
    redirects: { ...zeroCounts(), orphans: 0, skipped: 0 },
    menu: { ...zeroCounts(), orphans: 0, skipped: 0, items: 0, missing: 0 },
    links: { resolved: 0, unresolved: 0 },
    entries,
    assets: { uploaded: 0, reused: 0, missingImages: 0 },
    unparsed: 0,
    writes: 0,
    skipped: [],
    conflicts: [],
    kept: [],
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
    ['pages', ...cols.map((c) => report.pages[c])],
    ['redirects', ...cols.map((c) => report.redirects[c])],
    ['menu', ...cols.map((c) => report.menu[c])],
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
    `links: ${report.links.resolved} resolved to entries, ${report.links.unresolved} unresolved`,
    `menu: ${report.menu.items} items, ${report.menu.missing} naming a missing file`,
    `editors' changes kept: ${report.kept.reduce((n, k) => n + k.fields.length, 0)} fields in ${report.kept.length} entries; ` +
      `pages left unparsed (unchanged since they landed): ${report.unparsed}`,
    ...report.skipped.map((s) => `skipped: ${s.file} (${s.kind}): ${s.reason}`),
    `writes: ${report.writes}`,
  ].join('\n')
}
