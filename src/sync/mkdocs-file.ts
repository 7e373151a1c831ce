// Where the docs root's mkdocs.yml is: MkDocs keeps it beside its docs folder; this project keeps it inside
// content/. The sync reads its `extra:` variables and its `nav` menu from the same file.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

export function findMkdocsYml(source: string): string | undefined {
  return [join(source, 'mkdocs.yml'), resolve(source, '..', 'mkdocs.yml')].find((f) => existsSync(f))
}
