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

// V8 flags a command runs with, applied by re-executing node with them (same pid, same stdio;
// heap sizes cannot change once V8 is up). A flag the user already gave (command line or
// NODE_OPTIONS) is left as they set it. connect-standalone: V8 sizes the young generation from
// the 4 GiB heap limit (64 MiB semi-spaces on 64-bit) and the worker fills it with records that
// are garbage a moment later; 16 MiB semi-spaces cost no measurable CPU there and ~60 MiB less
// peak RSS (bench/results/2026-11-22-w5-connect-file-5.md). broker and start: every produced
// request and every socket read is a fresh ArrayBuffer, and with the broker's small heap (~12 MiB)
// V8 answers that external memory with a mark-compact every ~10 MB produced; a 256 MiB initial
// old-generation limit cut the broker's CPU for 600 MB of W1 from 3.4-4.0 s to 2.3-2.4 s for
// ~35 MiB more peak RSS (bench/results/2026-11-22-broker-perf-s2.md).
const brokerFlags = ['--initial-old-space-size=256']
const nodeFlags = { 'connect-standalone': ['--max-semi-space-size=16'], broker: brokerFlags, start: brokerFlags }[process.argv[2]] ?? []
const given = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`.replaceAll('_', '-')
const missing = nodeFlags.filter((f) => !given.includes(f.split('=')[0]))
if (missing.length > 0 && typeof process.execve === 'function') {
  try {
    process.execve(process.execPath, [process.execPath, ...missing, ...process.execArgv, ...process.argv.slice(1)], process.env)
  } catch (err) {
    // Runs without the flags (more memory, same behaviour) rather than not at all.
    console.error(`tributary: could not re-execute node with ${missing.join(' ')}: ${err.message}`)
  }
}

// Node's compile cache keeps the type-stripped output (and V8's code cache) of every module, keyed
// by content: later starts skip loading the type stripper (~20 MiB RSS) and start faster.
// NODE_COMPILE_CACHE picks the directory (default: the OS temp dir), NODE_DISABLE_COMPILE_CACHE=1 turns it off.
const module = await import('node:module')
module.enableCompileCache?.()
await import('../src/main.ts')
module.flushCompileCache?.()
