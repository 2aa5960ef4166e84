#!/usr/bin/env node
'use strict';
// CommonJS on purpose (see bin/package.json): an ES module entry costs Node
// ~8 ms of loader work on every start, and scripts start this thousands of times.
//
// Loads the bundled CLI through a V8 code cache: the compiled code of an
// earlier run is reused, so a short command does not pay for parsing the
// whole bundle. The cache starts with the bundle's size and mtime; V8 itself
// only checks the source length, so a rebuilt bundle must never meet an old cache.
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { createRequire, Module } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

// `ezurnals … | head` closes the pipe early; that is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const filename = join(__dirname, '..', 'dist', 'cli.cjs');
const cacheFile = `${filename}.v8cache`;
// ASCII only (scripts/build.mjs sees to it), so Latin-1 reads the same text without UTF-8 decoding.
const source = readFileSync(filename, 'latin1');
const { size, mtimeMs } = statSync(filename);
const key = Buffer.from(`${size}:${mtimeMs}\n`);

let cachedData;
try {
  const cache = readFileSync(cacheFile);
  if (cache.subarray(0, key.length).equals(key)) cachedData = cache.subarray(key.length);
} catch {
  cachedData = undefined;
}
const script = new Script(Module.wrap(source), { filename, cachedData });
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, createRequire(filename), bundle, filename, dirname(filename));

bundle.exports.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  if (cachedData !== undefined && !script.cachedDataRejected) return;
  try {
    // Written after the run, so the cache also holds the functions this command compiled.
    const temporary = `${cacheFile}.${process.pid}`;
    writeFileSync(temporary, Buffer.concat([key, script.createCachedData()]));
    renameSync(temporary, cacheFile);
  } catch {
    // A read-only install simply runs without the cache.
  }
});
