// One line for an error from the space: its message and, for a rejected write, the details that say why.
import { ValidationError } from '../backends/port.ts'

export function describeError(error: unknown): string {
  if (error instanceof ValidationError) {
    const details = error.details.length > 0 ? `: ${JSON.stringify(error.details).slice(0, 500)}` : ''
    return `${error.message}${details}`
  }
  return error instanceof Error ? error.message : String(error)
}
