// Counts the calls a run makes to its backend, by method: how the bench and the tests check that a run with
// nothing to do costs one ledger read and no model read.
export type CallCounts = Record<string, number>

export function countingBackend<T extends object>(backend: T): { backend: T; calls: CallCounts } {
  const calls: CallCounts = {}
  const proxy = new Proxy(backend, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver)
      if (typeof value !== 'function' || typeof key !== 'string') return value
      return (...args: unknown[]) => {
        calls[key] = (calls[key] ?? 0) + 1
        return value.apply(target, args)
      }
    },
  })
  return { backend: proxy, calls }
}
