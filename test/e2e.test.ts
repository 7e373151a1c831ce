// The tests of test/e2e/ but the real-process runs over HTTP, in one ava worker.
// One worker per group file loads tsx and the tests' imports once; test/groups.test.ts checks that every test
// module is in exactly one group.
import './e2e/browser.test.ts'
import './e2e/contentful-release.test.ts'
import './e2e/field-ownership.test.ts'
import './e2e/review.test.ts'
