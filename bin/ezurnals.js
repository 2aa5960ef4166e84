#!/usr/bin/env node
// Loads the bundled CLI through a V8 code cache: the compiled code of the last
// run is reused, so a short command does not pay for parsing the whole bundle.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

// `ezurnals … | head` closes the pipe early; that is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const filename = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
const cacheFile = `${filename}.v8cache`;

let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(Module.wrap(readFileSync(filename, 'utf8')), { filename, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(filename), module, filename, dirname(filename));

process.exitCode = await module.exports.main(process.argv.slice(2));

if (cachedData === undefined || script.cachedDataRejected) {
  try {
    // Written after the run, so the cache also holds the functions this command compiled.
    const temporary = `${cacheFile}.${process.pid}`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  } catch {
    // A read-only install simply runs without the cache.
  }
}
