import { contentHash } from '../src/model/canonical-json.ts'
import { defineMigration } from '../src/model/define-migration.ts'

// The fields each type had when kb-cms wrote whole entries (after 0002), written out: a migration is frozen.
const FIELDS: Record<string, string[]> = {
  resolutionStep: ['name', 'instruction', 'images'],
  resolution: ['name', 'title', 'kind', 'cause', 'intro', 'steps'],
  note: ['kind', 'title', 'body', 'collapsible'],
  ctaBanner: [
    'internalName',
    'variant',
    'text',
    'url',
    'utmSource',
    'utmMedium',
    'utmCampaign',
    'utmContent',
    'image',
  ],
  troubleshootingArticle: [
    'title',
    'slug',
    'path',
    'description',
    'readingTimeMinutes',
    'appliesTo',
    'symptom',
    'condition',
    'cause',
    'errorCodes',
    'resolutions',
    'notes',
    'relatedArticles',
    'relatedLinks',
    'ctaBanner',
    'body',
    'sourcePath',
    'linkAnchors',
  ],
  page: [
    'title',
    'slug',
    'path',
    'description',
    'readingTimeMinutes',
    'appliesTo',
    'body',
    'relatedPages',
    'relatedLinks',
    'ctaBanner',
    'linkAnchors',
    'sourcePath',
  ],
  redirect: ['from', 'target', 'targetPath', 'sourcePath'],
  navigationMenu: ['title', 'items', 'pages', 'sourcePath'],
}

const help =
  'Written by kb-cms: a fingerprint of each field it last wrote from Markdown. Do not edit. A field you change ' +
  'keeps your value; the sync reports a conflict only when the Markdown changes that same field too.'

/**
 * One content hash of the whole entry → a fingerprint per field. An entry whose hash still matched its fields
 * held exactly what kb-cms wrote, so each field's base is its current value; one an editor had changed gets no
 * base (the sync then reports each field that differs as a conflict instead of guessing whose change it was).
 */
function perFieldBase(values: Record<string, unknown>): { syncBase: unknown } | undefined {
  const stored = values.contentHash
  if (typeof stored !== 'string') return undefined
  const localized: Record<string, unknown> = {}
  const fields: Record<string, string> = {}
  for (const [id, value] of Object.entries(values)) {
    if (id === 'contentHash' || value === undefined || value === null) continue
    localized[id] = { 'en-US': value }
    fields[id] = contentHash(value).slice(0, 16)
  }
  return contentHash(localized) === stored ? { syncBase: { fields } } : undefined
}

export default defineMigration({
  description:
    'Field ownership: every synced type gets a per-field sync base (the base of the three-way merge with ' +
    "editors' changes) in place of the one content hash, which is converted and removed.",
  up: (m) => {
    for (const [contentType, fields] of Object.entries(FIELDS)) {
      m.editContentType(contentType).createField({
        id: 'syncBase',
        name: 'Sync base',
        type: 'Object',
        disabled: true,
        widget: { id: 'objectEditor' },
        helpText: help,
      })
      m.transformEntries({
        contentType,
        from: [...fields, 'contentHash'],
        to: ['syncBase'],
        transform: perFieldBase,
      })
      m.editContentType(contentType).deleteField('contentHash')
    }
  },
})
