// An environment's locales, as Contentful's Locales API keeps them: a code (unique), a name, a fallback code
// (another locale, no cycles; the default has none), `optional` (required fields may be empty in it), and
// whether the Delivery and Management APIs see it. Every environment starts with the default locale en-US.
// Deleting a locale removes its values from every entry and asset, as Contentful does.
import { DEFAULT_LOCALE } from '../../model/contentful-types.ts'
import { ConflictError, NotFoundError, ValidationError } from '../port.ts'
import { expectVersion } from './content-type-store.ts'
import { isoNow, type SpaceDb } from './space-db.ts'
import { summarize, type ValidationDetail } from './validation-detail.ts'

export interface LocaleRecord {
  id: string
  code: string
  name: string
  fallbackCode: string | null
  default: boolean
  optional: boolean
  contentDeliveryApi: boolean
  contentManagementApi: boolean
  version: number
  createdAt: string
  updatedAt: string
}

export interface LocaleWrite {
  code?: unknown
  name?: unknown
  fallbackCode?: unknown
  optional?: unknown
  contentDeliveryApi?: unknown
  contentManagementApi?: unknown
}

interface LocaleRow {
  id: string
  code: string
  name: string
  fallback_code: string | null
  is_default: number
  optional: number
  delivery: number
  management: number
  version: number
  created_at: string
  updated_at: string
}

export const DEFAULT_LOCALE_ID = 'default-locale'
const CODE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/

