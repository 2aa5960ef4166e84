// Bundles the CLI into one CommonJS file. The bin compiles it with a V8 code
// cache (see bin/ezurnals.js): scripts call the CLI thousands of times, and
// parsing ~1 MB of JavaScript on every start would dominate a short command.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Built beside the old bundle and renamed over it, so a CLI running meanwhile
// never finds the bundle missing; the old caches go first (see bin/ezurnals.js).
for (const file of existsSync(new URL('../dist', import.meta.url)) ? readdirSync(new URL('../dist', import.meta.url)) : []) {
  if (file.endsWith('.v8cache')) rmSync(new URL(`../dist/${file}`, import.meta.url), { force: true });
}

/**
 * Node modules that cost milliseconds to load on every start, replaced by
 * shims that load them on first use:
 * - commander loads node:child_process for external subcommands, which
 *   ezurnals never uses (~8 ms of compiling that Node module);
 * - node:crypto (~9 ms) is needed by writes (the audit seal) and passwords,
 *   not by the reads that scripts run most; every name src/ imports from it
 *   must be listed here (esbuild fails the build on a missing one).
 */
const LAZY_CRYPTO_NAMES = ['createHash', 'randomBytes', 'randomInt', 'scrypt', 'timingSafeEqual'];
const SHIMS = {
  'lazy-child-process': "module.exports = new Proxy({}, { get: (_, name) => require('node:child_process')[name] });",
  'lazy-crypto': [
    "let loaded; const crypto = () => (loaded ??= require('node:crypto'));",
    ...LAZY_CRYPTO_NAMES.map((name) => `export const ${name} = (...args) => crypto().${name}(...args);`),
    // The one-shot hash of Node >= 20.12, or its createHash equivalent.
    'export const hash = (algorithm, data, encoding) => { const c = crypto(); return c.hash ? c.hash(algorithm, data, encoding) : c.createHash(algorithm).update(data).digest(encoding); };',
  ].join('\n'),
};
const lazyNodeModules = {
  name: 'lazy-node-modules',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/') ? { path: 'lazy-child-process', namespace: 'ezurnals' } : undefined,
    );
    build.onResolve({ filter: /^(node:)?crypto$/ }, (args) => (args.importer.includes('/src/') ? { path: 'lazy-crypto', namespace: 'ezurnals' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'ezurnals' }, (args) => ({ contents: SHIMS[args.path], loader: 'js', resolveDir: '.' }));
  },
};

await build({
  plugins: [lazyNodeModules],
  entryPoints: ['src/main.ts'],
  outfile: 'dist/next/cli.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Prompts are only for people at a terminal: loaded from node_modules when
  // asked, not parsed on every start. better-sqlite3's JavaScript is bundled
  // (a dozen small files cost ~9 ms to resolve); its addon is loaded by path.
  // puppeteer is loaded only by commands that print PDFs (src/reports/browser.ts),
  // pg only for postgres:// databases, the web framework only by `serve`.
  external: ['@inquirer/prompts', 'puppeteer', 'pg', 'pg-copy-streams', 'fastify', '@fastify/*', 'shell-quote'],
  define: {
    __EZURNALS_VERSION__: JSON.stringify(pkg.version),
    'import.meta.url': '__ezurnalsModuleUrl',
  },
  banner: { js: "const __ezurnalsModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // EZURNALS_NO_MINIFY=1 keeps names readable in a CPU profile.
  minify: process.env.EZURNALS_NO_MINIFY !== '1',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  charset: 'ascii',
});
// The bin reads the bundle as Latin-1, which for ASCII is the same text: decoding
// 1.3 MB as UTF-8 costs ~8 ms on every start, Latin-1 under 1 ms. esbuild escapes
// non-ASCII in strings and identifiers but not in regular expressions (/[āčē]/),
// so those are escaped here: \uXXXX means the same UTF-16 unit in any literal.
const bundled = readFileSync(new URL('../dist/next/cli.cjs', import.meta.url), 'utf8');
const ascii = bundled.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
if (ascii !== bundled) writeFileSync(new URL('../dist/next/cli.cjs', import.meta.url), ascii);
for (const file of ['cli.cjs.map', 'cli.cjs']) renameSync(new URL(`../dist/next/${file}`, import.meta.url), new URL(`../dist/${file}`, import.meta.url));
rmSync(new URL('../dist/next', import.meta.url), { recursive: true, force: true });
await import('./warm-cache.mjs');
