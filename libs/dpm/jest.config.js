module.exports = { ...require('../../jest.preset.js'), displayName: 'dpm', rootDir: __dirname };
