// One shard of the suite: runs the given uvu test files in this process,
// timing each file, and writes {file: seconds} and the counts to the JSON
// file named by the last argument. Run by scripts/test-shards.mjs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [report, ...files] = process.argv.slice(2);
const TEST_DIR = join(import.meta.dirname, '..', 'test');

// The suite's assertions on wording are written in English: it is the one
// named language of every test that does not name its own (issue 18). The
// CLI's runs get it through EZURNALS_LANG (test/support/cli.ts).
const { setDefaultLanguage } = await import('../src/i18n/language.ts');
setDefaultLanguage('en');

globalThis.UVU_DEFER = 1;
const uvu = await import('uvu');
const seconds = {};
const counts = { total: 0, passed: 0, skipped: 0 };

for (const [index, file] of files.entries()) {
  globalThis.UVU_INDEX = index;
  globalThis.UVU_QUEUE.push([file]);
  await import(pathToFileURL(join(TEST_DIR, file)).href);
  // Each suite of the file queued one runner: timed and counted as it runs.
  const group = globalThis.UVU_QUEUE[index];
  for (let i = 1; i < group.length; i++) {
    const runner = group[i];
    group[i] = async () => {
      const started = performance.now();
      const outcome = await runner();
      seconds[file] = (seconds[file] ?? 0) + (performance.now() - started) / 1000;
      const [, ran, skip, max] = outcome;
      counts.total += max;
      counts.passed += ran;
      counts.skipped += skip;
      return outcome;
    };
  }
}

await uvu.exec(false);
writeFileSync(report, JSON.stringify({ seconds, counts }));
