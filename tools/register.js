// Runs TypeScript sources directly (npm start, nx serve, bench): SWC transpiles with
// decorator metadata, which NestJS dependency injection needs; tsconfig paths resolve @alcor/*.
const path = require('node:path');
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.base.json');
require('@swc-node/register');
