// Everything `npm run serve` starts, as one call tests can make in-process too: the environments of a space
// folder, the Management routes over them, and the shared server (Delivery and pages are wired in there).

import { type RunningServer, type ServerOptions, startServer } from '../server.ts'
import { createManagementHandler } from './index.ts'
import { DiskRegistry } from './registry.ts'

export type LocalServerOptions = Omit<ServerOptions, 'registry' | 'management' | 'host'> & {
  /** The embedded space's folder. */
  spaceDir: string
}

export async function startLocalServer(
  options: LocalServerOptions,
): Promise<RunningServer & { registry: DiskRegistry }> {
  const { spaceDir, ...server } = options
  const registry = new DiskRegistry(spaceDir)
  const running = await startServer({
    ...server,
    registry,
    management: createManagementHandler(registry),
    host: '127.0.0.1',
    port: server.port ?? 0,
  })
  return { ...running, registry }
}
