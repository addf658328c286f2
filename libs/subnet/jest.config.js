module.exports = { ...require('../../jest.preset.js'), displayName: 'subnet', rootDir: __dirname };
