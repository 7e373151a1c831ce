// The sync owns only its fields, as a team lives with it: `npm run migrate` (its entry function, in this process:
// eight runs that would each pay a process start) against the embedded space and against Contentful over HTTP
// (the local Management face as a real `npm run serve` process, edited with the real contentful-management SDK). A migration adds and fills fields, an editor edits, the writer edits the Markdown,
// and every change ends up in the space; both sides on one field make a conflict on that field only.
import type { ChildProcess } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import test, { type ExecutionContext } from 'ava'
import { createClient } from 'contentful-management'
import { EmbeddedSpace } from '../../src/backends/sqlite/embedded-space.ts'
import { SqliteBackend } from '../../src/backends/sqlite/sqlite-backend.ts'
import type { EntryRecord } from '../../src/model/contentful-types.ts'
import { listeningHost, repo, startScript } from '../helpers/run-command.ts'
import { runInProcess } from '../helpers/run-in-process.ts'
import { laterNumber, migrationSource, tempProject } from '../migrate/helpers/temp-project.ts'

const TOKEN = 'ownership-management-token-never-printed'
const ARTICLE = 'articles.attachments-fail-to-upload'
const FILE = 'articles/Attachments-Fail-to-Upload.md'

interface Backend {
  name: string
  /** Environment for `npm run migrate`, the space folder it fills (served or embedded). */
  env: Record<string, string>
  spaceDir: string
  /** Changes an entry as an editor does: read, change, save, publish. */
  edit(id: string, change: (fields: EntryRecord['fields']) => void): Promise<void>
}

/** What the space holds, read from its SQLite file (the served space is the same kind of folder). */
function entries(spaceDir: string): Map<string, EntryRecord> {
  const space = EmbeddedSpace.open({ space: spaceDir, env: 'master', create: false })
  try {
    return new Map(space.entries.query({ limit: 1000 }).items.map((e) => [e.sys.id, e as EntryRecord]))
  } finally {
    space.close()
  }
}

function embedded(root: string): Backend {
  const spaceDir = join(root, 'space')
  return {
    name: 'embedded',
    env: { CONTENTFUL_SPACE_ID: '', CONTENTFUL_MANAGEMENT_TOKEN: '' },
    spaceDir,
    async edit(id, change) {
      const backend = SqliteBackend.open({ space: spaceDir })
      try {
        const [entry] = (await backend.getEntries({ ids: [id] })).items
        if (!entry) throw new Error(`no entry ${id}`)
        const fields = structuredClone(entry.fields)
        change(fields)
        const saved = await backend.putEntry(
          { id, contentTypeId: entry.sys.contentType.sys.id, fields },
          entry.sys.version,
        )
        await backend.publish([{ linkType: 'Entry', id, version: saved.sys.version }])
      } finally {
        await backend.close()
      }
    },
  }
}

async function overHttp(t: ExecutionContext, root: string): Promise<Backend> {
  const spaceDir = join(root, 'served')
  const child: ChildProcess = startScript('serve', ['--space', spaceDir, '--port', '0'], {
    env: { KB_CMS_MANAGEMENT_TOKEN: TOKEN, KB_CMS_DELIVERY_TOKEN: 'ownership-delivery' },
  })
  t.teardown(() => child.kill())
  const host = await listeningHost(child)
  const client = createClient(
    { accessToken: TOKEN, host, hostUpload: host, insecure: true },
    { type: 'plain', defaults: { spaceId: 'local', environmentId: 'master' } },
  )
  return {
    name: 'contentful',
    env: { CONTENTFUL_SPACE_ID: 'local', CONTENTFUL_MANAGEMENT_TOKEN: TOKEN, CONTENTFUL_HOST: host },
    spaceDir,
    async edit(entryId, change) {
      const entry = await client.entry.get({ entryId })
      change(entry.fields as EntryRecord['fields'])
      const saved = await client.entry.update({ entryId }, entry)
      await client.entry.publish({ entryId }, saved)
    },
  }
}

/** The README's migration: notes get a tone from their kind. And every article is featured. */
function addFieldMigrations(project: ReturnType<typeof tempProject>): void {
  project.write(
    `${laterNumber(1)}-notes-get-a-tone.ts`,
    migrationSource(
      [
        "    m.editContentType('note').createField({",
        "      id: 'tone', name: 'Tone', type: 'Symbol', widget: { id: 'dropdown' }, helpText: 'How loud the box is.',",
        '    })',
        '    m.transformEntries({',
        "      contentType: 'note', from: ['kind'], to: ['tone'],",
        "      transform: ({ kind }) => ({ tone: kind === 'warning' ? 'loud' : 'quiet' }),",
        '    })',
      ].join('\n'),
    ),
  )
  project.write(
    `${laterNumber(2)}-featured-articles.ts`,
    migrationSource(
      [
        "    m.editContentType('troubleshootingArticle').createField({",
        "      id: 'featured', name: 'Featured', type: 'Boolean', widget: { id: 'boolean' }, helpText: 'Shown first.',",
        '    })',
        '    m.transformEntries({',
        "      contentType: 'troubleshootingArticle', from: ['title'], to: ['featured'],",
        '      transform: () => ({ featured: true }),',
        '    })',
      ].join('\n'),
    ),
  )
}

