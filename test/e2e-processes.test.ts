// test/e2e/contentful.test.ts in a worker of its own: its real processes over HTTP mostly wait on retries, and
// the other groups run meanwhile.
// One worker per group file loads tsx and the tests' imports once; test/groups.test.ts checks that every test
// module is in exactly one group.
import './e2e/contentful.test.ts'
