// `{{ name }}` (mkdocs-macros) variable names used anywhere in the file, sorted and unique.
const VARIABLE = /\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g

export function variableNames(source: string): string[] {
  const names = new Set<string>()
  for (const m of source.matchAll(VARIABLE)) if (m[1]) names.add(m[1])
  return [...names].sort()
}
