// The tests of test/diagnostics/, in one ava worker.
// One worker per group file loads tsx and the tests' imports once; test/groups.test.ts checks that every test
// module is in exactly one group.
import './diagnostics/registry.test.ts'
