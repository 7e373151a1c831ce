// The tests of test/markdown/ but the robustness runs, in one ava worker.
// One worker per group file loads tsx and the tests' imports once; test/groups.test.ts checks that every test
// module is in exactly one group.
import './markdown/author-markers.test.ts'
import './markdown/blind-set.test.ts'
import './markdown/corpus.test.ts'
import './markdown/docs-root.test.ts'
import './markdown/front-matter-kind.test.ts'
import './markdown/helpers.test.ts'
import './markdown/load-variables.test.ts'
import './markdown/page-body.test.ts'
import './markdown/page-url.test.ts'
import './markdown/parse-article.test.ts'
import './markdown/rules.test.ts'
import './markdown/synthetic-articles.test.ts'
