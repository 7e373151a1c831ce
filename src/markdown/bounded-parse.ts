// A hostile file must not take the run down: remark-parse itself can exhaust the heap on a 2 MB table or the
// stack on 200,000 links. Large files are parsed in a worker thread with a heap limit and a time limit; a file
// over either bound becomes one fatal diagnostic naming it, the worker is replaced, and the run goes on.
// Small files cannot reach the bounds and parse in-process, which saves the worker's start-up.
import { Worker } from 'node:worker_threads'
import { type Article, emptyArticle } from '../model/article.ts'
import { type ParseOptions, parseArticleSource } from './parse-article.ts'

export interface ParseBounds {
  /** Files of at least this many characters are parsed in the worker. */
  workerFrom: number
  heapMb: number
  timeoutMs: number
}

export const DEFAULT_BOUNDS: ParseBounds = { workerFrom: 64 * 1024, heapMb: 1024, timeoutMs: 60_000 }

// The worker runs TypeScript like the rest of the process: tsx is registered in it before the parser loads.
const WORKER_SOURCE = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(
  new URL('./parse-worker.ts', import.meta.url).href,
)}) })`

export class BoundedParser {
  private worker: Worker | null = null
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly bounds: ParseBounds = DEFAULT_BOUNDS) {}

  parse(path: string, text: string, options: ParseOptions): Promise<Article> {
    if (text.length < this.bounds.workerFrom)
      return Promise.resolve(parseArticleSource(path, text, options).article)
    // One file at a time in the worker, so a bound is that file's alone.
    const next = this.queue.then(() => this.inWorker(path, text, options))
    this.queue = next.catch(() => undefined)
    return next
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    await worker?.terminate()
  }

  private inWorker(path: string, text: string, options: ParseOptions): Promise<Article> {
    const worker = this.spawn()
    return new Promise((resolve) => {
      const done = (article: Article) => {
        clearTimeout(timer)
        worker.off('message', onMessage)
        worker.off('error', onError)
        worker.off('exit', onExit)
        resolve(article)
      }
      const overBound = (why: string) => {
        this.discard(worker)
        done(tooBig(path, why))
      }
      const onMessage = (article: Article) => done(article)
      const onError = (error: Error) =>
        overBound(
          (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `needs more than ${this.bounds.heapMb} MB of memory to parse`
            : `stopped the parser: ${error.message}`,
        )
      const onExit = () => overBound('stopped the parser')
      const timer = setTimeout(
        () => overBound(`takes longer than ${this.bounds.timeoutMs / 1000} s to parse`),
        this.bounds.timeoutMs,
      )
      worker.on('message', onMessage)
      worker.on('error', onError)
      worker.on('exit', onExit)
      worker.postMessage({ path, text, options })
    })
  }

  private spawn(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: this.bounds.heapMb },
    })
    worker.unref() // an idle worker never keeps the process alive; a parse in flight has its timer
    this.worker = worker
    return worker
  }

  private discard(worker: Worker): void {
    if (this.worker === worker) this.worker = null
    // A worker stopped at the time limit may still run out of memory while it stops: that late error has no
    // parse to fail any more, and unheard it would end the whole process.
    worker.on('error', () => {})
    void worker.terminate()
  }
}

function tooBig(path: string, why: string): Article {
  const article = emptyArticle(path, '')
  article.diagnostics.push({
    ruleId: 'parse-over-bound',
    severity: 'fatal',
    message: `This file ${why}; it is left out and the other files go on`,
    line: null,
    column: null,
  })
  return article
}
