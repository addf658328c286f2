module.exports = { ...require('../../jest.preset.js'), displayName: 'vpc', rootDir: __dirname };
