// Export → import into an empty database → export again gives the same files:
// the demo school's every kind, so that the columns of both directions agree.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXCEL_CSV_OPTIONS, toCsv } from '../../src/csv/write.ts';
import { buildDemoSchool, openDemoDatabase } from '../../src/services/demo.ts';
import { IMPORT_ORDER, type TransferKind } from '../../src/transfer/columns.ts';
import { exportKind } from '../../src/transfer/export.ts';
import { importSources, loadBundle } from '../../src/transfer/import.ts';
import type { Db } from '../../src/db/connection.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { contextAs, freshSchool, inTx, tempDir } from '../support/school.ts';

// After the demo's last journal day, inside the year: the demo's grades are not in the future.
const NOW = new Date('2026-11-02T10:00:00Z');

async function exportAll(ctx: ServiceContext, excel = false): Promise<Record<TransferKind, string>> {
  const files = {} as Record<TransferKind, string>;
  for (const kind of IMPORT_ORDER) {
    const { table } = await exportKind(ctx, kind, { excel });
    files[kind] = toCsv(table.header, table.rows, excel ? EXCEL_CSV_OPTIONS : {});
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

test('the demo school exported for Excel imports into an empty database as the same data, every kind', async () => {
  const place = tempDir('ezurnals-roundtrip-excel-');
  let source: Db | undefined;
  let target: Awaited<ReturnType<typeof freshSchool>> | undefined;
  try {
    ({ db: source } = await openDemoDatabase(join(place.dir, 'demo')));
    await buildDemoSchool(source, { now: NOW });
    const sourceCtx = await contextAs(source, 'admin', NOW);
    const plain = await exportAll(sourceCtx);
    const excel = await exportAll(sourceCtx, true);

    for (const kind of IMPORT_ORDER) assert.ok(excel[kind].split('\r\n').length > 3, `the demo has ${kind} to carry`);
    // What Excel gets: a BOM, ';', CRLF, Latvian headers, names beside codes, Latvian dates and words.
    const grades = excel.grades;
    assert.ok(grades.startsWith('\uFEFFKlase;Priekšmets;Priekšmeta nosaukums;Datums;Skolēns;Skolēna vārds un uzvārds;Vērtējums;Darba veids;Piezīmes;Ievadīts\r\n'), grades.slice(0, 200));
    assert.not.match(grades.replace(/\r\n/g, ''), /\n/, 'CRLF line ends only');
    assert.match(grades, /\r\n7\.a;mat;Matemātika;\d\d\.\d\d\.2026;S\d+;[^;]+ [^;]+;\d+;(kārtējais|pārbaudes darbs|ieskaite|noslēguma darbs);/);
    assert.match(grades, /;\d\d\.\d\d\.2026 \d\d:\d\d:\d\d\r\n/, 'entered_at as DD.MM.YYYY HH:MM:SS');
    assert.match(excel.staff, /^\uFEFFKods;Vārds;Uzvārds;Lomas;Tālrunis;E-pasts\r\n/);
    assert.match(excel.staff, /skolotājs, klases audzinātājs|klases audzinātājs, skolotājs/);
    assert.match(excel.lessons, /^\uFEFFKlase;Priekšmets;Priekšmeta nosaukums;Datums;Stunda;Skolotājs;Skolotāja vārds un uzvārds;Tēma;/);
    assert.match(excel.timetable, /;pirmdiena;/);
    assert.match(excel.students, /;\d\d\.\d\d\.20\d\d;(V|S);/);
    assert.match(excel.guardians, /;(māte|tēvs|aizbildnis);/);
    assert.match(excel.holidays, /brīvlaiks/);

    const bundle = join(place.dir, 'excel');
    mkdirSync(bundle);
    for (const [kind, text] of Object.entries(excel)) writeFileSync(join(bundle, `${kind}.csv`), text);
    target = await freshSchool({ now: NOW });
    const ctx = await contextAs(target.db, 'admin', NOW);
    const warnings: string[] = [];
    const summary = await inTx(ctx, (c) => importSources(c, loadBundle(bundle).sources, { warn: (w: string) => warnings.push(w) }));
    assert.is(summary.reduce((n, k) => n + k.errors, 0), 0);
    assert.equal(warnings.filter((w) => /column/.test(w)), [], 'the name columns are known, not unknown columns');

    const again = await exportAll(ctx);
    for (const kind of IMPORT_ORDER) assert.fixture(again[kind], plain[kind], kind);
  } finally {
    await source?.destroy();
    await target?.cleanup();
    place.cleanup();
  }
});

test.run();
