// Bundles the CLI into one CommonJS file. The bin compiles it with a V8 code
// cache (see bin/ezurnals.js): scripts call the CLI thousands of times, and
// parsing ~1 MB of JavaScript on every start would dominate a short command.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Prompts are only for people at a terminal: loaded from node_modules when
  // asked, not parsed on every start. better-sqlite3's JavaScript is bundled
  // (a dozen small files cost ~9 ms to resolve); its addon is loaded by path.
  external: ['@inquirer/prompts'],
  define: {
    __EZURNALS_VERSION__: JSON.stringify(pkg.version),
    'import.meta.url': '__ezurnalsModuleUrl',
  },
  banner: { js: "const __ezurnalsModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  minify: process.env.EZURNALS_NO_MINIFY !== "1",
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
});
await import('./warm-cache.mjs');
