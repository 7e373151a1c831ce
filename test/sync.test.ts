// The tests of test/sync/ but the crash trials and the hostile files, in one ava worker.
// One worker per group file loads tsx and the tests' imports once; test/groups.test.ts checks that every test
// module is in exactly one group.
import './sync/after-migrate.test.ts'
import './sync/child-ids.test.ts'
import './sync/cli.test.ts'
import './sync/contentful.test.ts'
import './sync/desired-state.test.ts'
import './sync/link-path.test.ts'
import './sync/pages.test.ts'
import './sync/progress.test.ts'
import './sync/run-sync.test.ts'
import './sync/storage-failures.test.ts'
import './sync/sync-command.test.ts'
