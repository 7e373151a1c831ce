// Article pages and asset files (issue 6) fill this in. Until then it answers nothing, and the server replies 404.
import type { RequestContext } from '../types.ts'

export async function handlePages(_ctx: RequestContext): Promise<boolean> {
  return false
}
