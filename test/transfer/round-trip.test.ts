// Export → import into an empty database → export again gives the same files:
// the demo school's every kind, so that the columns of both directions agree.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { toCsv } from '../../src/csv/write.ts';
import { buildDemoSchool, openDemoDatabase } from '../../src/services/demo.ts';
import { IMPORT_ORDER, type TransferKind } from '../../src/transfer/columns.ts';
import { exportKind } from '../../src/transfer/export.ts';
import { importSources, loadBundle } from '../../src/transfer/import.ts';
import type { Db } from '../../src/db/connection.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { contextAs, freshSchool, inTx, tempDir } from '../support/school.ts';

// After the demo's last journal day, inside the year: the demo's grades are not in the future.
const NOW = new Date('2026-11-02T10:00:00Z');

async function exportAll(ctx: ServiceContext): Promise<Record<TransferKind, string>> {
  const files = {} as Record<TransferKind, string>;
  for (const kind of IMPORT_ORDER) {
    const { table } = await exportKind(ctx, kind);
    files[kind] = toCsv(table.header, table.rows);
  }
  return files;
}

test('the demo school exports, imports into an empty database and exports again identically', async () => {
  const place = tempDir('ezurnals-roundtrip-');
  let source: Db | undefined;
  let target: Awaited<ReturnType<typeof freshSchool>> | undefined;
  try {
    ({ db: source } = await openDemoDatabase(join(place.dir, 'demo')));
    await buildDemoSchool(source, { now: NOW });
    const first = await exportAll(await contextAs(source, 'admin', NOW));
    assert.ok(first.grades.split('\n').length > 2000, 'the demo has grades');

    const bundle = join(place.dir, 'bundle');
    mkdirSync(bundle);
    for (const [kind, text] of Object.entries(first)) writeFileSync(join(bundle, `${kind}.csv`), text);

    target = await freshSchool({ now: NOW });
    const ctx = await contextAs(target.db, 'admin', NOW);
    const summary = await inTx(ctx, (c) => importSources(c, loadBundle(bundle).sources));
    assert.is(summary.reduce((n, k) => n + k.errors, 0), 0);

    const second = await exportAll(ctx);
    for (const kind of IMPORT_ORDER) assert.fixture(second[kind], first[kind], kind);
  } finally {
    await source?.destroy();
    await target?.cleanup();
    place.cleanup();
  }
});

test.run();
