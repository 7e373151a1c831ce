// Exit statuses shared by every kb-cms command, and the error that means "the command line was wrong".

export const ExitCode = {
  /** Everything ran; no input had a fatal problem. */
  ok: 0,
  /** The command ran, but at least one input had a fatal problem. */
  failed: 1,
  /** Bad usage: unknown option, no inputs, a missing file or an unusable option value. */
  usage: 2,
} as const

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/** Thrown for bad usage; the command prints `error: <message>` on one line and exits with ExitCode.usage. */
export class UsageError extends Error {
  override name = 'UsageError'
}
