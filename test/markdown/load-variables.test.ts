import { join } from 'node:path'
import test from 'ava'
import { loadVariables, parseVariables, VariablesError } from '../../src/markdown/load-variables.ts'
import { corpusDir, corpusTest } from '../helpers/corpus.ts'

test('a plain map gives its scalars exactly as written', (t) => {
  const vars = parseVariables(
    'vars.yml',
    'product: Widget Pro\nversion: 3.0\nenabled: false\nquoted: "a: b"\n',
  )
  t.deepEqual(vars, { product: 'Widget Pro', version: '3.0', enabled: 'false', quoted: 'a: b' })
})

test('lists, maps and empty values are left out, so their tokens stay verbatim', (t) => {
  t.deepEqual(parseVariables('vars.yml', 'a: 1\nlist: [x, y]\nmap: {k: v}\nempty:\nblank: ""\n'), { a: '1' })
})

test('an mkdocs.yml gives its extra: block, whatever python tags it carries', (t) => {
  const text = [
    'site_name: Example',
    'markdown_extensions:',
    '  - pymdownx.emoji:',
    '      emoji_index: !!python/name:material.extensions.emoji.twemoji',
    '  - toc: !ENV [TOC, true]',
    'company_name: not a variable outside extra',
    'extra:',
    '  company_name: Acme',
    '  social:',
    '    - icon: x',
    '',
  ].join('\n')
  t.deepEqual(parseVariables('mkdocs.yml', text), { company_name: 'Acme' })
  // Recognised by its required key as well as by its name.
  t.deepEqual(parseVariables('site.yml', text), { company_name: 'Acme' })
  t.deepEqual(parseVariables('mkdocs.yaml', 'site_name: x\n'), {})
})

test('errors name the file, line and column', (t) => {
  const error = t.throws(() => parseVariables('v.yml', 'a: 1\na: 2\n'), { instanceOf: VariablesError })
  t.is(error?.message, 'v.yml:2:1: Map keys must be unique')
  t.is(error?.line, 2)
  t.is(error?.column, 1)
  t.throws(() => parseVariables('v.yml', 'just a string\n'), {
    message: 'v.yml:1:1: expected a map of variable names to values',
  })
  t.throws(() => parseVariables('mkdocs.yml', 'site_name: x\nextra:\n  - a\n'), {
    message: 'mkdocs.yml:3:3: `extra:` in mkdocs.yml must be a map',
  })
})

test('a key named __proto__ is data, not a prototype', (t) => {
  const vars = parseVariables('v.yml', '__proto__: x\n')
  t.is(Object.getPrototypeOf(vars), Object.prototype)
  t.is(Object.getOwnPropertyDescriptor(vars, '__proto__')?.value, 'x')
})

corpusTest(test)('the corpus mkdocs.yml defines the variables its articles use', (t) => {
  const vars = loadVariables(join(corpusDir, 'mkdocs.yml'))
  for (const name of ['product_name', 'short_name', 'company_name', 'short_company_name'])
    t.true((vars[name] ?? '').length > 0, name)
})
