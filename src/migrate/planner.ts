// Turns a migration's operations into ModelWrites against a model state, with no I/O. Each operation is
// applied to a working copy so later operations (and later migrations) see its effect; an operation the space
// already satisfies becomes a no-op, which makes a re-run idempotent. Any invalid operation throws a PlanError
// before the caller has written anything.
import type { ModelSnapshot, ModelWrite } from '../backends/port.ts'
import type { ContentType, Control, EditorInterface, EntryRecord, Field } from '../model/contentful-types.ts'
import { DEFAULT_LOCALE } from '../model/contentful-types.ts'
import {
  checkContentType,
  checkContentTypeShape,
  toContentType,
  toControl,
  toControls,
  toField,
} from '../model/define-content-type.ts'
import { describeOperation, type Operation } from '../model/define-migration.ts'
import { checkField, checkIdentifier, checkWidget, FIELD_ID } from '../model/field-rules.ts'
import { mergeControls, sameContentType, sameJson } from '../model/normalize.ts'
import {
  BASE_FIELD,
  latestIsKbCms,
  plainValues,
  readBase,
  renewBase,
  type SyncBase,
} from '../model/sync-base.ts'

/** The model as the planner sees it, evolving operation by operation. */
export interface ModelState {
  contentTypes: Map<string, { draft: ContentType; activeInSync: boolean }>
  editorInterfaces: Map<string, EditorInterface>
  /** Entries of the content types a migration transforms or deletes, when the runner fetched them. */
  entries: Map<string, EntryRecord[]>
}

export interface PlannedStep {
  operation: string
  /** `apply` writes something; `noop` is already satisfied by the space. */
  status: 'apply' | 'noop'
  detail?: string
  writes: number
}

export interface MigrationPlan {
  name: string
  steps: PlannedStep[]
  writes: ModelWrite[]
}

