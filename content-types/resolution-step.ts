import { defineContentType } from '../src/model/define-content-type.ts'
import { richText, syncBaseHelp } from './rich-text.ts'

export default defineContentType({
  id: 'resolutionStep',
  name: 'Resolution step',
  description: 'One numbered step of a resolution: the instruction, with its sub-steps and screenshots.',
  displayField: 'name',
  fields: [
    {
      id: 'name',
      name: 'Name',
      type: 'Symbol',
      required: true,
      widget: { id: 'singleLine' },
      helpText:
        'Internal label for lists and search, e.g. "<article title> — step 2.3". Not shown on the site.',
    },
    {
      id: 'instruction',
      name: 'Instruction',
      type: 'RichText',
      required: true,
      validations: richText,
      widget: { id: 'richTextEditor' },
      helpText:
        'What the reader does in this step. Sub-steps go in a numbered list inside; screenshots as images.',
    },
    {
      id: 'images',
      name: 'Images',
      type: 'Array',
      items: { type: 'Link', linkType: 'Asset', validations: [{ linkMimetypeGroup: ['image'] }] },
      widget: { id: 'assetLinksEditor' },
      helpText: 'Screenshots for this step, in the order they appear. Images only.',
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
