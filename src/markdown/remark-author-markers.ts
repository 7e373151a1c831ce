// Author markers: HTML comments (`<!-- kb-cms: cause -->`) that MkDocs does not show, placed on a line of their
// own before a block or a section, which settle what the parser would otherwise guess. This plugin finds them
// in the Markdown tree and works out which lines each one covers; apply-markers.ts gives those lines to the
// fields. A marker kb-cms does not know, or one that stands where it cannot apply, is a warning with its place.
import type { Root, RootContent } from 'mdast'
import type { VFile } from 'vfile'
import { report } from '../diagnostics/registry.ts'

/** The markers, by what they settle (docs/article-json.md, "Author markers"). */
export const MARKERS = {
  symptom: 'the block or section is the symptom',
  condition: 'the block or section is the condition',
  cause: 'the block or section is the cause; inside a resolution, that resolution’s cause',
  resolution:
    'a resolution starts here (`resolution "Title"` titles it); it runs to the next marker or heading',
  'not-a-resolution': 'the section is explanation, never a resolution; it goes to body',
  step: 'inside a resolution: one step starts here (the resolution’s steps are exactly its step markers)',
  body: 'the block or section is body text, in no field',
  end: 'ends the resolution above: what follows is read by the parser as usual',
} as const

export type MarkerName = keyof typeof MARKERS
export type FieldMarker = 'symptom' | 'condition' | 'cause'

export interface Marker {
  name: MarkerName
  /** `resolution "Title"`: the resolution's title as the author wrote it. */
  title: string | null
  line: number
  column: number
}

/** A marker with the source lines it covers (inclusive). */
export interface PlacedMarker extends Marker {
  start: number
  end: number
  /** The line of a heading the marker stands before: the section's label, not content. */
  headingLine: number | null
}

/** One top-level block of the page: where author markers can stand, and where --annotate writes them. */
export interface Unit {
  start: number
  end: number
  /** Heading depth, or null for any other block. */
  heading: number | null
  /** The marker comment itself. */
  marker: boolean
}

export interface MarkerPlan {
  markers: PlacedMarker[]
  units: Unit[]
}

declare module 'vfile' {
  interface DataMap {
    authorMarkers: MarkerPlan
  }
}

const COMMENT = /^<!--\s*kb-cms:([\s\S]*?)-->\s*$/
const ANY_MARKER = /<!--\s*kb-cms:/

/** Reads one marker's text (`resolution "Fix the cache"`); null when kb-cms does not know it. */
export function readMarker(text: string): { name: MarkerName; title: string | null } | null {
  const m = /^\s*([a-z-]+)\s*(?:"([^"]*)"|“([^”]*)”)?\s*$/.exec(text)
  if (!m?.[1] || !Object.hasOwn(MARKERS, m[1])) return null
  const title = m[2] ?? m[3] ?? null
  if (title !== null && m[1] !== 'resolution') return null
  return { name: m[1] as MarkerName, title: title === null ? null : title.trim() }
}

/** The comment line for a marker, as --annotate writes it. */
export function markerComment(name: MarkerName, title: string | null = null): string {
  const quoted = title === null ? '' : ` "${title.replace(/"/g, '”')}"`
  return `<!-- kb-cms: ${name}${quoted} -->`
}

export default function remarkAuthorMarkers() {
  return (tree: Root, file: VFile) => {
    // Most pages have no marker: one look at the text spares them the walk.
    file.data.authorMarkers = ANY_MARKER.test(String(file.value ?? ''))
      ? planMarkers(tree, file)
      : { markers: [], units: unitsOf(tree) }
  }
}

function unitsOf(tree: Root): Unit[] {
  return tree.children.flatMap((node) =>
    node.type === 'yaml' || !node.position
      ? []
      : [
          {
            start: node.position.start.line,
            end: node.position.end.line,
            heading: node.type === 'heading' ? node.depth : null,
            marker: false,
          },
        ],
  )
}