export class PlanError extends Error {
  override name = 'PlanError'
  constructor(
    readonly file: string,
    readonly operation: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${operation}: ${problems.join('; ')}`)
  }
}

export function stateFromSnapshot(
  snapshot: ModelSnapshot,
  entries = new Map<string, EntryRecord[]>(),
): ModelState {
  return {
    contentTypes: new Map(
      snapshot.contentTypes.map((r) => [
        r.sys.id,
        {
          draft: structuredClone(r.contentType),
          activeInSync: r.active !== null && sameContentType(r.contentType, r.active),
        },
      ]),
    ),
    editorInterfaces: new Map(
      snapshot.editorInterfaces.map((r) => [r.sys.contentType.sys.id, structuredClone(r.editorInterface)]),
    ),
    entries,
  }
}

/** The state as a snapshot again (sys fields are placeholders: nothing was written). */
export function snapshotFromState(state: ModelState): ModelSnapshot {
  const sys = { version: 0, createdAt: '', updatedAt: '' }
  return {
    contentTypes: [...state.contentTypes.values()].map(({ draft }) => ({
      sys: { ...sys, id: draft.id, type: 'ContentType' as const },
      contentType: structuredClone(draft),
      active: structuredClone(draft),
    })),
    editorInterfaces: [...state.editorInterfaces].map(([id, editorInterface]) => ({
      sys: { ...sys, id, type: 'EditorInterface' as const, contentType: { sys: { id } } },
      editorInterface: structuredClone(editorInterface),
    })),
  }
}

/**
 * Content types whose entries the planner needs for these operations: transforms and deletions, and renamed or
 * deleted fields, whose entries get their sync base renewed.
 */
export function contentTypesNeedingEntries(ops: Operation[]): string[] {
  const ids = ops
    .filter((o) => ['transformEntries', 'deleteContentType', 'renameField', 'deleteField'].includes(o.op))
    .map((o) => (o as { contentTypeId: string }).contentTypeId)
  return [...new Set(ids)]
}

/**
 * Plans one migration against `state`, which it updates in place to the model after the migration.
 * `file` names the migration in errors.
 */
export function planMigration(
  name: string,
  file: string,
  ops: Operation[],
  state: ModelState,
): MigrationPlan {
  const plan: MigrationPlan = { name, steps: [], writes: [] }
  const createdHere = new Set<string>()
  // Fields this migration deletes: a transform reading one that is already gone ran in an earlier attempt whose
  // ledger row was never written (a remote space), so it is done.
  const deletedHere = new Set(
    ops.flatMap((o) => (o.op === 'deleteField' ? [`${o.contentTypeId}.${o.fieldId}`] : [])),
  )
  ops.forEach((op, index) => {
    const label = `operation ${index + 1} (${describeOperation(op)})`
    const fail = (...problems: string[]): never => {
      throw new PlanError(file, label, problems)
    }
    const before = plan.writes.length
    const detail = planOperation(op, state, plan.writes, { createdHere, deletedHere }, fail)
    const writes = plan.writes.length - before
    const step: PlannedStep = {
      operation: describeOperation(op),
      status: writes > 0 ? 'apply' : 'noop',
      writes,
    }
    if (detail) step.detail = detail
    plan.steps.push(step)
  })
  return plan
}

type Fail = (...problems: string[]) => never

function planOperation(
  op: Operation,
  state: ModelState,
  writes: ModelWrite[],
  here: { createdHere: Set<string>; deletedHere: Set<string> },
  fail: Fail,
): string | undefined {
  const { createdHere } = here
  const getType = (id: string) => state.contentTypes.get(id) ?? fail(`unknown content type ${id}`)
  const liveFields = (ct: ContentType) => ct.fields.filter((f) => !f.deleted)
  const getField = (ct: ContentType, id: string) =>
    liveFields(ct).find((f) => f.id === id) ?? fail(`unknown field ${ct.id}.${id}`)

  /** Saves (and activates) the content type when it differs from what the space has. */
  const save = (next: ContentType) => {
    const problems = [...checkContentTypeShape(next), ...checkLinks(next, state)]
    if (problems.length > 0) fail(...problems)
    const current = state.contentTypes.get(next.id)
    if (current?.activeInSync && sameContentType(current.draft, next)) return
    writes.push({ type: 'saveContentType', contentType: structuredClone(next) })
    // What the space holds after activation: renamed fields under their new id, deleted ones gone.
    const settled: ContentType = {
      ...next,
      fields: next.fields
        .filter((f) => !f.deleted)
        .map(({ newId, ...f }) => (newId ? { ...f, id: newId } : f)),
    }
    state.contentTypes.set(next.id, { draft: settled, activeInSync: true })
    // Entries follow the model as the API moves them: values move with a rename and go with a deleted field.
    const renamed = Object.fromEntries(
      next.fields.filter((f) => f.newId && !f.deleted).map((f) => [f.id, f.newId as string]),
    )
    const deleted = next.fields.filter((f) => f.deleted).map((f) => f.id)
    for (const e of state.entries.get(next.id) ?? []) {
      const before = plainValues(e.fields)
      let moved = false
      for (const f of next.fields) {
        const value = e.fields[f.id]
        if (value === undefined || !(f.deleted || f.newId)) continue
        delete e.fields[f.id]
        if (f.newId && !f.deleted) e.fields[f.newId] = value
        moved = true
      }
      const base = readBase(e.fields)
      if (!moved || !base || e.sys.archivedVersion !== undefined) continue
      const renewed = renewBase(base, before, plainValues(e.fields), { renamed, deleted })
      if (!sameJson(renewed, base)) renewEntryBase(next.id, e, renewed)
    }
  }
  /** kb-cms itself (this migration) moved an owned field: the entry's base follows, so no sync takes it for an editor's change. */
  const renewEntryBase = (contentTypeId: string, e: EntryRecord, base: SyncBase) => {
    e.fields[BASE_FIELD] = { [DEFAULT_LOCALE]: ownWrite(e, base) }
    writes.push({
      type: 'putEntry',
      entry: { id: e.sys.id, contentTypeId, fields: structuredClone(e.fields) },
      version: e.sys.version,
    })
    e.sys.version += 1
  }
  const saveControls = (contentTypeId: string, controls: Control[], remove: string[] = []) => {
    const live = state.editorInterfaces.get(contentTypeId)
    const next = mergeControls(live, controls, remove)
    if (live && sameJson(live, next)) return
    writes.push({ type: 'saveEditorInterface', contentTypeId, editorInterface: structuredClone(next) })
    state.editorInterfaces.set(contentTypeId, next)
  }

  switch (op.op) {
    case 'createContentType': {
      const def = op.contentType
      const problems = checkContentType(def)
      if (problems.length > 0) fail(...problems)
      const desired = toContentType(def)
      const current = state.contentTypes.get(def.id)
      if (current && !sameContentType(current.draft, desired)) {
        fail(`content type ${def.id} already exists and differs; change it with editContentType`)
      }
      for (const f of def.fields) createdHere.add(`${def.id}.${f.id}`)
      save(desired)
      saveControls(def.id, toControls(def))
      return current ? 'already exists' : undefined
    }
    case 'editContentType': {
      const { draft } = getType(op.contentTypeId)
      const next = { ...draft, ...op.changes }
      save(next)
      return undefined
    }
    case 'deleteContentType': {
      if (!state.contentTypes.has(op.contentTypeId)) return 'already absent'
      const entries = state.entries.get(op.contentTypeId)
      if (entries && entries.length > 0) {
        fail(
          `content type ${op.contentTypeId} still has ${entries.length} entries; delete or transform them first`,
        )
      }
      for (const [id, { draft }] of state.contentTypes) {
        if (id === op.contentTypeId) continue
        for (const f of liveFields(draft)) {
          if (linkTargets(f).includes(op.contentTypeId)) {
            fail(`field ${id}.${f.id} still links to ${op.contentTypeId}; change or delete it first`)
          }
        }
      }
      writes.push({ type: 'deleteContentType', id: op.contentTypeId })
      state.contentTypes.delete(op.contentTypeId)
      state.editorInterfaces.delete(op.contentTypeId)
      state.entries.delete(op.contentTypeId)
      return undefined
    }
    case 'createField': {
      const { draft } = getType(op.contentTypeId)
      const def = op.field
      const key = `${op.contentTypeId}.${def.id}`
      if (createdHere.has(key)) fail(`duplicate field id ${def.id}: this migration already creates it`)
      createdHere.add(key)
      const field = toField(def)
      const problems = checkFieldDefinition(field, def.widget.id, def.helpText)
      if (problems.length > 0) fail(...problems)
      const existing = liveFields(draft).find((f) => f.id === def.id)
      if (existing && !sameContentType({ ...draft, fields: [existing] }, { ...draft, fields: [field] })) {
        fail(`duplicate field id ${def.id}: ${op.contentTypeId} already has a different field ${def.id}`)
      }
      if (!existing) save({ ...draft, fields: [...draft.fields, field] })
      saveControls(op.contentTypeId, [toControl(def)])
      return existing ? 'already exists' : undefined
    }
    case 'editField': {
      const { draft } = getType(op.contentTypeId)
      const field = getField(draft, op.fieldId)
      const { itemValidations, ...changes } = op.changes
      const next: Field = { ...field, ...changes }
      if (itemValidations !== undefined) {
        if (!field.items)
          fail(`field ${op.contentTypeId}.${op.fieldId} is not a list: it has no item validations`)
        next.items = { ...field.items, validations: itemValidations }
      }
      if (changes.disabled === false) delete next.disabled
      if (changes.omitted === false) delete next.omitted
      save({ ...draft, fields: draft.fields.map((f) => (f === field ? next : f)) })
      return undefined
    }
    case 'renameField': {
      const { draft } = getType(op.contentTypeId)
      const idProblem = checkIdentifier(op.newId, FIELD_ID, 'new field id')
      if (idProblem) fail(idProblem)
      const fields = liveFields(draft)
      const field = fields.find((f) => f.id === op.fieldId)
      if (!field) {
        if (fields.some((f) => f.id === op.newId)) return 'already renamed'
        return fail(`unknown field ${op.contentTypeId}.${op.fieldId}`)
      }
      if (fields.some((f) => f.id === op.newId))
        fail(`duplicate field id ${op.newId}: the field already exists`)
      save({
        ...draft,
        displayField: draft.displayField === op.fieldId ? op.newId : draft.displayField,
        fields: draft.fields.map((f) => (f === field ? { ...f, newId: op.newId } : f)),
      })
      const control = state.editorInterfaces
        .get(op.contentTypeId)
        ?.controls.find((c) => c.fieldId === op.fieldId)
      if (control) saveControls(op.contentTypeId, [{ ...control, fieldId: op.newId }], [op.fieldId])
      return undefined
    }
    case 'omitField': {
      const { draft } = getType(op.contentTypeId)
      const field = getField(draft, op.fieldId)
      if (draft.displayField === op.fieldId) fail(`${op.fieldId} is the display field; choose another first`)
      save({ ...draft, fields: draft.fields.map((f) => (f === field ? { ...f, omitted: true } : f)) })
      return undefined
    }
    case 'deleteField': {
      const { draft } = getType(op.contentTypeId)
      const field = liveFields(draft).find((f) => f.id === op.fieldId)
      if (!field) return 'already absent'
      if (draft.displayField === op.fieldId) fail(`${op.fieldId} is the display field; choose another first`)
      // The API deletes a field in two activations: omitted first, then deleted.
      const omitted = { ...field, omitted: true }
      save({ ...draft, fields: draft.fields.map((f) => (f === field ? omitted : f)) })
      const after = getType(op.contentTypeId).draft
      save({
        ...after,
        fields: after.fields.map((f) => (f.id === op.fieldId ? { ...omitted, deleted: true } : f)),
      })
      saveControls(op.contentTypeId, [], [op.fieldId])
      return undefined
    }
    case 'moveField': {
      const { draft } = getType(op.contentTypeId)
      const field = getField(draft, op.fieldId)
      const rest = draft.fields.filter((f) => f !== field)
      let at = op.position === 'first' ? 0 : rest.length
      if (typeof op.position === 'object') {
        const anchorId = 'after' in op.position ? op.position.after : op.position.before
        const anchor = getField(draft, anchorId)
        if (anchor === field) fail(`cannot move ${op.fieldId} relative to itself`)
        at = rest.indexOf(anchor) + ('after' in op.position ? 1 : 0)
      }
      save({ ...draft, fields: [...rest.slice(0, at), field, ...rest.slice(at)] })
      return undefined
    }
    case 'changeEditorInterface': {
      const { draft } = getType(op.contentTypeId)
      const field = getField(draft, op.fieldId)
      const problem = checkWidget(field, op.widgetId)
      if (problem) fail(`field ${op.contentTypeId}.${op.fieldId}: ${problem}`)
      const control: Control = {
        fieldId: op.fieldId,
        widgetNamespace: 'builtin',
        widgetId: op.widgetId,
        settings: op.settings,
      }
      saveControls(op.contentTypeId, [control])
      return undefined
    }
    case 'transformEntries': {
      const { draft } = getType(op.contentTypeId)
      const gone = op.from.find(
        (id) =>
          here.deletedHere.has(`${op.contentTypeId}.${id}`) && !liveFields(draft).some((f) => f.id === id),
      )
      if (gone) return `already done (${gone} is deleted)`
      return planTransform(op, state, writes, getType, getField, fail)
    }
  }
}

function planTransform(
  op: Extract<Operation, { op: 'transformEntries' }>,
  state: ModelState,
  writes: ModelWrite[],
  getType: (id: string) => { draft: ContentType },
  getField: (ct: ContentType, id: string) => Field,
  fail: Fail,
): string {
  const { draft } = getType(op.contentTypeId)
  for (const id of [...op.from, ...op.to]) {
    if (getField(draft, id).omitted) fail(`field ${op.contentTypeId}.${id} is omitted`)
  }
  if (op.to.length === 0) fail('transformEntries needs at least one field in `to`')
  const entries = state.entries.get(op.contentTypeId)
  if (!entries) fail(`the entries of ${op.contentTypeId} were not loaded`)
  let changed = 0
  let archived = 0
  for (const [i, entry] of (entries ?? []).entries()) {
    if (entry.sys.archivedVersion !== undefined) {
      archived++
      continue
    }
    const from = Object.fromEntries(op.from.map((id) => [id, entry.fields[id]?.[DEFAULT_LOCALE]]))
    let result: Record<string, unknown> | undefined
    try {
      result = op.transform(structuredClone(from), { id: entry.sys.id, locale: DEFAULT_LOCALE })
    } catch (error) {
      fail(`transform threw on entry ${entry.sys.id}: ${(error as Error).message}`)
    }
    if (result === undefined) continue
    const unknown = Object.keys(result).filter((k) => !op.to.includes(k))
    if (unknown.length > 0) fail(`transform returned fields not in \`to\`: ${unknown.join(', ')}`)
    const fields = structuredClone(entry.fields)
    for (const id of op.to) {
      if (!(id in result)) continue
      const value = result[id]
      if (value === undefined || value === null) delete fields[id]
      else fields[id] = { ...(fields[id] ?? {}), [DEFAULT_LOCALE]: value }
    }
    if (sameJson(fields, entry.fields)) continue
    // A migration is kb-cms writing too: owned fields that still held what the sync wrote take the new values
    // as their base, so the next sync does not mistake the migration's change for an editor's.
    const base = readBase(entry.fields)
    const renewed = op.to.includes(BASE_FIELD)
      ? readBase(fields)
      : base && renewBase(base, plainValues(entry.fields), plainValues(fields))
    if (renewed) fields[BASE_FIELD] = { [DEFAULT_LOCALE]: ownWrite(entry, renewed, base) }
    writes.push({
      type: 'putEntry',
      entry: { id: entry.sys.id, contentTypeId: op.contentTypeId, fields },
      version: entry.sys.version,
    })
    const next = structuredClone(entry)
    next.fields = fields
    next.sys.version += 1
    ;(entries as EntryRecord[])[i] = next
    changed++
  }
  const total = entries?.length ?? 0
  return `${changed} of ${total} entries change${archived > 0 ? `, ${archived} archived skipped` : ''}`
}

