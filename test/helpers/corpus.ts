// Tests that read the third-party development corpus find it at run time, never in this repository.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { TestFn } from 'ava'

export const corpusDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus')
export const corpusDocs = join(corpusDir, 'docs')
export const hasCorpus = existsSync(corpusDocs)

/** `corpusTest(test)('title', fn)` runs the test when ../shared/corpus exists and skips it, saying why, when not. */
export function corpusTest<T>(test: TestFn<T>) {
  if (hasCorpus) return test
  console.warn('corpus tests skipped: ../shared/corpus not found')
  return test.skip
}
