// Child ids follow the children, not their positions: the alignment with what the page last had.
import test from 'ava'
import { align, assignChildIds } from '../../src/sync/child-ids.ts'
import { article, doc } from './helpers/articles.ts'

const old = (...keys: string[]) => keys.map((key, i) => ({ id: `old-${i + 1}`, key }))
const pairs = (items: string[], records: ReturnType<typeof old>) =>
  align(items, records, (k) => k).map(([item, record]) => `${item}:${record?.id ?? 'new'}`)

test('unchanged children keep their ids; an insertion anywhere is new', (t) => {
  t.deepEqual(pairs(['x', 'a', 'b', 'c'], old('a', 'b', 'c')), ['x:new', 'a:old-1', 'b:old-2', 'c:old-3'])
  t.deepEqual(pairs(['a', 'x', 'b', 'c'], old('a', 'b', 'c')), ['a:old-1', 'x:new', 'b:old-2', 'c:old-3'])
  t.deepEqual(pairs(['a', 'b', 'c', 'x'], old('a', 'b', 'c')), ['a:old-1', 'b:old-2', 'c:old-3', 'x:new'])
})

test('a child changed between two unchanged ones keeps the id of the one it replaced', (t) => {
  t.deepEqual(pairs(['a', 'B', 'c'], old('a', 'b', 'c')), ['a:old-1', 'B:old-2', 'c:old-3'])
  t.deepEqual(pairs(['a', 'c'], old('a', 'b', 'c')), ['a:old-1', 'c:old-3'], 'a removed one leaves no trace')
  t.deepEqual(
    pairs(['b', 'a'], old('a', 'b')),
    ['b:old-2', 'a:new'],
    'a swap: one keeps its id, the moved one is new',
  )
})

test('a page without a record gets positional ids; afterwards new ones come from its counter', (t) => {
  const steps = (...texts: string[]) => texts.map((s) => ({ instruction: doc(s), images: [] }))
  const page = (...texts: string[]) =>
    article('widget-stuck', {
      resolutions: [{ title: null, cause: null, intro: null, steps: steps(...texts) }],
    })
  const first = assignChildIds('w', page('one', 'two'), undefined)
  t.deepEqual(
    first.resolutions.map((r) => [r.id, r.steps?.map((s) => s.id)]),
    [['w.r1', ['w.r1.s1', 'w.r1.s2']]],
  )
  const second = assignChildIds('w', page('zero', 'one', 'two'), first)
  t.deepEqual(
    second.resolutions[0]?.steps?.map((s) => s.id),
    [`w.r1.s${first.next}`, 'w.r1.s1', 'w.r1.s2'],
  )
  t.true(second.next > first.next, 'a number is never handed out twice')
})
