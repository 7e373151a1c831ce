// The content types kb-cms keeps its own bookkeeping in when the space is Contentful (or the local faces
// driven through the SDK): the migration ledger and the lock. Every adapter leaves them out of the model it
// reports, so `status`, `check` and `new` never see them as drift, whichever adapter created them.

export const LEDGER_TYPE = 'kbCmsMigration'
export const LOCK_TYPE = 'kbCmsLock'

export function isInternalType(id: string): boolean {
  return id === LEDGER_TYPE || id === LOCK_TYPE
}
