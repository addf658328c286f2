module.exports = { ...require('../../jest.preset.js'), displayName: 'goal-state', rootDir: __dirname };
