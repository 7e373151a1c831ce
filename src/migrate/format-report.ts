// How `migrate` talks: a readable plan and progress on a terminal; one stable `key value` line per fact when
// piped or in CI (easy to grep, no decoration); --json is handled by the CLI and prints none of these.
import { describeDifference } from '../model/model-diff.ts'
import type { PlanSummary, RunEvent, RunReport } from './run-migrations.ts'
import type { StatusReport } from './status.ts'

export type Style = 'tty' | 'plain'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export function formatPlan(plans: PlanSummary[], style: Style): string[] {
  if (style === 'plain') {
    return plans.flatMap((p) => [
      `plan ${p.name} writes=${p.writes}`,
      ...p.steps.map((s) => `plan ${p.name} ${s.status} ${s.operation}${s.detail ? ` (${s.detail})` : ''}`),
    ])
  }
  const lines = [`Plan: ${plural(plans.length, 'pending migration')}`]
  for (const p of plans) {
    lines.push('', `  ${p.name}  ${p.description}`)
    for (const s of p.steps) {
      const mark = s.status === 'apply' ? '+' : '='
      const note = s.status === 'noop' ? ` (${s.detail ?? 'already done'})` : s.detail ? ` (${s.detail})` : ''
      lines.push(`    ${mark} ${s.operation}${note}`)
    }
    lines.push(`    ${plural(p.writes, 'write')}`)
  }
  return lines
}

/** A progress line for an event, or null when the style stays quiet about it. */
export function formatEvent(event: RunEvent, style: Style): string[] {
  switch (event.type) {
    case 'waiting':
      return [
        style === 'tty' ? `Waiting for the lock held by ${event.holder} …` : `waiting lock=${event.holder}`,
      ]
    case 'took-over':
      return [
        style === 'tty'
          ? `Took over the lock of ${event.holder}: that process no longer exists.`
          : `took-over lock=${event.holder}`,
      ]
    case 'planned':
      return formatPlan(event.plans, style)
    case 'applied':
      return [
        style === 'tty'
          ? `✔ applied ${event.name} (${plural(event.writes, 'write')}, ${event.ms} ms)`
          : `applied ${event.name} writes=${event.writes} ms=${event.ms}`,
      ]
  }
}

export function formatRunSummary(report: RunReport, style: Style): string {
  const total = report.alreadyApplied + report.applied.length
  if (report.dryRun) {
    if (report.plans.length === 0) {
      return style === 'tty'
        ? `Nothing to do: ${report.space} is up to date (${plural(total, 'migration')} applied).`
        : `up-to-date applied=${total}`
    }
    return style === 'tty'
      ? `Dry run: nothing was written to ${report.space}.`
      : `dry-run pending=${report.plans.length} writes=${report.plans.reduce((n, p) => n + p.writes, 0)}`
  }
  if (report.applied.length === 0) {
    return style === 'tty'
      ? `Nothing to do: ${report.space} is up to date (${plural(total, 'migration')} applied).`
      : `up-to-date applied=${total}`
  }
  return style === 'tty'
    ? `Done: ${plural(report.applied.length, 'migration')} applied to ${report.space}.`
    : `done applied=${report.applied.length} total=${total}`
}

export function formatStatus(status: StatusReport, style: Style): string[] {
  if (style === 'plain') {
    return [
      ...status.applied.map((r) => `applied ${r.name} at=${r.appliedAt}`),
      ...status.pending.map((n) => `pending ${n}`),
      ...status.drift.map((d) => `drift ${describeDifference(d)}`),
    ]
  }
  const lines = [`Space: ${status.space}`, '', `Applied (${status.applied.length}):`]
  for (const r of status.applied) lines.push(`  ${r.name}  ${r.appliedAt}`)
  lines.push('', `Pending (${status.pending.length}):`)
  for (const n of status.pending) lines.push(`  ${n}`)
  lines.push('', status.drift.length === 0 ? 'Drift: none' : `Drift (${status.drift.length}):`)
  for (const d of status.drift) lines.push(`  ${describeDifference(d)}`)
  return lines
}
