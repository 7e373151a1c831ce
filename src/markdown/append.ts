// `target.push(...items)` passes every item as an argument, and a page of 200,000 links overflows the stack
// with it; this appends one at a time.
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item)
  return target
}
