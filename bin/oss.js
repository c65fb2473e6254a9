#!/usr/bin/env node
// The bundled CLI (scripts/bundle.mjs): a handful of files to read instead of hundreds of modules.
import { main } from '../dist/bundle/oss.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`oss: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
