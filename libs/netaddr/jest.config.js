module.exports = { ...require('../../jest.preset.js'), displayName: 'netaddr', rootDir: __dirname };
