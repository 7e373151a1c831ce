// Every rule of src/markdown/rules/ as a unit: its own examples, matched (ok) and not matched (notOk).
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import test from 'ava'
import { CUE_RULES } from '../../src/markdown/rules/index.ts'
import { AT_START, PREAMBLE_RULES, placeSentence } from '../../src/markdown/rules/preamble-place.ts'

for (const rule of CUE_RULES) {
  test(`rule ${rule.id}: ${rule.decides}`, (t) => {
    t.true(
      rule.ok.length > 0 && rule.notOk.length > 0,
      'a rule shows both what it matches and what it does not',
    )
    for (const s of rule.ok) t.true(rule.pattern.test(s), `should match: ${s}`)
    for (const s of rule.notOk) t.false(rule.pattern.test(s), `should not match: ${s}`)
  })
}

test('the index lists every rule module once, and ids are unique', (t) => {
  const dir = join(import.meta.dirname, '../../src/markdown/rules')
  const modules = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !['index.ts', 'rule.ts'].includes(f) && !f.startsWith('preamble-'))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort()
  const ids = CUE_RULES.map((r) => r.id)
  t.is(new Set(ids).size, ids.length)
  t.deepEqual([...ids].sort(), modules)
})

// The preamble's ordered sentence rules: each example placed by the rule itself (ok) or left to others (notOk).
for (const rule of PREAMBLE_RULES) {
  test(`preamble rule ${rule.id}: ${rule.decides}`, (t) => {
    t.true(rule.ok.length > 0 && rule.notOk.length > 0)
    for (const ex of rule.ok) t.not(rule.place({ ...AT_START, ...ex }), null, `should place: ${ex.t}`)
    for (const ex of rule.notOk) t.is(rule.place({ ...AT_START, ...ex }), null, `should not place: ${ex.t}`)
  })
}

test('the first preamble rule that answers wins', (t) => {
  // A scope sentence with a causal phrase: condition-scope declines it, cause-phrase (later) takes it.
  const s = { ...AT_START, t: 'It only happens in the desktop app because of a stale cache.' }
  t.deepEqual(placeSentence(s), { field: 'cause', rule: 'cause-phrase' })
  t.deepEqual(placeSentence({ ...AT_START, t: 'Open the app.' }), { field: 'other', rule: 'unplaced' })
})
