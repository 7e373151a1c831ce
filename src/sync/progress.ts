// A one-line progress bar on stderr, only when stderr is a terminal and the run is long enough to need one;
// redrawn at most every 100 ms so a fast run does not spend its time drawing.
export interface ProgressStream {
  isTTY?: boolean
  columns?: number
  write(chunk: string): unknown
}

const MIN_ITEMS = 20

export function progressBar(stream: ProgressStream, label = 'syncing') {
  let last = 0
  let drawn = false
  return {
    update({ done, total }: { done: number; total: number }) {
      if (!stream.isTTY || total < MIN_ITEMS) return
      const now = Date.now()
      if (done < total && now - last < 100) return
      last = now
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 20))
      const filled = Math.round((done / total) * width)
      stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`)
      drawn = true
    },
    end() {
      if (drawn) stream.write('\n')
    },
  }
}
