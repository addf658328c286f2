module.exports = { ...require('../../jest.preset.js'), displayName: 'port', rootDir: __dirname };
