// Diagnostics checked against the registry (src/diagnostics/registry.ts), for the tests that parse many pages.
import { DIAGNOSTICS, isDiagnosticId } from '../../src/diagnostics/registry.ts'
import type { Article } from '../../src/model/article.ts'

/** Problems as sentences: an id outside the registry, or a severity other than the registry's. */
export function registryProblems(articles: Article[]): string[] {
  const problems: string[] = []
  for (const a of articles)
    for (const d of a.diagnostics) {
      const where = `${a.source}:${d.line ?? '?'}:${d.column ?? '?'}`
      if (!isDiagnosticId(d.ruleId))
        problems.push(`${where}: ${d.ruleId} is not in the registry (${d.message})`)
      else if (DIAGNOSTICS[d.ruleId].severity !== d.severity)
        problems.push(
          `${where}: ${d.ruleId} is ${d.severity}, the registry says ${DIAGNOSTICS[d.ruleId].severity}`,
        )
    }
  return problems
}
