// What the Delivery face reads: the published state of one environment, in memory. The query engine is pure
// over it, so every CDA behaviour can be tested without a store or a socket.
import type { ContentType, LocalizedFields } from '../../model/contentful-types.ts'

/** Publication metadata, as the CDA reports it (createdAt = first publish, updatedAt = last publish). */
export interface PublishedSys {
  id: string
  createdAt: string
  updatedAt: string
  /** How many times the entity was published: the CDA's `sys.revision`. */
  revision: number
}

export interface PublishedEntry {
  sys: PublishedSys & { contentTypeId: string }
  /** The fields as they were when last published, all locales. */
  fields: LocalizedFields
  /** Ids of the public tags it carried when published (private tags are never delivered). */
  tags?: string[]
}

export interface PublishedAsset {
  sys: PublishedSys
  fields: LocalizedFields
  tags?: string[]
}

/** A public tag, as the CDA's `/tags` lists it. */
export interface PublishedTag {
  id: string
  name: string
  version: number
  createdAt: string
  updatedAt: string
}

export interface PublishedContentType {
  sys: PublishedSys
  /** The active (published) definition. */
  contentType: ContentType
}

export interface DeliverySnapshot {
  spaceId: string
  environmentId: string
  defaultLocale: string
  locales: string[]
  /** Each locale's fallback code (null: none); without it every locale falls back to the default. */
  fallbacks?: Record<string, string | null>
  /** Display names by code. */
  localeNames?: Record<string, string>
  contentTypes: PublishedContentType[]
  entries: PublishedEntry[]
  assets: PublishedAsset[]
  tags?: PublishedTag[]
}
