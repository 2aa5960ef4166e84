import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's own folder (data/, templates/). Walking up from this module
 * works both from src/ (tsx) and from the bundle in dist/, whose
 * `import.meta.url` the build maps to the bundle's file.
 */
export function packageRoot(start = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'ezurnals') return dir;
    } catch {
      // No package.json here, or not ours: keep climbing.
    }
    if (dirname(dir) === dir) throw new Error(`Cannot find the ezurnals package folder above ${start}.`);
  }
}
