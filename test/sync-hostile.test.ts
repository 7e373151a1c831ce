// The hostile files (bounded parses in a worker thread, FIFOs, /dev/zero) in a worker of their own.
// One worker per group file loads tsx and the tests' imports once; test/groups.test.ts checks that every test
// module is in exactly one group.
import './sync/hostile-files.test.ts'
