module.exports = { ...require('../../jest.preset.js'), displayName: 'quota-manager', rootDir: __dirname };
