// The tests of test/migrate/, in one ava worker.
// One worker per group file loads tsx and the tests' imports once; test/groups.test.ts checks that every test
// module is in exactly one group.
import './migrate/cli.test.ts'
import './migrate/contentful.test.ts'
import './migrate/ledger-check.test.ts'
import './migrate/planner.test.ts'
import './migrate/runner.test.ts'
