module.exports = { ...require('../../jest.preset.js'), displayName: 'subnet-manager', rootDir: __dirname };
