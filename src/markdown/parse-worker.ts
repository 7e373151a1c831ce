// The parser in a worker thread (see bounded-parse.ts): one file in, one Article out.
import { parentPort } from 'node:worker_threads'
import type { ParseOptions } from './parse-article.ts'
import { parseArticleSource } from './parse-article.ts'

parentPort?.on(
  'message',
  ({ path, text, options }: { path: string; text: string; options: ParseOptions }) => {
    parentPort?.postMessage(parseArticleSource(path, text, options).article)
  },
)
