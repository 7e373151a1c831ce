// Everything `npm run serve` starts, as one call tests can make in-process too: the environments of a space
// folder, the Management routes over them, and the shared server (Delivery and pages are wired in there).

import { type RequestLogEntry, type RunningServer, startServer } from '../server.ts'
import { createManagementHandler } from './index.ts'
import { DiskRegistry } from './registry.ts'

export interface LocalServerOptions {
  spaceDir: string
  managementToken: string
  deliveryToken: string
  port?: number
  rateLimit?: number
  faultRatio?: number
  faultSeed?: number
  requestLog?: string | ((entry: RequestLogEntry) => void)
  corsOrigin?: string
}

export async function startLocalServer(
  options: LocalServerOptions,
): Promise<RunningServer & { registry: DiskRegistry }> {
  const registry = new DiskRegistry(options.spaceDir)
  const running = await startServer({
    registry,
    management: createManagementHandler(registry),
    managementToken: options.managementToken,
    deliveryToken: options.deliveryToken,
    host: '127.0.0.1',
    port: options.port ?? 0,
    ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
    ...(options.faultRatio === undefined ? {} : { faultRatio: options.faultRatio }),
    ...(options.faultSeed === undefined ? {} : { faultSeed: options.faultSeed }),
    ...(options.requestLog === undefined ? {} : { requestLog: options.requestLog }),
    ...(options.corsOrigin === undefined ? {} : { corsOrigin: options.corsOrigin }),
  })
  return { ...running, registry }
}
