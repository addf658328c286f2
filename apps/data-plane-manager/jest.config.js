module.exports = { ...require('../../jest.preset.js'), displayName: 'data-plane-manager', rootDir: __dirname };
