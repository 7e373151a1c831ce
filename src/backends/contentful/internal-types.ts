// kb-cms's own bookkeeping in a Contentful space: the migration ledger (one entry per applied migration) and
// the lock (one entry, created with a PUT that fails when it exists). Kept out of the model snapshot, so the
// drift check never reports them.
import type { ContentType } from '../../model/contentful-types.ts'
import { isInternalType, LEDGER_TYPE, LOCK_TYPE } from '../internal-type-ids.ts'

export { isInternalType, LEDGER_TYPE, LOCK_TYPE }
export const LOCK_ENTRY_ID = 'kb-cms-lock'

export const INTERNAL_TYPES: ContentType[] = [
  {
    id: LEDGER_TYPE,
    name: 'kb-cms migration (internal)',
    description: 'One entry per applied schema migration. Written by kb-cms; do not edit.',
    displayField: 'name',
    fields: [
      { id: 'name', name: 'Name', type: 'Symbol', required: true, localized: false },
      { id: 'checksum', name: 'Checksum', type: 'Symbol', required: true, localized: false },
      { id: 'appliedAt', name: 'Applied at', type: 'Date', required: true, localized: false },
    ],
  },
  {
    id: LOCK_TYPE,
    name: 'kb-cms lock (internal)',
    description: 'Held while a kb-cms migration runs; it expires on its own if the run was killed.',
    displayField: 'holderId',
    fields: [
      { id: 'holderId', name: 'Holder id', type: 'Symbol', required: false, localized: false },
      { id: 'holder', name: 'Holder', type: 'Object', required: true, localized: false },
    ],
  },
]
