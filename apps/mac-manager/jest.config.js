module.exports = { ...require('../../jest.preset.js'), displayName: 'mac-manager', rootDir: __dirname };
