// Content types (drafts, activation, the active versions under /public) and their editor interfaces.

import type { ContentType } from '../../model/contentful-types.ts'
import { page } from './listing.ts'
import { ID, jsonBody, newId, noContent, type Route, versionHeader, where, writeVersion } from './route.ts'
import { collection, contentTypeJson, editorInterfaceJson } from './shapes.ts'

export const contentTypeRoutes: Route[] = [
  [
    'GET',
    /^\/content_types$/,
    (ctx) =>
      ctx.json(
        200,
        page(
          ctx,
          ctx.space.contentTypes.list().map((ct) => contentTypeJson(ct, where(ctx))),
        ),
      ),
  ],
  [
    'GET',
    /^\/public\/content_types$/,
    (ctx) => {
      const active = ctx.space.contentTypes.list().filter((ct) => ct.active)
      ctx.json(
        200,
        page(
          ctx,
          active.map((ct) => contentTypeJson(ct, where(ctx), 'active')),
        ),
      )
    },
  ],
  [
    'GET',
    new RegExp(`^/content_types/${ID}$`),
    (ctx, [, id = '']) => ctx.json(200, contentTypeJson(ctx.space.contentTypes.get(id), where(ctx))),
  ],
  [
    'POST',
    /^\/content_types$/,
    async (ctx) => {
      const ct = ctx.space.contentTypes.put(definition(newId(), await jsonBody(ctx)), undefined)
      ctx.json(201, contentTypeJson(ct, where(ctx)))
    },
  ],
  [
    'PUT',
    new RegExp(`^/content_types/${ID}$`),
    async (ctx, [, id = '']) => {
      const body = await jsonBody(ctx)
      const existed = ctx.space.contentTypes.find(id) !== null
      const ct = ctx.space.contentTypes.put(definition(id, body), writeVersion(ctx, existed))
      ctx.json(existed ? 200 : 201, contentTypeJson(ct, where(ctx)))
    },
  ],
  [
    'DELETE',
    new RegExp(`^/content_types/${ID}$`),
    (ctx, [, id = '']) => {
      ctx.space.contentTypes.delete(id)
      noContent(ctx)
    },
  ],
  [
    'PUT',
    new RegExp(`^/content_types/${ID}/published$`),
    (ctx, [, id = '']) => {
      // Links are not checked at activation: a migration creates content types that link to each other one
      // after the other, and Contentful accepts a link validation naming a type that does not exist yet.
      const ct = ctx.space.contentTypes.activate(id, versionHeader(ctx), { checkLinks: false })
      ctx.json(200, contentTypeJson(ct, where(ctx)))
    },
  ],
  [
    'DELETE',
    new RegExp(`^/content_types/${ID}/published$`),
    (ctx, [, id = '']) =>
      ctx.json(200, contentTypeJson(ctx.space.contentTypes.deactivate(id, versionHeader(ctx)), where(ctx))),
  ],
  [
    'GET',
    /^\/editor_interfaces$/,
    (ctx) =>
      ctx.json(
        200,
        collection(
          ctx.space.contentTypes.listEditorInterfaces().map((ei) => editorInterfaceJson(ei, where(ctx))),
        ),
      ),
  ],
  [
    'GET',
    new RegExp(`^/content_types/${ID}/editor_interface$`),
    (ctx, [, id = '']) =>
      ctx.json(200, editorInterfaceJson(ctx.space.contentTypes.getEditorInterface(id), where(ctx))),
  ],
  [
    'PUT',
    new RegExp(`^/content_types/${ID}/editor_interface$`),
    async (ctx, [, id = '']) => {
      const { sys: _sys, ...rest } = (await jsonBody(ctx)) as Record<string, unknown>
      const ei = ctx.space.contentTypes.putEditorInterface(id, rest as never, versionHeader(ctx))
      ctx.json(200, editorInterfaceJson(ei, where(ctx)))
    },
  ],
]

/** A content type body → the definition the store checks (name, fields and displayField are validated there). */
function definition(id: string, body: Record<string, unknown>): ContentType {
  return {
    id,
    name: body.name as string,
    ...(typeof body.description === 'string' && body.description ? { description: body.description } : {}),
    displayField: body.displayField as string,
    fields: (body.fields ?? []) as never,
  }
}
