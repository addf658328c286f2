module.exports = { ...require('../../jest.preset.js'), displayName: 'neutron-api', rootDir: __dirname };
