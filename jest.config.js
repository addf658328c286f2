// Root config: `npx jest` runs every project; each project also has its own config for `nx test <project>`.
const { readdirSync, existsSync } = require('node:fs');
const projects = ['apps', 'libs', 'tools']
  .flatMap((dir) => (existsSync(dir) ? readdirSync(dir).map((name) => `${dir}/${name}`) : []))
  .filter((root) => existsSync(`${root}/jest.config.js`))
  .map((root) => `<rootDir>/${root}`);
module.exports = { projects, testTimeout: 120_000 }; // see jest.preset.js
