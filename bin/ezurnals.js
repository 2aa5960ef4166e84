#!/usr/bin/env node
// Loads the bundled CLI through a V8 code cache: the compiled code of an
// earlier run is reused, so a short command does not pay for parsing the
// whole bundle. The cache starts with the bundle's size and mtime; V8 itself
// only checks the source length, so a rebuilt bundle must never meet an old cache.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
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
const source = readFileSync(filename, 'utf8');
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
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(filename), module, filename, dirname(filename));

process.exitCode = await module.exports.main(process.argv.slice(2));

if (cachedData === undefined || script.cachedDataRejected) {
  try {
    // Written after the run, so the cache also holds the functions this command compiled.
    const temporary = `${cacheFile}.${process.pid}`;
    writeFileSync(temporary, Buffer.concat([key, script.createCachedData()]));
    renameSync(temporary, cacheFile);
  } catch {
    // A read-only install simply runs without the cache.
  }
}
