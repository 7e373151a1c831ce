// Diagnostics for people: vfile-reporter's `file` / `line:column severity message rule-id source` listing.
import type { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'

export interface ReportOptions {
  /** Show only errors and fatal problems. */
  quiet?: boolean
  /** Colour when writing to a terminal, unless NO_COLOR is set. */
  color?: boolean
}

/** The report text for `files`, or '' when there is nothing to say (files without messages are not listed). */
export function formatReport(files: VFile[], { quiet = false, color = false }: ReportOptions = {}): string {
  const report = reporter(files, { quiet: true, silent: quiet, color })
  return report === '' ? '' : `${report}\n`
}

export function hasFatal(files: VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true))
}

/** Colour for a stream: only a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function wantsColor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !process.env.NO_COLOR
}