const value = (e: EntryRecord | undefined, field: string) => e?.fields[field]?.['en-US']
const text = (doc: unknown) =>
  JSON.stringify(doc)
    .match(/"value":"([^"]*)"/g)
    ?.join(' ') ?? ''

for (const kind of ['embedded', 'contentful'] as const) {
  test(`${kind}: migrations' fields, an editor's title and the Markdown's step and symptom all land; one field both changed is a conflict`, async (t) => {
    t.timeout(5 * 60_000)
    const root = mkdtempSync(join(tmpdir(), 'kb-ownership-'))
    t.teardown(() => rmSync(root, { recursive: true, force: true }))
    const project = tempProject()
    t.teardown(project.cleanup)
    const docs = join(root, 'docs')
    cpSync(join(repo, 'content'), docs, { recursive: true })
    const backend = kind === 'embedded' ? embedded(root) : await overHttp(t, root)
    const migrate = async (args: string[] = [], cwd = repo) => {
      const argv = [
        ...['--migrations', project.migrations, '--content-types', join(repo, 'content-types')],
        ...['--space', backend.spaceDir, '--source', docs, '--json', ...args],
      ]
      const run = await runInProcess('migrate', argv, { cwd, env: { CI: '1', ...backend.env } })
      t.false(`${run.stdout}${run.stderr}`.includes(TOKEN), 'the token is never printed')
      t.is(run.code, 0, run.stderr)
      return JSON.parse(run.stdout).sync as {
        writes: number
        conflicts: { id: string; fields: string[] }[]
        kept: { id: string; fields: string[] }[]
        orphans: { id: string; pruned: boolean }[]
        changes: { action: string }[]
      }
    }

    await migrate()
    addFieldMigrations(project)
    const afterFields = await migrate()
    let space = entries(backend.spaceDir)
    const notes = [...space.values()].filter((e) => e.sys.contentType.sys.id === 'note')
    const articles = [...space.values()].filter((e) => e.sys.contentType.sys.id === 'troubleshootingArticle')
    t.true(notes.length >= 6 && articles.length >= 6)
    t.deepEqual(
      notes.filter((n) => !value(n, 'tone')).map((n) => n.sys.id),
      [],
      'every note keeps its tone',
    )
    t.deepEqual(
      articles.filter((a) => value(a, 'featured') !== true).map((a) => a.sys.id),
      [],
    )
    t.deepEqual(
      [...new Set(afterFields.changes.map((c) => c.action))],
      ['publish'],
      'the sync right after the migration rewrites nothing; it publishes what the migration changed',
    )

    // The editor fixes the title; the writer rewords a step and the symptom.
    await backend.edit(ARTICLE, (f) => {
      f.title = { 'en-US': 'Attachments fail to upload (AN-204)' }
    })
    const md = join(docs, FILE)
    const source = readFileSync(md, 'utf8')
    writeFileSync(
      md,
      source
        .replace('**2.** Choose **Remove attachment**', '**2.** Choose **Remove attachment** from the menu')
        .replace('the upload bar stops halfway', 'the upload bar stops at about half'),
    )
    const merged = await migrate()
    t.deepEqual(merged.conflicts, [])
    t.deepEqual(
      merged.kept.map((k) => [k.id, k.fields]),
      [[ARTICLE, ['title']]],
    )
    space = entries(backend.spaceDir)
    const article = space.get(ARTICLE)
    t.is(value(article, 'title'), 'Attachments fail to upload (AN-204)')
    t.regex(text(value(article, 'symptom')), /stops at about half/)
    t.regex(text(value(space.get(`${ARTICLE}.r1.s2`), 'instruction')), /from the menu/)
    t.is(value(article, 'featured'), true)
    t.is(article?.sys.version, (article?.sys.publishedVersion ?? 0) + 1, 'published at its latest version')
    t.is((await migrate()).writes, 0, 'a no-op sync after an edit writes nothing')

    // Both sides change the symptom: a conflict on that field only; the CMS value stays until --force.
    await backend.edit(ARTICLE, (f) => {
      f.symptom = { 'en-US': value(space.get(ARTICLE), 'cause') }
    })
    writeFileSync(md, readFileSync(md, 'utf8').replace('stops at about half', 'stops near the middle'))
    const conflicted = await migrate()
    t.deepEqual(
      conflicted.conflicts.map((c) => [c.id, c.fields]),
      [[ARTICLE, ['symptom']]],
    )
    t.notRegex(text(value(entries(backend.spaceDir).get(ARTICLE), 'symptom')), /near the middle/)
    const forced = await migrate(['--force'])
    t.deepEqual(forced.conflicts, [])
    t.regex(text(value(entries(backend.spaceDir).get(ARTICLE), 'symptom')), /near the middle/)
    t.is(value(entries(backend.spaceDir).get(ARTICLE), 'title'), 'Attachments fail to upload (AN-204)')

    // --prune run from another folder: every source is still there, nothing live is archived.
    const pruned = await migrate(['--prune'], tmpdir())
    t.deepEqual(pruned.orphans, [])
    t.is(pruned.writes, 0)
    t.deepEqual(
      [...entries(backend.spaceDir).values()]
        .filter((e) => e.sys.archivedVersion !== undefined)
        .map((e) => e.sys.id),
      [],
    )
  })
}
