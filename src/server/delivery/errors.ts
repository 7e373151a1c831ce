// A Delivery request the engine refuses, in Contentful's error vocabulary; the HTTP handler sends it as
// `{sys: {type: 'Error', id}, message, details}` with its status.
import { HttpError } from '../http-error.ts'

export class DeliveryError extends HttpError {
  override name = 'DeliveryError'
}

export const invalidQuery = (message: string, details?: unknown) =>
  new DeliveryError(400, 'InvalidQuery', message, details)

export const notFound = (type: string, id: string) =>
  new DeliveryError(404, 'NotFound', 'The resource could not be found.', { type, id })
