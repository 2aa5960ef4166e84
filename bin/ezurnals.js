#!/usr/bin/env node
'use strict';
// CommonJS on purpose (see bin/package.json): an ES module entry costs Node
// ~8 ms of loader work on every start, and scripts start this thousands of times.
//
// Loads the bundled CLI through a V8 code cache: the compiled code of an
// earlier run is reused, so a short command does not pay for parsing the
// whole bundle. The cache starts with the bundle's size and mtime; V8 itself
// only checks the source length, so a rebuilt bundle must never meet an old cache.
const { fstatSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } = require('node:fs');
const { createRequire, Module } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

/**
 * Where the CLI writes: a pipe, a file or a socket (a script capturing the
 * output) gets plain synchronous writes to the descriptor, as Node's own
 * stream would do there on Linux, without loading Node's stream and net
 * modules (~5 ms on every start). A terminal, /dev/null and anything else get
 * the process's own stream. Either is made only when first written to.
 */
function output(fd, name) {
  let plain = false;
  try {
    const st = fstatSync(fd);
    plain = st.isFIFO() || st.isFile() || st.isSocket();
  } catch {
    plain = false;
  }
  if (!plain) {
    const stream = process[name];
    stream.on('error', closedEarly);
    return stream;
  }
  return {
    isTTY: false,
    write(chunk) {
      const bytes = Buffer.from(chunk, 'utf8');
      for (let done = 0; done < bytes.length; ) {
        try {
          done += writeSync(fd, bytes, done);
        } catch (error) {
          // A descriptor another process left non-blocking: wait for the reader.
          if (error.code === 'EAGAIN') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
          else closedEarly(error);
        }
      }
      return true;
    },
  };
}

// `ezurnals … | head` closes the pipe early; that is not an error of ours.
function closedEarly(error) {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
}

let stdout;
let stderr;
const world = {
  get stdout() {
    return (stdout ??= output(1, 'stdout'));
  },
  get stderr() {
    return (stderr ??= output(2, 'stderr'));
  },
};

const filename = join(__dirname, '..', 'dist', 'cli.cjs');
// ASCII only (scripts/build.mjs sees to it), so Latin-1 reads the same text without UTF-8 decoding.
const source = readFileSync(filename, 'latin1');
const { size, mtimeMs } = statSync(filename);
const key = Buffer.from(`${size}:${mtimeMs}\n`);

/** The command word, skipping the global options and their values (as src/cli/program.ts's commandWord). */
function commandWord(argv) {
  for (let i = 0; i < argv.length; i++) {
    if (['--db', '--as', '--year', '--closed-year-reason'].includes(argv[i])) i++;
    else if (!argv[i].startsWith('-')) return argv[i];
  }
  return undefined;
}

/**
 * Reading and deserialising the cache is a good part of a start, and grows with
 * what it holds: the build warms a small cache for each command family that
 * scripts call most (`cli.cjs.grade.v8cache`, and `cli.cjs.-.v8cache` for
 * --version), holding that family's compiled code only; other commands use the
 * general cache, warmed by all of them.
 */
const word = commandWord(process.argv.slice(2)) ?? '-';
const caches = [...(/^[a-z-]{1,30}$/.test(word) ? [`${filename}.${word}.v8cache`] : []), `${filename}.v8cache`];
let cachedData;
let cacheFile = caches.at(-1);
for (const file of caches) {
  try {
    const cache = readFileSync(file);
    if (!cache.subarray(0, key.length).equals(key)) continue;
    cachedData = cache.subarray(key.length);
    cacheFile = file;
    break;
  } catch {
    // not there: the next one
  }
}
const script = new Script(Module.wrap(source), { filename, cachedData });
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, createRequire(filename), bundle, filename, dirname(filename));

bundle.exports.main(process.argv.slice(2), world).then((code) => {
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
