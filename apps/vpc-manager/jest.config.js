module.exports = { ...require('../../jest.preset.js'), displayName: 'vpc-manager', rootDir: __dirname };
