// The tests of test/backends/, in one ava worker.
// One worker per group file loads tsx and the tests' imports once; test/groups.test.ts checks that every test
// module is in exactly one group.
import './backends/contentful.test.ts'
import './backends/embedded-space.test.ts'
import './backends/environments.test.ts'
import './backends/sqlite-processes.test.ts'
import './backends/sqlite.test.ts'
