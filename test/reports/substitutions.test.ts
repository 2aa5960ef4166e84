import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadSubstitutionsData } from '../../src/reports/substitutions.ts';
import { rejects } from '../services/fixtures.ts';
import { classReportsSchool } from './class-reports-school.ts';

const school = await classReportsSchool();
const ctx = await school.ctx(null);

test('every substituted lesson in the period with both teachers, and the totals', async () => {
  const data = await loadSubstitutionsData(ctx, { from: '01.10.2026', to: '2026-10-31' });
  assert.equal([data.from, data.to], ['2026-10-01', '2026-10-31']);
  assert.equal(data.lessons, [
    { date: '2026-10-07', number: 1, class: '7.a', subject: { code: 'mat', name: 'Matemātika' }, teacher: { code: 'T04', name: 'Jānis Ābele' }, replaced: { code: 'T01', name: 'Anna Kalniņa' }, topic: 'Procenti ikdienā' },
  ]);
  assert.equal(data.by_substitute, [{ code: 'T04', name: 'Jānis Ābele', lessons: 1 }]);
  assert.equal(data.by_replaced, [{ code: 'T01', name: 'Anna Kalniņa', lessons: 1 }]);
});

test('the period bounds are inclusive and exclusive exactly at the lesson day', async () => {
  assert.is((await loadSubstitutionsData(ctx, { from: '2026-10-07', to: '2026-10-07' })).lessons.length, 1);
  assert.is((await loadSubstitutionsData(ctx, { from: '2026-10-08', to: '2026-10-31' })).lessons.length, 0);
  assert.is((await loadSubstitutionsData(ctx, { from: '2026-10-01', to: '2026-10-06' })).lessons.length, 0);
});

test('refusals: a missing or wrong date, from after to', async () => {
  await rejects(() => loadSubstitutionsData(ctx, { to: '2026-10-31' }), 'usage', '--from');
  await rejects(() => loadSubstitutionsData(ctx, { from: '2026-10-01', to: '31.13.2026' }), 'invalid', '--to');
  await rejects(() => loadSubstitutionsData(ctx, { from: '2026-10-31', to: '2026-10-01' }), 'usage', 'after');
});

test.after(() => school.cleanup());
test.run();
