// A migration's editor interface write, merged into what the space holds (see merge-editor-interface.ts) and
// sent only when the merge changes something, conditional on the version read.
import type { EditorInterface } from '../../model/contentful-types.ts'
import { mergeEditorInterface } from '../../model/merge-editor-interface.ts'
import { ConflictError } from '../port.ts'
import type { Connection } from './client.ts'
import { orAbsent } from './entity-requests.ts'
import { canonical, toEditorInterface } from './records.ts'

export async function saveEditorInterface(
  conn: Connection,
  contentTypeId: string,
  wanted: EditorInterface,
): Promise<void> {
  for (let round = 0; round < 4; round++) {
    const current = await orAbsent(
      conn.call(
        `GET content_types/${contentTypeId}/editor_interface`,
        (c) => c.editorInterface.get({ contentTypeId }),
        contentTypeId,
      ),
    )
    const before = current ? toEditorInterface(current) : undefined
    const merged = mergeEditorInterface(before, wanted)
    if (before && canonical(before) === canonical(merged)) return
    try {
      await conn.call(
        `PUT content_types/${contentTypeId}/editor_interface`,
        (c) =>
          c.editorInterface.update({ contentTypeId }, {
            ...merged,
            sys: { ...(current?.sys ?? {}), version: current?.sys.version ?? 0 },
          } as never),
        contentTypeId,
      )
      return
    } catch (err) {
      // Changed since it was read (or our own write landed unseen): read and merge again.
      if (err instanceof ConflictError) continue
      throw err
    }
  }
  throw new ConflictError(`editor interface of ${contentTypeId} keeps changing`, contentTypeId)
}
