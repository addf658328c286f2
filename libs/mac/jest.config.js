module.exports = { ...require('../../jest.preset.js'), displayName: 'mac', rootDir: __dirname };
