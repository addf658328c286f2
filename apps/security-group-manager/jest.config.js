module.exports = { ...require('../../jest.preset.js'), displayName: 'security-group-manager', rootDir: __dirname };
