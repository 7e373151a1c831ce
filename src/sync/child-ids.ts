// Which id each child entry of a page gets (resolutions, their steps, notes). A child keeps its id when others
// are inserted or removed around it, so an editor's change stays with the step it was made on: the children
// are aligned with the ones the page's base records (src/model/sync-base.ts) by what they were made from, as a
// diff aligns lines — unchanged ones match, a changed one between two matches keeps the id of the one it
// replaced, an inserted one gets a new number from the page's counter (never reused). Pure.
import type { Article } from '../model/article.ts'
import { contentHash } from '../model/canonical-json.ts'
import type { ChildRecord, SyncBase } from '../model/sync-base.ts'
import { childId, noteSuffix, resolutionSuffix, stepSuffix } from './ids.ts'

export type ChildIds = NonNullable<SyncBase['children']>

/** Ids for the article's children: positional for a page with no record yet (as before), aligned otherwise. */
export function assignChildIds(base: string, article: Article, previous: ChildIds | undefined): ChildIds {
  const keys = childKeys(article)
  if (!previous) {
    const resolutions = keys.resolutions.map((r, i) => {
      const id = childId(base, resolutionSuffix(i + 1))
      const steps = r.steps.map((key, j) => ({ id: childId(base, stepSuffix(i + 1, j + 1)), key }))
      return { id, key: r.key, steps }
    })
    const notes = keys.notes.map((key, i) => ({ id: childId(base, noteSuffix(i + 1)), key }))
    const counts = [resolutions.length, notes.length, ...resolutions.map((r) => r.steps.length)]
    return { resolutions, notes, next: Math.max(0, ...counts) + 1 }
  }
  let next = previous.next
  const resolutions = align(keys.resolutions, previous.resolutions, (r) => r.key).map(([r, old]) => {
    const id = old?.id ?? childId(base, resolutionSuffix(next++))
    const number = Number(/\.r(\d+)$/.exec(id)?.[1])
    const steps = align(r.steps, old?.steps ?? [], (key) => key).map(([key, oldStep]) => ({
      id: oldStep?.id ?? childId(base, stepSuffix(number, next++)),
      key,
    }))
    return { id, key: r.key, steps }
  })
  const notes = align(keys.notes, previous.notes, (key) => key).map(([key, old]) => ({
    id: old?.id ?? childId(base, noteSuffix(next++)),
    key,
  }))
  return { resolutions, notes, next }
}

/** What each child is made from, fingerprinted: text and images as the parser read them. */
function childKeys(article: Article) {
  const key = (value: unknown) => contentHash(value).slice(0, 12)
  return {
    resolutions: article.resolutions.map((r) => {
      const steps = r.steps.map((s) => key([s.instruction, s.images.map((i) => i.src)]))
      // Its steps too: resolutions often have no title, and would otherwise all look alike.
      return { key: key([r.title, r.cause, r.intro, steps]), steps }
    }),
    notes: article.notes.map((n) => key([n.kind, n.title, n.body])),
  }
}

/**
 * Pairs each new item with the old record it continues, or none: the longest common run of equal keys is
 * matched, and in each gap between matches the items pair up in order (an edit in place); the rest are new.
 */
export function align<T>(
  items: T[],
  old: ChildRecord[],
  keyOf: (item: T) => string,
): [T, ChildRecord | null][] {
  const n = items.length
  const m = old.length
  const keys = items.map(keyOf)
  // lcs(i, j): the length of the longest common subsequence of items[i..] and old[j..].
  const table = new Int32Array((n + 1) * (m + 1))
  const lcs = (i: number, j: number) => table[i * (m + 1) + j] ?? 0
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i * (m + 1) + j] =
        keys[i] === old[j]?.key ? lcs(i + 1, j + 1) + 1 : Math.max(lcs(i + 1, j), lcs(i, j + 1))
  const out: [T, ChildRecord | null][] = []
  let i = 0
  let j = 0
  let gapItems: T[] = []
  let gapOld: ChildRecord[] = []
  const closeGap = () => {
    for (const [k, item] of gapItems.entries()) out.push([item, gapOld[k] ?? null])
    gapItems = []
    gapOld = []
  }
  while (i < n || j < m) {
    if (i < n && j < m && keys[i] === old[j]?.key) {
      closeGap()
      out.push([items[i++] as T, old[j++] as ChildRecord])
    } else if (j < m && (i >= n || lcs(i, j + 1) >= lcs(i + 1, j))) gapOld.push(old[j++] as ChildRecord)
    else gapItems.push(items[i++] as T)
  }
  closeGap()
  return out
}
