import test from 'ava'
import { progressBar } from '../../src/sync/progress.ts'

const stream = (isTTY: boolean) => {
  const out: string[] = []
  return { out, isTTY, columns: 80, write: (s: string) => out.push(s) > 0 }
}

test('a terminal sees a progress bar for a long run, ending on its own line', (t) => {
  const s = stream(true)
  const bar = progressBar(s)
  bar.update({ done: 0, total: 50 })
  bar.update({ done: 50, total: 50 })
  bar.end()
  t.regex(s.out.join(''), /\rsyncing \[-+\] 0\/50\rsyncing \[#+\] 50\/50\n$/)
})

test('no bar when stderr is not a terminal, or the run is short', (t) => {
  const piped = stream(false)
  progressBar(piped).update({ done: 50, total: 50 })
  const short = stream(true)
  progressBar(short).update({ done: 3, total: 3 })
  t.deepEqual([...piped.out, ...short.out], [])
})
