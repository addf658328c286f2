module.exports = { ...require('../../jest.preset.js'), displayName: 'security-group', rootDir: __dirname };
