// The fields the sync owns, typed against the content model (src/generated/content-types.ts, generated from
// content-types/): the sync must give every field of a type a value or null, except the ones it leaves to
// others, so a field the model has and the sync forgets, or one the sync writes and the model lacks, does not
// compile. Whatever the sync does not own (its bookkeeping, fields migrations or editors add) it never touches.
import type { Document } from '@contentful/rich-text-types'
import type { SkeletonByContentType } from '../generated/content-types.ts'
import type { Link } from '../model/contentful-types.ts'
import type { BASE_FIELD } from '../model/sync-base.ts'

export type SyncedType = keyof SkeletonByContentType

/** Fields of the model the sync never writes: the base it keeps (see src/model/sync-base.ts). */
type NotOwned = typeof BASE_FIELD

/** The plain (default-locale) value of a field type of the model. */
type Plain<F> = F extends { type: 'Symbol' | 'Text'; values: infer V }
  ? V
  : F extends { type: 'Integer' | 'Number'; values: infer V }
    ? V
    : F extends { type: 'Boolean' }
      ? boolean
      : F extends { type: 'RichText' }
        ? Document
        : F extends { type: 'Object' }
          ? unknown
          : F extends { type: 'Array'; item: infer I }
            ? Plain<I>[]
            : F extends { type: 'EntryLink' }
              ? Link<'Entry'>
              : F extends { type: 'AssetLink' }
                ? Link<'Asset'>
                : never

type Fields<T extends SyncedType> = SkeletonByContentType[T]['fields']
type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T]

/** Every owned field of a type: required ones with a value, optional ones with a value or null (none). */
export type OwnedFields<T extends SyncedType> = {
  [K in Exclude<RequiredKeys<Fields<T>>, NotOwned>]: Plain<Fields<T>[K]>
} & {
  [K in Exclude<keyof Fields<T>, RequiredKeys<Fields<T>> | NotOwned>]-?: Plain<Fields<T>[K]> | null
}
