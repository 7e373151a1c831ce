// Values for `{{ name }}` variables, from a plain YAML map or from the `extra:` block of an mkdocs.yml.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { isMap, isScalar, LineCounter, parseDocument, type YAMLMap } from 'yaml'

/** A vars file that cannot be used; `line`/`column` point at the problem (1-based). */
export class VariablesError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`)
    this.name = 'VariablesError'
  }
}

/** Reads and parses a vars file; throws VariablesError (with 1:1 when the file cannot be read). */
export function loadVariables(path: string): Record<string, string> {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO'
    throw new VariablesError(path, 1, 1, `cannot read vars file (${code})`)
  }
  return parseVariables(path, text)
}

/**
 * Pure: `path` only names the file in errors and tells an mkdocs.yml apart (by its name, or by a top-level
 * `site_name`, the one key MkDocs requires).
 */
export function parseVariables(path: string, text: string): Record<string, string> {
  const lines = new LineCounter()
  // The failsafe schema keeps every scalar exactly as written ("3.0" stays "3.0", "false" stays "false"), which
  // is what mkdocs-macros prints; it also turns unknown tags such as `!!python/name:` into warnings, not errors.
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lines, prettyErrors: false })
  const at = (offset: number | undefined) => lines.linePos(offset ?? 0)
  const fail = (offset: number | undefined, reason: string): never => {
    const { line, col } = at(offset)
    throw new VariablesError(path, line, col, reason)
  }

  const firstError = doc.errors[0]
  if (firstError) fail(firstError.pos[0], firstError.message)
  const root = doc.contents
  if (root === null) return {}
  if (!isMap(root)) return fail(root.range?.[0], 'expected a map of variable names to values')

  const mkdocs = /^mkdocs\.ya?ml$/i.test(basename(path)) || root.has('site_name')
  if (!mkdocs) return scalarEntries(root)
  const extra = root.get('extra', true)
  if (extra === undefined || extra === null || (isScalar(extra) && String(extra.value ?? '') === ''))
    return {}
  if (!isMap(extra)) return fail(extra.range?.[0], '`extra:` in mkdocs.yml must be a map')
  return scalarEntries(extra)
}

// Lists and maps (mkdocs' `extra.social`, say) cannot stand in for a `{{ name }}`, so they are left out; an
// empty value (`name:`) is left out too, so the token stays verbatim and visible instead of vanishing.
function scalarEntries(map: YAMLMap): Record<string, string> {
  const entries: [string, string][] = []
  for (const pair of map.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value)) continue
    const value = String(pair.value.value ?? '')
    if (value !== '') entries.push([String(pair.key.value), value])
  }
  // fromEntries defines own properties, so a key like `__proto__` cannot reach the prototype.
  return Object.fromEntries(entries)
}
