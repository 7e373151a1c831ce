import { defineContentType } from '../src/model/define-content-type.ts'
import { syncBaseHelp } from './rich-text.ts'

const utm = (id: string, name: string, example: string) =>
  ({
    id,
    name,
    type: 'Symbol',
    widget: { id: 'singleLine' },
    helpText: `The ${id.replace('utm', 'utm_').toLowerCase()} of the button link, for analytics, e.g. "${example}".`,
  }) as const

export default defineContentType({
  id: 'ctaBanner',
  name: 'Call-to-action banner',
  description:
    'A banner with a button, shared by every article that shows it. Edit once, changes everywhere.',
  displayField: 'internalName',
  fields: [
    {
      id: 'internalName',
      name: 'Internal name',
      type: 'Symbol',
      required: true,
      widget: { id: 'singleLine' },
      helpText: 'How editors find this banner, e.g. "Free trial — banner 3". Not shown on the site.',
    },
    {
      id: 'variant',
      name: 'Variant',
      type: 'Symbol',
      widget: { id: 'singleLine' },
      helpText:
        'The site style to draw the banner with, e.g. "banner-3". Ask the web team before adding one.',
    },
    {
      id: 'text',
      name: 'Button text',
      type: 'Symbol',
      required: true,
      widget: { id: 'singleLine' },
      helpText: 'The words on the button. Keep it short: it must fit on one line on a phone.',
    },
    {
      id: 'url',
      name: 'Button link',
      type: 'Symbol',
      required: true,
      validations: [
        { regexp: { pattern: '^https?://[^\\s]+$' }, message: 'Must be a full http:// or https:// address.' },
      ],
      widget: { id: 'urlEditor' },
      helpText: 'Where the button goes: a full https:// address.',
    },
    utm('utmSource', 'UTM source', 'kb'),
    utm('utmMedium', 'UTM medium', 'banner'),
    utm('utmCampaign', 'UTM campaign', 'free-trial'),
    utm('utmContent', 'UTM content', 'banner-3'),
    {
      id: 'image',
      name: 'Image',
      type: 'Link',
      linkType: 'Asset',
      validations: [{ linkMimetypeGroup: ['image'] }],
      widget: { id: 'assetLinkEditor' },
      helpText: 'Optional picture shown beside the button.',
    },
    {
      id: 'syncBase',
      name: 'Sync base',
      type: 'Object',
      disabled: true,
      widget: { id: 'objectEditor' },
      helpText: syncBaseHelp,
    },
  ],
})
