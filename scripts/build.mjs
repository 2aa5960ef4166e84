// Bundles the CLI into one file: Node then parses one module instead of
// resolving hundreds of ESM files, which keeps start-up close to bare node.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: { cli: 'src/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Native addon: must stay a runtime require.
  external: ['better-sqlite3'],
  define: { __EZURNALS_VERSION__: JSON.stringify(pkg.version) },
  banner: { js: "import { createRequire as __ezCreateRequire } from 'node:module'; const require = __ezCreateRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
});
