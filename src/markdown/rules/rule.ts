// A rule as a unit, the way remark-lint keeps its rules: an id, what it decides, the test itself, and examples
// it must (ok) and must not (notOk) match. test/markdown/rules.test.ts runs every rule's examples.
/** What a rule tests with: a regular expression, or a function where a pattern cannot say it. */
export interface Matcher {
  test(text: string): boolean
}

export interface CueRule {
  id: string
  /** sentence-class: what a sentence does; heading / title / line: what a heading, title or line is; column: what an issue-table column holds; cue: a word family other rules use. */
  kind: 'sentence-class' | 'heading' | 'title' | 'line' | 'cue' | 'column'
  decides: string
  pattern: Matcher
  ok: string[]
  notOk: string[]
}
