// SQLite's own words for a full disk or a read-only file ("database or disk is full", "attempt to write a
// readonly database") name neither the file nor what to do; these say both.

/** The error to raise instead of `error` when it is one of SQLite's storage failures; else `error` itself. */
export function storageError(error: unknown, file: string): unknown {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return error
  const why = storageProblem(code)
  return why === null ? error : new SpaceStorageError(`${file}: ${why} (${code})`, code)
}

function storageProblem(code: string): string | null {
  if (code === 'SQLITE_FULL') return 'the disk is full; free space on it, then run again'
  if (code.startsWith('SQLITE_READONLY'))
    return 'the space cannot be written (read-only file, folder or disk); make them writable or use another --space'
  if (code.startsWith('SQLITE_CANTOPEN'))
    return 'the space cannot be opened; check that its folder exists and may be written'
  if (code.startsWith('SQLITE_IOERR')) return 'the disk failed to read or write the space; check the disk'
  return null
}

export class SpaceStorageError extends Error {
  override name = 'SpaceStorageError'
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message)
  }
}
