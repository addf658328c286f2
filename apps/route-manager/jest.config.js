module.exports = { ...require('../../jest.preset.js'), displayName: 'route-manager', rootDir: __dirname };
