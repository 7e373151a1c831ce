// A migration declares operations as data: `up(m)` only records what to do. The planner turns the record into
// writes against the live model, so the same file can be printed (--dry-run), checked, and applied.
import type { Validation } from './contentful-types.ts'
import type { ContentTypeDefinition, ContentTypeInput, FieldDefinition } from './define-content-type.ts'

/** The values of the `from` fields of one entry in the default locale (absent fields are undefined). */
export type FieldValues = Record<string, unknown>

/** Returns the new values of the `to` fields, or undefined to leave the entry alone. */
export type EntryTransform = (
  from: FieldValues,
  entry: { id: string; locale: string },
) => FieldValues | undefined

/** What `editField` may change. Type and link type cannot change in place: add a field and transform. */
export interface FieldChanges {
  name?: string
  required?: boolean
  /** The model is not localized; this exists so a scaffold can undo a field localized in the CMS. */
  localized?: boolean
  disabled?: boolean
  /** Hidden from the API responses while entries keep their values; the step before a delete. */
  omitted?: boolean
  validations?: Validation[]
  /** Validations of the items of an Array field. */
  itemValidations?: Validation[]
}

/** Where `moveField` puts a field: the editor shows fields in this order. */
export type FieldPosition = 'first' | 'last' | { after: string } | { before: string }

export interface ContentTypeChanges {
  name?: string
  description?: string
  displayField?: string
}

export type Operation =
  | { op: 'createContentType'; contentType: ContentTypeDefinition }
  | { op: 'editContentType'; contentTypeId: string; changes: ContentTypeChanges }
  | { op: 'deleteContentType'; contentTypeId: string }
  | { op: 'createField'; contentTypeId: string; field: FieldDefinition }
  | { op: 'editField'; contentTypeId: string; fieldId: string; changes: FieldChanges }
  | { op: 'renameField'; contentTypeId: string; fieldId: string; newId: string }
  | { op: 'omitField'; contentTypeId: string; fieldId: string }
  | { op: 'deleteField'; contentTypeId: string; fieldId: string }
  | { op: 'moveField'; contentTypeId: string; fieldId: string; position: FieldPosition }
  | {
      op: 'changeEditorInterface'
      contentTypeId: string
      fieldId: string
      widgetId: string
      settings: Record<string, unknown>
    }
  | { op: 'transformEntries'; contentTypeId: string; from: string[]; to: string[]; transform: EntryTransform }

export interface ContentTypeEditor {
  createField(field: FieldDefinition): ContentTypeEditor
  editField(fieldId: string, changes: FieldChanges): ContentTypeEditor
  renameField(fieldId: string, newId: string): ContentTypeEditor
  omitField(fieldId: string): ContentTypeEditor
  deleteField(fieldId: string): ContentTypeEditor
  moveField(fieldId: string, position: FieldPosition): ContentTypeEditor
}

export interface MigrationBuilder {
  createContentType<const Fields extends readonly FieldDefinition[]>(
    contentType: ContentTypeInput<Fields>,
  ): void
  editContentType(contentTypeId: string, changes?: ContentTypeChanges): ContentTypeEditor
  deleteContentType(contentTypeId: string): void
  /** Sets one field's editor control; the rest of the editor interface is kept as it is in the space. */
  changeEditorInterface(
    contentTypeId: string,
    fieldId: string,
    widgetId: string,
    settings?: Record<string, unknown>,
  ): void
  /** Rewrites entries: reads `from` fields, writes `to` fields (which must exist by then). */
  transformEntries(spec: {
    contentType: string
    from: string[]
    to: string[]
    transform: EntryTransform
  }): void
}

export interface Migration {
  description: string
  up: (m: MigrationBuilder) => void
}

export function defineMigration(migration: Migration): Migration {
  return migration
}

/** Runs `up` against a recorder and returns the operations in order. */
export function recordOperations(migration: Migration): Operation[] {
  const ops: Operation[] = []
  const editor = (contentTypeId: string): ContentTypeEditor => {
    const record = (op: Operation) => {
      ops.push(op)
      return self
    }
    const self: ContentTypeEditor = {
      createField: (field) => record({ op: 'createField', contentTypeId, field }),
      editField: (fieldId, changes) => record({ op: 'editField', contentTypeId, fieldId, changes }),
      renameField: (fieldId, newId) => record({ op: 'renameField', contentTypeId, fieldId, newId }),
      omitField: (fieldId) => record({ op: 'omitField', contentTypeId, fieldId }),
      deleteField: (fieldId) => record({ op: 'deleteField', contentTypeId, fieldId }),
      moveField: (fieldId, position) => record({ op: 'moveField', contentTypeId, fieldId, position }),
    }
    return self
  }
  migration.up({
    createContentType: (contentType) => {
      ops.push({ op: 'createContentType', contentType })
    },
    editContentType: (contentTypeId, changes) => {
      if (changes && Object.keys(changes).length > 0)
        ops.push({ op: 'editContentType', contentTypeId, changes })
      return editor(contentTypeId)
    },
    deleteContentType: (contentTypeId) => {
      ops.push({ op: 'deleteContentType', contentTypeId })
    },
    changeEditorInterface: (contentTypeId, fieldId, widgetId, settings = {}) => {
      ops.push({ op: 'changeEditorInterface', contentTypeId, fieldId, widgetId, settings })
    },
    transformEntries: ({ contentType, from, to, transform }) => {
      ops.push({ op: 'transformEntries', contentTypeId: contentType, from, to, transform })
    },
  })
  return ops
}

/** One line naming an operation, for plans and error messages. */
export function describeOperation(op: Operation): string {
  switch (op.op) {
    case 'createContentType':
      return `create content type ${op.contentType.id} (${op.contentType.fields.length} fields)`
    case 'editContentType':
      return `edit content type ${op.contentTypeId} (${Object.keys(op.changes).join(', ')})`
    case 'deleteContentType':
      return `delete content type ${op.contentTypeId}`
    case 'createField':
      return `create field ${op.contentTypeId}.${op.field.id} (${op.field.type})`
    case 'editField':
      return `edit field ${op.contentTypeId}.${op.fieldId} (${Object.keys(op.changes).join(', ')})`
    case 'renameField':
      return `rename field ${op.contentTypeId}.${op.fieldId} to ${op.newId}`
    case 'omitField':
      return `omit field ${op.contentTypeId}.${op.fieldId}`
    case 'moveField': {
      const where =
        typeof op.position === 'string' ? op.position : JSON.stringify(op.position).replace(/[{}"]/g, '')
      return `move field ${op.contentTypeId}.${op.fieldId} (${where.replace(':', ' ')})`
    }
    case 'deleteField':
      return `delete field ${op.contentTypeId}.${op.fieldId}`
    case 'changeEditorInterface':
      return `set editor of ${op.contentTypeId}.${op.fieldId} to ${op.widgetId}`
    case 'transformEntries':
      return `transform ${op.contentTypeId} entries (${op.from.join(', ')} → ${op.to.join(', ')})`
  }
}
