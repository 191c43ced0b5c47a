#!/usr/bin/env node
/* global process, console */
// Entry shim: Tributary's sources are TypeScript run by Node 24's type stripping.
// Plain JS here so an older Node gets a clear message instead of a syntax error.
const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  console.error(`tributary needs Node 24 or newer (this is ${process.version}). ` +
    'Run it through npm (npm start, npx tributary) from the repository so the project\'s Node 24 is used.')
  process.exit(1)
}
await import('../src/main.ts')
