// A rule as a unit, the way remark-lint keeps its rules: an id, what it decides, the test itself, and examples
// it must (ok) and must not (notOk) match. test/markdown/rules.test.ts runs every rule's examples.
export interface CueRule {
  id: string
  /** sentence-class: what a sentence does; heading / title / line: what a heading, title or line is; cue: a word family other rules use. */
  kind: 'sentence-class' | 'heading' | 'title' | 'line' | 'cue'
  decides: string
  pattern: RegExp
  ok: string[]
  notOk: string[]
}
