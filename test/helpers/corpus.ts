// Tests that read the third-party development corpus find it at run time, never in this repository.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { TestFn } from 'ava'

export const corpusDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus')
export const corpusDocs = join(corpusDir, 'docs')
export const hasCorpus = existsSync(corpusDocs)

/** Registers nothing: what corpusTest hands out when the corpus is absent. */
const unregistered = (() => {}) as unknown as TestFn<unknown>

/**
 * `corpusTest(test)('title', fn)` registers the test when ../shared/corpus exists. Without it the test is not
 * registered at all, so a clone's run shows one skip line in total: the one test/markdown/corpus.test.ts
 * prints with `corpusSkipNotice`, not one per corpus test.
 */
export function corpusTest<T>(test: TestFn<T>): TestFn<T> {
  return hasCorpus ? test : (unregistered as TestFn<T>)
}

/** The one line a run without the corpus shows for every corpus test (a message, not a skipped test). */
export function corpusSkipNotice(): void {
  if (!hasCorpus) console.warn('corpus tests skipped: ../shared/corpus not found')
}
