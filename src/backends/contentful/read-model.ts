// The model snapshot: every content type (draft and active versions) and editor interface, kb-cms's own
// internal types left out so the drift check never reports them.
import type { ModelSnapshot } from '../port.ts'
import type { Connection } from './client.ts'
import { envPath, listContentTypes, MAX_PAGE } from './entity-requests.ts'
import { isInternalType } from './internal-types.ts'
import { toContentTypeRecord, toEditorInterfaceRecord } from './records.ts'

export async function readModel(conn: Connection): Promise<ModelSnapshot> {
  const [drafts, actives, editorInterfaces] = await Promise.all([
    listContentTypes(conn),
    conn.call('GET public/content_types', (c) =>
      c.raw.get(`${envPath(conn)}/public/content_types`, { params: { limit: MAX_PAGE } }),
    ),
    conn.call('GET editor_interfaces', (c) => c.editorInterface.getMany({})),
  ])
  const activeById = new Map(
    ((actives as { items: { sys: { id: string } }[] }).items ?? []).map((a) => [a.sys.id, a]),
  )
  return {
    contentTypes: drafts.items
      .filter((d) => !isInternalType(d.sys.id))
      .map((d) => toContentTypeRecord(d, activeById.get(d.sys.id))),
    editorInterfaces: editorInterfaces.items
      .filter((ei) => !isInternalType(ei.sys.contentType.sys.id))
      .map(toEditorInterfaceRecord),
  }
}
