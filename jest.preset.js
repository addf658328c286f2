// Shared jest settings: SWC transpiles TypeScript with decorator metadata (NestJS DI needs it),
// and @alcor/* imports resolve to the libraries' sources, as tsconfig.base.json maps them.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = path.join(__dirname, target);
}

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['**/*.spec.ts'],
  // Suites boot real services (PGlite is PostgreSQL in WebAssembly): seconds, not milliseconds.
  // The limit only catches hangs: a loaded CI machine ran the heaviest cases 3x slower than a
  // developer's, so 30 s timed out tests that pass (speed is measured by tools/bench instead).
  testTimeout: 120_000,
};