function checkFieldDefinition(field: Field, widgetId: string, helpText: string): string[] {
  const problems = checkField(field).map((p) => `field ${field.id}: ${p}`)
  const widget = checkWidget(field, widgetId)
  if (widget) problems.push(`field ${field.id}: ${widget}`)
  if (!helpText?.trim()) problems.push(`field ${field.id}: help text is empty`)
  return problems
}

function linkTargets(field: Field): string[] {
  const validations = [...(field.validations ?? []), ...(field.items?.validations ?? [])]
  return validations.flatMap((v) => (Array.isArray(v.linkContentType) ? (v.linkContentType as string[]) : []))
}

/** Links must point at content types that exist (or at the content type itself). */
function checkLinks(contentType: ContentType, state: ModelState): string[] {
  return contentType.fields
    .filter((f) => !f.deleted)
    .flatMap((f) =>
      linkTargets(f)
        .filter((t) => t !== contentType.id && !state.contentTypes.has(t))
        .map((t) => `field ${f.id} links to unknown content type ${t}`),
    )
}

/**
 * The base a migration's write leaves: it is kb-cms writing, so an entry whose latest version was kb-cms's
 * (published, or its own write) stays so at the version this write makes, and the sync publishes it. Someone's
 * unpublished draft stays theirs.
 */
function ownWrite(entry: EntryRecord, base: SyncBase, before: SyncBase | null = base): SyncBase {
  const next = entry.sys.version + 1
  return latestIsKbCms(entry.sys, before) ? { ...base, version: next } : { ...base, version: before?.version }
}
