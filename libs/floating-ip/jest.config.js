module.exports = { ...require('../../jest.preset.js'), displayName: 'floating-ip', rootDir: __dirname };
