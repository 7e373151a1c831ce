// The crash trials (seeded stops, real kill -9 runs), the heaviest group, in a worker of their own.
// One worker per group file loads tsx and the tests' imports once; test/groups.test.ts checks that every test
// module is in exactly one group.
import './sync/crash.test.ts'
