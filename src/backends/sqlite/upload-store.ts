import { randomUUID } from 'node:crypto'
import { NotFoundError } from '../port.ts'
import type { SpaceDb } from './space-db.ts'

export interface UploadView {
  sys: { id: string; type: 'Upload'; createdAt: string; expiresAt: string }
}

const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000

/** Uploaded bytes waiting to be processed into an asset; they expire after a day, as on Contentful. */
export class UploadStore {
  constructor(private readonly s: SpaceDb) {}

  create(bytes: Uint8Array): UploadView {
    return this.s.write(() => {
      const now = this.s.now()
      this.s.sql('DELETE FROM uploads WHERE expires_at <= ?').run(now.toISOString())
      const id = randomUUID().replaceAll('-', '')
      const expiresAt = new Date(now.getTime() + UPLOAD_TTL_MS).toISOString()
      this.s
        .sql('INSERT INTO uploads (id, bytes, created_at, expires_at) VALUES (?, ?, ?, ?)')
        .run(id, Buffer.from(bytes), now.toISOString(), expiresAt)
      return { sys: { id, type: 'Upload', createdAt: now.toISOString(), expiresAt } }
    })
  }

  get(id: string): UploadView {
    const row = this.s.sql('SELECT created_at, expires_at FROM uploads WHERE id = ?').get(id) as
      | { created_at: string; expires_at: string }
      | undefined
    if (!row) throw new NotFoundError(`upload "${id}" does not exist`)
    return { sys: { id, type: 'Upload', createdAt: row.created_at, expiresAt: row.expires_at } }
  }

  bytes(id: string): Buffer {
    const row = this.s.sql('SELECT bytes FROM uploads WHERE id = ?').get(id) as { bytes: Buffer } | undefined
    if (!row) throw new NotFoundError(`upload "${id}" does not exist`)
    return row.bytes
  }

  delete(id: string): void {
    this.s.write(() => this.s.sql('DELETE FROM uploads WHERE id = ?').run(id))
  }
}
