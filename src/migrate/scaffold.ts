// `migrate new <name>`: the source of a new migration file. When the live model differs from content-types/,
// the file already holds the operations that close the difference, written out in full (a migration must not
// import content-types/: it has to keep doing what it did when it was applied, whatever the model becomes).
import type { Control } from '../model/contentful-types.ts'
import type { ContentTypeDefinition, FieldDefinition } from '../model/define-content-type.ts'
import type { Difference } from '../model/model-diff.ts'

/** `NNNN-name.ts`: the next number after the existing files. */
export function nextMigrationFileName(existing: string[], name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (!slug) throw new UsageError(`migration name ${JSON.stringify(name)} has no letters or digits`)
  const last = existing.map((f) => Number.parseInt(f.slice(0, 4), 10)).filter(Number.isFinite)
  const next = (last.length > 0 ? Math.max(...last) : 0) + 1
  return `${String(next).padStart(4, '0')}-${slug}.ts`
}

export class UsageError extends Error {
  override name = 'UsageError'
}

/** `importPath`: where the migration imports defineMigration from (relative to the migrations folder). */
export function scaffoldMigration(
  description: string,
  diffs: Difference[],
  desired: readonly ContentTypeDefinition[],
  importPath = '../src/model/define-migration.ts',
): string {
  const body = closingStatements(diffs, desired)
  const up =
    body.length > 0
      ? body.join('\n')
      : [
          '// The live model matches content-types/. Declare the operations here, e.g.',
          "// m.editContentType('troubleshootingArticle').createField({ id, name, type, widget, helpText })",
        ].join('\n')
  return [
    `import { defineMigration } from ${quote(importPath)}`,
    '',
    'export default defineMigration({',
    `  description: ${literal(description, 2)},`,
    '  up: (m) => {',
    indent(up, 4),
    '  },',
    '})',
    '',
  ].join('\n')
}

/** Statements that turn the live model into content-types/, in an order the planner accepts. */
export function closingStatements(diffs: Difference[], desired: readonly ContentTypeDefinition[]): string[] {
  const out: string[] = []
  const defs = new Map(desired.map((d) => [d.id, d]))
  const fieldDef = (ct: string, id: string) =>
    defs.get(ct)?.fields.find((f) => f.id === id) as FieldDefinition
  // Content types in model order (links point backwards), then the ones to delete.
  const order = [...desired.map((d) => d.id), ...diffs.map((d) => d.contentTypeId)]
  for (const ct of [...new Set(order)]) {
    const mine = diffs.filter((d) => d.contentTypeId === ct)
    if (mine.length === 0) continue
    const def = defs.get(ct)
    if (mine.some((d) => d.kind === 'missing content type') && def) {
      out.push(`m.createContentType(${literal(def, 0)})`)
      continue
    }
    if (mine.some((d) => d.kind === 'extra content type')) {
      out.push(`// ${ct} is not in content-types/. Deleting it fails while it has entries.`)
      out.push(`m.deleteContentType(${literal(ct, 0)})`)
      continue
    }
    const typeChanges: Record<string, unknown> = {}
    for (const d of mine.filter((d) => d.kind === 'content type'))
      typeChanges[d.property as string] = d.expected
    const chain: string[] = []
    for (const d of mine) {
      const id = d.fieldId as string
      if (d.kind === 'missing field') chain.push(`.createField(${literal(fieldDef(ct, id), 1)})`)
      if (d.kind === 'extra field') chain.push(`.deleteField(${literal(id, 0)})`)
      if (d.kind === 'field type') {
        out.push(
          `// ${ct}.${id}: the API cannot change a field's type (${d.actual} → ${d.expected}) in place.`,
        )
        out.push(
          '// Create a field under a new id, move the values with m.transformEntries, delete the old one.',
        )
      }
    }
    const fieldChanges = new Map<string, Record<string, unknown>>()
    for (const d of mine.filter((d) => d.kind === 'field')) {
      const changes = fieldChanges.get(d.fieldId as string) ?? {}
      changes[d.property as string] = d.expected
      fieldChanges.set(d.fieldId as string, changes)
    }
    for (const [id, changes] of fieldChanges)
      chain.push(`.editField(${literal(id, 0)}, ${literal(changes, 1)})`)
    if (def) chain.push(...fieldMoves(def, mine))
    const hasTypeChanges = Object.keys(typeChanges).length > 0
    if (chain.length > 0 || hasTypeChanges) {
      const args = hasTypeChanges ? `${literal(ct, 0)}, ${literal(typeChanges, 0)}` : literal(ct, 0)
      out.push(`m.editContentType(${args})${chain.length > 0 ? `\n  ${chain.join('\n  ')}` : ''}`)
    }
    for (const d of mine.filter((d) => d.kind === 'editor')) {
      const c = d.expected as Control
      out.push(
        `m.changeEditorInterface(${[ct, c.fieldId, c.widgetId, c.settings ?? {}].map((v) => literal(v, 0)).join(', ')})`,
      )
    }
  }
  return out
}

/**
 * `.moveField` calls that put the fields in the order of content-types/, given that created fields land at the
 * end and deleted ones leave.
 */
function fieldMoves(def: ContentTypeDefinition, diffs: Difference[]): string[] {
  const desired = def.fields.map((f) => f.id)
  const missing = diffs.filter((d) => d.kind === 'missing field').map((d) => d.fieldId as string)
  const order = diffs.find((d) => d.kind === 'field order')
  const existing = order ? (order.actual as string[]) : desired.filter((id) => !missing.includes(id))
  const current = [...existing, ...desired.filter((id) => missing.includes(id))]
  const moves: string[] = []
  desired.forEach((id, i) => {
    if (current[i] === id) return
    current.splice(current.indexOf(id), 1)
    current.splice(i, 0, id)
    const position = i === 0 ? 'first' : { after: desired[i - 1] }
    moves.push(`.moveField(${literal(id, 0)}, ${literal(position, 0)})`)
  })
  return moves
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces)
  return text
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n')
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

function quote(s: string): string {
  // Single quotes, as the project formats them; double quotes when that saves escapes.
  const q = s.includes("'") && !s.includes('"') ? '"' : "'"
  const escaped = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(new RegExp(q, 'g'), `\\${q}`)
  return q + escaped + q
}

/** A TypeScript literal of a JSON-like value, laid out close to the project's formatter (width 110). */
export function literal(value: unknown, level: number): string {
  if (typeof value === 'string') return quote(value)
  if (value === null || typeof value !== 'object') return String(value)
  const pad = '  '.repeat(level + 1)
  const close = '  '.repeat(level)
  const parts = Array.isArray(value)
    ? value.map((v) => literal(v, level + 1))
    : Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${IDENTIFIER.test(k) ? k : quote(k)}: ${literal(v, level + 1)}`)
  const [open, end] = Array.isArray(value) ? ['[', ']'] : ['{', '}']
  if (parts.length === 0) return `${open}${end}`
  const inline = Array.isArray(value) ? `[${parts.join(', ')}]` : `{ ${parts.join(', ')} }`
  if (!inline.includes('\n') && inline.length + level * 2 <= 80) return inline
  return `${open}\n${parts.map((p) => `${pad}${p},`).join('\n')}\n${close}${end}`
}
