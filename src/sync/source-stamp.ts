// The incremental sync's key: what a page's entry was made from, recorded in its base (src/model/sync-base.ts).
// The input: the file's bytes, the variables and the code that turns them into entries (a fingerprint of the
// sources of the parser, the sync and the model, so any change to them re-reads every page); `context`
// covers what the page depends on beyond its file: where its links lead, which assets its images are, the
// nav's title for it. A page whose input and context are unchanged since it landed needs no parse.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ImageRef } from '../model/article.ts'
import { contentHash, sha256Hex } from '../model/canonical-json.ts'

export type { SourceStamp } from '../model/sync-base.ts'

/** Where the page's links lead (entry ids) and what its images are (asset ids), as the run resolves them. */
export interface ContextResolver {
  entryOf: (path: string) => string | null
  assetOf: (ref: ImageRef) => string | null
  navTitle: (path: string) => string | null
}

const repo = join(import.meta.dirname, '..', '..')
let code: string | null = null

/** A fingerprint of the code that makes entries from Markdown, and of the dependency versions it runs on. */
export function codeVersion(): string {
  if (code !== null) return code
  const files: string[] = []
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, d.name)
      if (d.isDirectory()) walk(path)
      else if (d.name.endsWith('.ts')) files.push(path)
    }
  }
  for (const dir of ['src/markdown', 'src/model', 'src/sync', 'content-types']) walk(join(repo, dir))
  files.push(join(repo, 'package-lock.json'))
  code = sha256Hex(files.map((f) => `${f.slice(repo.length)}\0${readFileSync(f, 'utf8')}`).join('\0'))
  return code
}

/** What a page's entry is made from besides its context: the file's bytes, the variables, the code. */
export interface InputStamp {
  file: string
  vars: string
  code: string
}

export function inputStamp(text: string, variables: Record<string, string> | undefined): InputStamp {
  return {
    file: sha256Hex(text).slice(0, 40),
    vars: contentHash(variables ?? {}),
    code: codeVersion().slice(0, 40),
  }
}

export function sameInput(a: InputStamp, b: InputStamp): boolean {
  return a.file === b.file && a.vars === b.vars && a.code === b.code
}

export function contextStamp(
  path: string | null,
  links: string[],
  images: Pick<ImageRef, 'src' | 'path' | 'alt'>[],
  resolver: ContextResolver,
): string {
  return contentHash([
    links.map((p) => [p, resolver.entryOf(p)]),
    images.map((ref) => resolver.assetOf({ ...ref, width: null })),
    path === null ? null : resolver.navTitle(path),
  ])
}
