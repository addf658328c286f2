module.exports = { ...require('../../jest.preset.js'), displayName: 'port-manager', rootDir: __dirname };
