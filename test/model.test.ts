// The tests of test/model/, in one ava worker.
// One worker per group file loads tsx and the tests' imports once; test/groups.test.ts checks that every test
// module is in exactly one group.
import './model/content-types.test.ts'
import './model/define-content-type.test.ts'
import './model/generate-types.test.ts'
import './model/merge-editor-interface.test.ts'
import './model/model-diff.test.ts'
