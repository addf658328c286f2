module.exports = { ...require('../../jest.preset.js'), displayName: 'private-ip-manager', rootDir: __dirname };
