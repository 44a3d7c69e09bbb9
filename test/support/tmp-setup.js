// Every test's scratch folders (os.tmpdir()) go under one folder per jest run, removed when it ends
// (tmp-teardown.js), so `npm test` leaves nothing behind in the machine's temporary folder.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-access-tests-'));
  process.env.CR_ACCESS_TEST_TMP = dir;
  process.env.TMPDIR = dir;
};