const toRecord = (r: LocaleRow): LocaleRecord => ({
  id: r.id,
  code: r.code,
  name: r.name,
  fallbackCode: r.fallback_code,
  default: r.is_default === 1,
  optional: r.optional === 1,
  contentDeliveryApi: r.delivery === 1,
  contentManagementApi: r.management === 1,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

function invalid(what: string, details: ValidationDetail[]): ValidationError {
  return new ValidationError(`${what}: ${summarize(details)}`, details)
}

export class LocaleStore {
  constructor(
    private readonly s: SpaceDb,
    private readonly createdAt: () => string,
  ) {}

  /** Every locale, the default first. */
  list(): LocaleRecord[] {
    const rows = this.s
      .sql('SELECT * FROM locales ORDER BY is_default DESC, created_at, code')
      .all() as LocaleRow[]
    if (rows.length) return rows.map(toRecord)
    const at = this.createdAt()
    return [
      {
        id: DEFAULT_LOCALE_ID,
        code: DEFAULT_LOCALE,
        name: 'English (United States)',
        fallbackCode: null,
        default: true,
        optional: false,
        contentDeliveryApi: true,
        contentManagementApi: true,
        version: 1,
        createdAt: at,
        updatedAt: at,
      },
    ]
  }

  codes(): string[] {
    return this.list().map((l) => l.code)
  }

  defaultCode(): string {
    return (this.list().find((l) => l.default) as LocaleRecord).code
  }

  get(id: string): LocaleRecord {
    const locale = this.list().find((l) => l.id === id)
    if (!locale) throw new NotFoundError(`locale "${id}" does not exist`)
    return locale
  }

  /** The built-in default becomes a row before anything else is written, so it can be edited too. */
  private materialise(): void {
    const count = (this.s.sql('SELECT count(*) AS n FROM locales').get() as { n: number }).n
    if (count > 0) return
    const [d] = this.list() as [LocaleRecord]
    this.s
      .sql(
        `INSERT INTO locales (id, code, name, fallback_code, is_default, optional, delivery, management, version,
           created_at, updated_at) VALUES (?, ?, ?, NULL, 1, 0, 1, 1, 1, ?, ?)`,
      )
      .run(d.id, d.code, d.name, d.createdAt, d.updatedAt)
  }

  private check(next: LocaleRecord, all: LocaleRecord[]): void {
    const problems: ValidationDetail[] = []
    if (!CODE.test(next.code))
      problems.push({ path: ['code'], name: 'format', message: `"${next.code}" is not a locale code` })
    if (all.some((l) => l.code === next.code && l.id !== next.id))
      problems.push({ path: ['code'], name: 'taken', message: `a locale with code "${next.code}" exists` })
    if (next.name.trim() === '')
      problems.push({ path: ['name'], name: 'required', message: 'name is required' })
    if (next.default && next.fallbackCode !== null)
      problems.push({
        path: ['fallbackCode'],
        name: 'default',
        message: 'the default locale has no fallback',
      })
    if (next.fallbackCode !== null) {
      const byCode = new Map(all.map((l) => [l.code, l]))
      byCode.set(next.code, next)
      if (!byCode.has(next.fallbackCode))
        problems.push({
          path: ['fallbackCode'],
          name: 'notResolvable',
          message: `no locale "${next.fallbackCode}"`,
        })
      // Follow the chain: it must end, not come back to this locale.
      const seen = new Set<string>([next.code])
      for (
        let at = next.fallbackCode as string | null;
        at !== null;
        at = byCode.get(at)?.fallbackCode ?? null
      ) {
        if (seen.has(at)) {
          problems.push({
            path: ['fallbackCode'],
            name: 'cycle',
            message: `falling back from "${next.code}" loops`,
          })
          break
        }
        seen.add(at)
      }
    }
    if (problems.length) throw invalid(`locale "${next.code}" cannot be written`, problems)
  }

  /** Creates a locale (`id` chosen by the caller) or updates one at its current version. */
  put(id: string, body: LocaleWrite, version: number | undefined): LocaleRecord {
    return this.s.write(() => {
      const all = this.list()
      const current = all.find((l) => l.id === id)
      if (current && version === undefined) throw new ConflictError(`locale "${id}" already exists`, id)
      if (!current && version !== undefined) throw new NotFoundError(`locale "${id}" does not exist`)
      if (current) expectVersion('locale', id, current.version, version)
      const now = isoNow(this.s)
      const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback)
      const bool = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback)
      const code = str(body.code, current?.code ?? '')
      if (current && code !== current.code) {
        throw invalid(`locale "${current.code}" cannot be written`, [
          { path: ['code'], name: 'immutable', message: 'changing a locale code is not supported here' },
        ])
      }
      const isDefault = current?.default ?? false
      const next: LocaleRecord = {
        id,
        code,
        name: str(body.name, current?.name ?? code),
        fallbackCode:
          body.fallbackCode === undefined
            ? (current?.fallbackCode ?? (isDefault ? null : this.defaultCode()))
            : typeof body.fallbackCode === 'string'
              ? body.fallbackCode
              : null,
        default: isDefault,
        optional: bool(body.optional, current?.optional ?? false),
        contentDeliveryApi: bool(body.contentDeliveryApi, current?.contentDeliveryApi ?? true),
        contentManagementApi: bool(body.contentManagementApi, current?.contentManagementApi ?? true),
        version: (current?.version ?? 0) + 1,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      }
      this.check(next, all)
      this.materialise()
      this.s
        .sql(
          `INSERT INTO locales (id, code, name, fallback_code, is_default, optional, delivery, management, version,
             created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, fallback_code = excluded.fallback_code,
             optional = excluded.optional, delivery = excluded.delivery, management = excluded.management,
             version = excluded.version, updated_at = excluded.updated_at`,
        )
        .run(
          id,
          next.code,
          next.name,
          next.fallbackCode,
          next.default ? 1 : 0,
          next.optional ? 1 : 0,
          next.contentDeliveryApi ? 1 : 0,
          next.contentManagementApi ? 1 : 0,
          next.version,
          next.createdAt,
          next.updatedAt,
        )
      return this.get(id)
    })
  }

  /** Deletes a locale that is not the default and no other falls back to; its values leave every entity. */
  delete(id: string): void {
    this.s.write(() => {
      const all = this.list()
      const locale = this.get(id)
      const refuse = (message: string) =>
        invalid(`locale "${locale.code}" cannot be deleted`, [{ path: ['code'], name: 'inUse', message }])
      if (locale.default) throw refuse('it is the default locale')
      const dependent = all.find((l) => l.fallbackCode === locale.code)
      if (dependent) throw refuse(`locale "${dependent.code}" falls back to it`)
      for (const table of ['entries', 'assets']) {
        const rows = this.s.sql(`SELECT id, fields, published_fields FROM ${table}`).all() as {
          id: string
          fields: string
          published_fields: string | null
        }[]
        const strip = (raw: string | null) => {
          if (raw === null) return null
          const fields = JSON.parse(raw) as Record<string, Record<string, unknown>>
          for (const values of Object.values(fields)) if (values) delete values[locale.code]
          return JSON.stringify(fields)
        }
        const update = this.s.sql(`UPDATE ${table} SET fields = ?, published_fields = ? WHERE id = ?`)
        for (const r of rows) {
          const fields = strip(r.fields) as string
          const published = strip(r.published_fields)
          if (fields !== r.fields || published !== r.published_fields) update.run(fields, published, r.id)
        }
      }
      this.s.sql('DELETE FROM locales WHERE id = ?').run(id)
    })
  }
}

/** The locales whose values a publish checks for required fields: the default and every non-optional one. */
export function requiredLocales(locales: LocaleRecord[]): string[] {
  return locales.filter((l) => l.default || !l.optional).map((l) => l.code)
}
