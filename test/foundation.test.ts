import test from 'ava'
import { link } from '../src/model/contentful-types.ts'

test('links are Contentful link objects', (t) => {
  t.deepEqual(link('Asset', 'abc'), { sys: { type: 'Link', linkType: 'Asset', id: 'abc' } })
})
