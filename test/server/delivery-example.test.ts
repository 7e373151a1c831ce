// examples/article-page.ts, the site's fetch-and-render code, against the local Delivery API: in process, and
// as the command its README shows.
import { join } from 'node:path'
import test from 'ava'
import { deliveryClient, fetchArticle, renderArticle } from '../../examples/article-page.ts'
import type { RunningServer } from '../../src/server/server.ts'
import { runScript } from '../helpers/run-command.ts'
import { DELIVERY_TOKEN, repoRoot, seededSpace, serve } from './delivery-fixture.ts'

let space: Awaited<ReturnType<typeof seededSpace>>
let server: RunningServer

test.before(async () => {
  space = await seededSpace(join(repoRoot, 'content'))
  server = await serve(space.dir)
})
test.after.always(async () => {
  await server?.close()
  await space?.cleanup()
})

test('the example fetches an article by slug and renders its steps, screenshots and banner', async (t) => {
  const client = deliveryClient({ accessToken: DELIVERY_TOKEN, host: server.hostPort })
  const article = await fetchArticle(client, 'articles/attachments-fail-to-upload')
  if (!article) return t.fail('article not delivered')
  const html = renderArticle(article, 'http:')
  t.true(html.startsWith('<h1>Attachments Fail to Upload in {{ product_name }} with Error AN-204</h1>'))
  t.is(html.match(/<li class="step">/g)?.length, 7, 'every step of both resolutions')
  const images = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1] as string)
  t.true(images.length >= 3, 'step screenshots and the banner image')
  for (const src of images) {
    t.true(src.startsWith(`http://${server.hostPort}/assets/`), src)
    t.is((await fetch(src)).status, 200)
  }
  t.regex(
    html,
    /<a href="https:\/\/example\.com\/sign-up\/\?utm_source=kb&amp;utm_medium=banner&amp;utm_campaign=trial">/,
  )
  t.is(await fetchArticle(client, 'no-such-article'), undefined)
})

test('the example runs as a command and prints the page', async (t) => {
  const example = join(repoRoot, 'examples', 'article-page.ts')
  const { stdout } = await runScript(example, ['articles/attachments-fail-to-upload', server.hostPort], {
    env: { KB_CMS_DELIVERY_TOKEN: DELIVERY_TOKEN },
  })
  t.regex(stdout, /^<h1>Attachments Fail to Upload/)
  const failed = await runScript(example, [], { env: { KB_CMS_DELIVERY_TOKEN: '' } })
  t.not(failed.code, 0)
  t.regex(failed.stderr, /usage: KB_CMS_DELIVERY_TOKEN/)
})
