// Everything `npm run serve` starts, as one call tests can make in-process too: the environments of a space
// folder, the Management routes over them, and the shared server (Delivery and pages are wired in there).

import { type RunningServer, type ServerOptions, SPACE_ID, startServer } from '../server.ts'
import { ApiKeys } from './api-keys.ts'
import { createManagementHandler } from './index.ts'
import { DiskRegistry } from './registry.ts'
import { Webhooks } from './webhooks.ts'

export type LocalServerOptions = Omit<ServerOptions, 'registry' | 'management' | 'host'> & {
  /** The embedded space's folder. */
  spaceDir: string
}

export async function startLocalServer(
  options: LocalServerOptions,
): Promise<RunningServer & { registry: DiskRegistry; webhooks: Webhooks }> {
  const { spaceDir, ...server } = options
  const registry = new DiskRegistry(spaceDir)
  const apiKeys = new ApiKeys(registry.dir)
  const webhooks = new Webhooks(registry.dir, SPACE_ID)
  const running = await startServer({
    ...server,
    registry,
    keyTokens: () => apiKeys.tokens(),
    management: createManagementHandler(registry, { apiKeys, webhooks }),
    host: '127.0.0.1',
    port: server.port ?? 0,
  })
  return {
    ...running,
    registry,
    webhooks,
    close: async () => {
      await running.close()
      await webhooks.idle()
    },
  }
}
