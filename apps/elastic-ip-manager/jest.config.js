module.exports = { ...require('../../jest.preset.js'), displayName: 'elastic-ip-manager', rootDir: __dirname };
