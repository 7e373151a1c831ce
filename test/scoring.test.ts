// The tests of test/scoring/, in one ava worker.
// One worker per group file loads tsx and the tests' imports once; test/groups.test.ts checks that every test
// module is in exactly one group.
import './scoring/score-articles.test.ts'
