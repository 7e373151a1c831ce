// The shape of one validation failure, as Contentful reports it in a 422's `details.errors`.
export interface ValidationDetail {
  /** e.g. `['fields', 'slug', 'en-US']` or `['fields', 2, 'validations', 0]`. */
  path: (string | number)[]
  /** Contentful's error name: `required`, `type`, `regexp`, `unique`, `size`, `in`, `range`, `linkContentType`… */
  name: string
  message: string
  value?: unknown
}

/** `fields.slug.en-US: does not match …; fields.title: required` — short enough for a terminal. */
export function summarize(details: ValidationDetail[], max = 5): string {
  const shown = details.slice(0, max).map((d) => `${d.path.join('.')}: ${d.message}`)
  if (details.length > max) shown.push(`and ${details.length - max} more`)
  return shown.join('; ')
}
