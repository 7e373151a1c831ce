// The tests of test/cli/, in one ava worker.
// One worker per group file loads tsx and the tests' imports once; test/groups.test.ts checks that every test
// module is in exactly one group.
import './cli/annotate.test.ts'
import './cli/command-lines.test.ts'
import './cli/parse.test.ts'
