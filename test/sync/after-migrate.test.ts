import test from 'ava'
import { splitArgs } from '../../src/sync/after-migrate.ts'

test('sync-only options are taken out of what the migrate CLI sees; shared ones go to both', (t) => {
  const split = splitArgs([
    '--space',
    'x',
    '--source=docs',
    '--json',
    '--force',
    '--asset-base-url',
    'https://c/',
    '--env',
    'e',
  ])
  t.deepEqual(split.migrate, ['--space', 'x', '--json', '--env', 'e'])
  t.is(split.sync.source, 'docs')
  t.is(split.sync.space, 'x')
  t.is(split.sync.env, 'e')
  t.true(split.sync.json)
  t.true(split.sync.force)
  t.is(split.sync.assetBaseUrl, 'https://c/')
  t.false(split.migrateOnly)
})

test('subcommands and --help run the migrate CLI alone; a space named like a subcommand does not', (t) => {
  t.true(splitArgs(['status']).migrateOnly)
  t.true(splitArgs(['--help']).migrateOnly)
  t.false(splitArgs(['--space', 'status']).migrateOnly)
  t.true(splitArgs(['--no-sync']).sync.skip)
})
