// ava runs the group files at the top of test/ (see test/groups.test.ts), three at a time on two cores: one of
// them is mostly waiting at any time (retries over HTTP, real processes), and the third keeps the cores busy
// (2 min 58 s at two, 2 min 45 s at three, on a quiet machine). The longest start first, so that no long group
// is left to run alone at the end.
const longestFirst = [
  'sync-crash',
  'markdown-robustness',
  'sync-hostile',
  'e2e-processes',
  'sync',
  'e2e',
  'server',
  'markdown',
]
const rank = (file) => {
  const i = longestFirst.findIndex((name) => file.endsWith(`/test/${name}.test.ts`))
  return i < 0 ? longestFirst.length : i
}

export default {
  files: ['test/*.test.ts'],
  extensions: { ts: 'module' },
  nodeArguments: ['--import=tsx'],
  workerThreads: false,
  concurrency: 3,
  timeout: '2m',
  sortTestFiles: (a, b) => rank(a) - rank(b) || a.localeCompare(b),
}
