// The one error type both API faces throw to answer with a status and Contentful's error id.
import type { ErrorId } from './types.ts'

/** An error a route throws to answer with a specific status and Contentful error id. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly id: ErrorId,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}
