import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { classReportsSchool } from '../reports/class-reports-school.ts';
import { runner } from './_helpers.ts';

const school = await classReportsSchool();
const { run, refused } = runner(school.dbPath, undefined);
test.after(() => school.cleanup());

test('substitution list: each substituted lesson with who taught it and whom they replaced', async () => {
  const r = await run(['substitution', 'list', '--from', '01.10.2026', '--to', '2026-10-31', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.json, [
    {
      date: '2026-10-07',
      number: 1,
      class: '7.a',
      subject: { code: 'mat', name: 'Matemātika' },
      teacher: { code: 'T04', name: 'Jānis Ābele' },
      replaced: { code: 'T01', name: 'Anna Kalniņa' },
      topic: 'Procenti ikdienā',
    },
  ]);
  const table = await run(['substitution', 'list', '--from', '2026-10-01', '--to', '2026-10-31']);
  assert.is(table.code, 0, table.stderr);
  assert.match(table.stdout, 'Jānis Ābele (T04)');
  assert.match(table.stdout, 'Anna Kalniņa (T01)');
  assert.match(table.stderr, '1 substituted lesson(s).');
  const none = await run(['substitution', 'list', '--from', '2026-10-08', '--to', '2026-10-31', '--json']);
  assert.equal(none.json, []);
});

test('substitution list refuses a missing, invalid or reversed period', async () => {
  await refused('no from', ['substitution', 'list', '--to', '2026-10-31'], 'usage', /--from is required/);
  await refused('bad date', ['substitution', 'list', '--from', '2026-02-30', '--to', '2026-10-31'], 'invalid', /not a date/);
  await refused('reversed', ['substitution', 'list', '--from', '2026-10-31', '--to', '2026-10-01'], 'usage', /after --to/);
  assert.is((await run(['substitution', '--json'])).code, 2, 'the family alone is a usage error');
});

test.run();
