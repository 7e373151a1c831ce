// The adapter's first call: one read that only a Content Management token may make. A Delivery or Preview
// token (or a revoked one) is refused here, once, before the sync plans anything; without this check every
// later call fails on its own and the run reports each entry as failed, or each unread entry as a conflict.
import { ConfigError } from '../../config/contentful-config.ts'
import { NotFoundError } from '../port.ts'
import type { Connection } from './client.ts'

export async function checkManagementAccess(conn: Connection): Promise<void> {
  const { spaceId, host } = conn.config
  try {
    // The environments of a space: the Management API lists them, the Delivery and Preview APIs do not.
    await conn.call('GET environments', (c) => c.environment.getMany({ spaceId, query: { limit: 1 } }))
  } catch (error) {
    if (error instanceof NotFoundError)
      throw new ConfigError(
        `CONTENTFUL_SPACE_ID ${spaceId} was not found by ${host} (404 NotFound): check the space id and that the token belongs to it`,
      )
    throw error
  }
}
