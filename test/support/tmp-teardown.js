// See tmp-setup.js.
const fs = require('node:fs');

module.exports = async () => {
  const dir = process.env.CR_ACCESS_TEST_TMP;
  if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
};
