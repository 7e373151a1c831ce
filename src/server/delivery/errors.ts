// A Delivery request the engine refuses, in Contentful's error vocabulary; the HTTP handler sends it as
// `{sys: {type: 'Error', id}, message, details}` with its status.
import type { ErrorId } from '../types.ts'

export class DeliveryError extends Error {
  override name = 'DeliveryError'
  constructor(
    readonly status: number,
    readonly id: ErrorId,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

export const invalidQuery = (message: string, details?: unknown) =>
  new DeliveryError(400, 'InvalidQuery', message, details)

export const notFound = (type: string, id: string) =>
  new DeliveryError(404, 'NotFound', 'The resource could not be found.', { type, id })
