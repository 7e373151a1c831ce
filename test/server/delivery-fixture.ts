// Test fixture for the Delivery face and pages: a fresh embedded space with the content model applied and,
// optionally, a docs root synced into it; and the real server over it, with its two tokens.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import contentTypes from '../../content-types/index.ts'
import { EmbeddedSpace } from '../../src/backends/sqlite/embedded-space.ts'
import { SqliteBackend } from '../../src/backends/sqlite/sqlite-backend.ts'
import { toContentType } from '../../src/model/define-content-type.ts'
import { type RunningServer, startServer } from '../../src/server/server.ts'
import { runSync } from '../../src/sync/run-sync.ts'
import { tempFolder } from '../helpers/temp-folder.ts'

export const DELIVERY_TOKEN = 'delivery-token-for-tests'
export const MANAGEMENT_TOKEN = 'management-token-for-tests'
export const repoRoot = join(import.meta.dirname, '..', '..')

/** A space folder with the model applied; `source` (a docs root) synced into it when given. */
export async function seededSpace(
  source?: string,
): Promise<{ dir: string; backend: SqliteBackend; cleanup(): Promise<void> }> {
  // Removed by cleanup(), and in any case when the test process ends (a failed set-up never calls cleanup).
  const dir = tempFolder('kb-cms-delivery-')
  const backend = SqliteBackend.open({ space: dir })
  await backend.applyMigration(
    contentTypes.map((ct) => ({ type: 'saveContentType' as const, contentType: toContentType(ct) })),
    { name: 'test-model', checksum: 'test', appliedAt: new Date().toISOString() },
  )
  if (source) {
    const report = await runSync(backend, { source })
    if (report.failed?.length) throw new Error(`sync failed: ${JSON.stringify(report.failed).slice(0, 500)}`)
  }
  return {
    dir,
    backend,
    cleanup: async () => {
      try {
        await backend.close()
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

/** The server of `npm run serve` over a space folder, on a free loopback port. */
export function serve(dir: string): Promise<RunningServer> {
  const open = new Map<string, EmbeddedSpace>()
  return startServer({
    registry: {
      resolve: (env) => env,
      open: (env) => {
        const space = open.get(env) ?? EmbeddedSpace.open({ space: dir, env, create: false })
        open.set(env, space)
        return space
      },
      close: () => {
        for (const s of open.values()) s.close()
      },
    },
    managementToken: MANAGEMENT_TOKEN,
    deliveryToken: DELIVERY_TOKEN,
  })
}