function planMarkers(tree: Root, file: VFile): MarkerPlan {
  const units: Unit[] = []
  const found: (Marker & { unit: number })[] = []
  for (const node of tree.children) {
    if (node.type === 'yaml' || !node.position) continue
    const start = node.position.start.line
    const end = node.position.end.line
    const text = node.type === 'html' ? node.value : null
    const comment = text === null ? null : COMMENT.exec(text.trim())
    if (comment) {
      const read = readMarker(comment[1] ?? '')
      const at = { line: start, column: node.position.start.column }
      if (read) found.push({ ...read, ...at, unit: units.length })
      else
        report(
          file,
          'marker-unknown',
          `Unknown marker \`${(comment[1] ?? '').trim()}\`; known: ${Object.keys(MARKERS).join(', ')}`,
          at,
        )
      units.push({ start, end, heading: null, marker: true })
      continue
    }
    units.push({ start, end, heading: node.type === 'heading' ? node.depth : null, marker: false })
    misplacedInside(node, file)
  }

  const markers: PlacedMarker[] = []
  // Where the enclosing resolution (or not-a-resolution) ends, for `step` and a resolution's `cause`.
  let section: { end: number } | null = null
  for (const marker of found) {
    const next = units.findIndex((u, i) => i > marker.unit && !u.marker)
    const target = units[next]
    const where = { line: marker.line, column: marker.column }
    if (marker.name === 'end') {
      if (!section || marker.line > section.end + 1)
        report(file, 'marker-misplaced', 'Marker `end` closes nothing: no resolution is open here', where)
      else section.end = marker.line - 1
      section = null
      markers.push({ ...marker, start: marker.line, end: marker.line - 1, headingLine: null })
      continue
    }
    if (!target) {
      report(file, 'marker-misplaced', `Marker \`${marker.name}\` has no block after it`, where)
      continue
    }
    if (target.heading === 1) {
      report(
        file,
        'marker-misplaced',
        `Marker \`${marker.name}\` stands before the title; it is ignored`,
        where,
      )
      continue
    }
    const stopAt = (stop: (u: Unit, i: number) => boolean) => {
      const i = units.findIndex((u, j) => j > next && stop(u, j))
      return i < 0 ? Number.POSITIVE_INFINITY : (units[i] as Unit).start - 1
    }
    const markerAt = (i: number, names: readonly MarkerName[]) =>
      found.some((f) => f.unit === i && names.includes(f.name))
    const headingEnd = (depth: number) => stopAt((u) => u.heading !== null && u.heading <= depth)
    let end: number
    if (marker.name === 'resolution' || marker.name === 'not-a-resolution') {
      const byMarker = stopAt((_, i) => markerAt(i, ['resolution', 'not-a-resolution', 'end']))
      const byHeading =
        target.heading !== null ? headingEnd(target.heading) : stopAt((u) => u.heading !== null)
      end = Math.min(byMarker, byHeading)
    } else if (marker.name === 'step') {
      if (!section || marker.line > section.end) {
        report(file, 'marker-misplaced', 'Marker `step` stands outside a resolution; it is ignored', where)
        continue
      }
      end = Math.min(
        section.end,
        stopAt((_, i) => markerAt(i, ['step', 'symptom', 'condition', 'cause', 'body'])),
      )
    } else {
      end = target.heading !== null ? headingEnd(target.heading) : target.end
      // A section marked as a field ends where the next marker takes over.
      if (target.heading !== null)
        end = Math.min(
          end,
          stopAt((u) => u.marker),
        )
    }
    const placed: PlacedMarker = {
      ...marker,
      start: target.start,
      end,
      headingLine: target.heading !== null ? target.start : null,
    }
    if (marker.name === 'resolution' || marker.name === 'not-a-resolution') section = placed
    markers.push(placed)
  }
  return { markers, units: units.map(({ start, end, heading, marker }) => ({ start, end, heading, marker })) }
}

/** A marker inside a list, a quote, an admonition or an HTML block applies to nothing: say so. */
function misplacedInside(node: RootContent, file: VFile): void {
  const stack: unknown[] = [node]
  while (stack.length) {
    const n = stack.pop() as {
      type: string
      value?: string
      children?: unknown[]
      position?: RootContent['position']
    }
    if (n.type === 'html' && typeof n.value === 'string' && ANY_MARKER.test(n.value)) {
      report(
        file,
        'marker-misplaced',
        'A `kb-cms:` marker must stand on its own line at the top level of the page, before a block or heading; this one is ignored',
        n.position ? { line: n.position.start.line, column: n.position.start.column } : null,
      )
    }
    if (n.children) stack.push(...n.children)
  }
}
