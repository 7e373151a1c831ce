// The robustness runs (fuzzing, pathological inputs), the heaviest CPU of the suite, in a worker of their own.
// One worker per group file loads tsx and the tests' imports once; test/groups.test.ts checks that every test
// module is in exactly one group.
import './markdown/robustness.test.ts'
