// What an embedded space holds, independent of versions and timestamps: id → content type, fields, published
// state. Two spaces built from the same source by different routes (embedded, over HTTP) must compare equal.
import { EmbeddedSpace } from '../../src/backends/sqlite/embedded-space.ts'

export interface SpaceContents {
  entries: Map<string, unknown>
  assets: Map<string, unknown>
}

export function spaceContents(spaceDir: string): SpaceContents {
  const space = EmbeddedSpace.open({ space: spaceDir, env: 'master', create: false })
  try {
    const entries = new Map<string, unknown>()
    for (let skip = 0; ; ) {
      const page = space.entries.query({ skip, limit: 1000 })
      for (const e of page.items) {
        if (e.sys.contentType.sys.id.startsWith('kbCms')) continue
        entries.set(e.sys.id, {
          type: e.sys.contentType.sys.id,
          fields: e.fields,
          publishedAndCurrent: e.sys.publishedVersion === e.sys.version - 1,
        })
      }
      skip += page.items.length
      if (page.items.length === 0 || skip >= page.total) break
    }
    const assets = new Map<string, unknown>()
    for (const a of space.assets.query({ limit: 1000 }).items) {
      assets.set(a.sys.id, {
        fields: a.fields,
        publishedAndCurrent: a.sys.publishedVersion === a.sys.version - 1,
      })
    }
    return { entries, assets }
  } finally {
    space.close()
  }
}

/** A map's entries in id order, for a deepEqual that names the first difference. */
export const sortedById = (m: Map<string, unknown>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1))
