// The read-only space-level resources Contentful's tooling reads before it does anything (export, import,
// the CLI): the list of spaces, the current user, the space's roles and memberships. The local space has one
// user, who is its administrator, and the roles a new Contentful space starts with.

import { HttpError } from '../http-error.ts'
import type { DiskRegistry } from './registry.ts'
import { ID, type Route } from './route.ts'
import { collection } from './shapes.ts'

const link = (linkType: string, id: string) => ({ sys: { type: 'Link', linkType, id } })
export const LOCAL_USER_ID = 'local'
const ORGANIZATION_ID = 'local'

export function spaceJson(spaceId: string, createdAt: string) {
  return {
    name: spaceId,
    sys: {
      type: 'Space',
      id: spaceId,
      version: 1,
      organization: link('Organization', ORGANIZATION_ID),
      createdBy: link('User', LOCAL_USER_ID),
      updatedBy: link('User', LOCAL_USER_ID),
      createdAt,
      updatedAt: createdAt,
    },
  }
}

function roleJson(spaceId: string, id: string, name: string, description: string, createdAt: string) {
  const all = {
    ContentModel: ['read'],
    ContentDelivery: 'all',
    Environments: 'all',
    EnvironmentAliases: 'all',
    Settings: [],
    Tags: 'all',
  }
  return {
    name,
    description,
    policies: [
      { effect: 'allow', actions: 'all', constraint: { and: [{ equals: [{ doc: 'sys.type' }, 'Entry'] }] } },
      { effect: 'allow', actions: 'all', constraint: { and: [{ equals: [{ doc: 'sys.type' }, 'Asset'] }] } },
    ],
    permissions: all,
    sys: { type: 'Role', id, version: 1, space: link('Space', spaceId), createdAt, updatedAt: createdAt },
  }
}

function roles(spaceId: string, createdAt: string) {
  return [
    roleJson(spaceId, 'editor', 'Editor', 'Allows editing, publishing and archiving all content', createdAt),
    roleJson(spaceId, 'author', 'Author', 'Allows creating and editing content', createdAt),
  ]
}

function membership(spaceId: string, createdAt: string) {
  return {
    admin: true,
    roles: [],
    sys: {
      type: 'SpaceMembership',
      id: 'local-admin',
      version: 1,
      space: link('Space', spaceId),
      user: link('User', LOCAL_USER_ID),
      createdAt,
      updatedAt: createdAt,
    },
  }
}

/** Routes above every space (`/spaces`, `/users/me`). */
export function rootRoutes(registry: DiskRegistry): Route[] {
  const created = () => registry.open(registry.resolve('master')).createdAt
  return [
    ['GET', /^\/spaces$/, (ctx) => ctx.json(200, collection([spaceJson(ctx.spaceId, created())]))],
    [
      'GET',
      /^\/users\/me$/,
      (ctx) =>
        ctx.json(200, {
          firstName: 'Local',
          lastName: 'User',
          avatarUrl: '',
          email: 'local@localhost',
          activated: true,
          signInCount: 1,
          confirmed: true,
          '2faEnabled': false,
          sys: { type: 'User', id: LOCAL_USER_ID, version: 1, createdAt: created(), updatedAt: created() },
        }),
    ],
  ]
}

/** Read-only routes under `/spaces/local`. */
export function spaceLevelRoutes(registry: DiskRegistry): Route[] {
  const created = () => registry.open(registry.resolve('master')).createdAt
  return [
    ['GET', /^$/, (ctx) => ctx.json(200, spaceJson(ctx.spaceId, created()))],
    ['GET', /^\/roles$/, (ctx) => ctx.json(200, collection(roles(ctx.spaceId, created())))],
    [
      'GET',
      new RegExp(`^/roles/${ID}$`),
      (ctx, [, id = '']) => {
        const role = roles(ctx.spaceId, created()).find((r) => r.sys.id === id)
        if (!role) throw new HttpError(404, 'NotFound', `role "${id}" does not exist`)
        ctx.json(200, role)
      },
    ],
    [
      'GET',
      /^\/space_memberships$/,
      (ctx) => ctx.json(200, collection([membership(ctx.spaceId, created())])),
    ],
    [
      'GET',
      /^\/users$/,
      (ctx) =>
        ctx.json(
          200,
          collection([
            {
              firstName: 'Local',
              lastName: 'User',
              email: 'local@localhost',
              sys: { type: 'User', id: LOCAL_USER_ID, version: 1 },
            },
          ]),
        ),
    ],
  ]
}
