// The Delivery face (issue 6) fills this in: CDA-shaped reads of published content. Until then it answers
// nothing, and the server replies 404.
import type { RequestContext } from '../types.ts'

export async function handleDelivery(_ctx: RequestContext): Promise<boolean> {
  return false
}
