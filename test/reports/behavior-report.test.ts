import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { reportSchool } from '../support/report-school.ts';
import { rejects } from '../services/fixtures.ts';
import { behaviorReportDocuments, loadBehaviorReportData } from '../../src/reports/behavior-report.ts';
import { behaviorReportView } from '../../src/reports/behavior-report-model.ts';
import { removeBehavior, listBehavior } from '../../src/services/behavior.ts';

test('per class: every student, their remarks in the period with dates and authors, and the totals', async () => {
  const school = await reportSchool();
  try {
    const ctx = await school.ctx(null);
    const data = await loadBehaviorReportData(ctx, { class: ['7.a', '7.b'], from: '2026-10-01', to: '2026-10-31' });
    assert.equal(data.classes.map((c) => c.class), ['7.a', '7.b']);
    const a = data.classes[0]!;
    assert.is(a.class_teacher, 'Anna Kalniņa');
    assert.equal(a.students.map((s) => s.code), ['S002', 'S001', 'S003']);
    assert.equal(a.students[1]!.remarks, [
      { date: '2026-10-06', kind: 'negative', text: 'Traucēja stundu ar telefonu', author: 'Pēteris Ozoliņš' },
      { date: '2026-10-07', kind: 'positive', text: 'Palīdzēja klasesbiedram ar uzdevumiem', author: 'Anna Kalniņa' },
    ]);
    assert.equal(a.totals, { positive: 1, negative: 1, students_with_remarks: 1 });
    assert.equal(data.classes[1]!.totals, { positive: 0, negative: 0, students_with_remarks: 0 });

    const wider = await loadBehaviorReportData(ctx, { student: ['S001'], from: '01.09.2026', to: '31.10.2026' });
    assert.equal(wider.classes.map((c) => c.students.map((s) => s.code)), [['S001']]);
    assert.equal(wider.classes[0]!.totals, { positive: 2, negative: 1, students_with_remarks: 1 }, 'September counts too');

    const view = behaviorReportView(data, a, 'lv');
    assert.equal(view.students.map((s) => `${s.name} +${s.positive} -${s.negative}`), ['Bērziņš Jānis +1 -1']);
    assert.equal(view.students[0]!.remarks.map((r) => `${r.date} ${r.kind}`), ['06.10.2026 negatīvi', '07.10.2026 pozitīvi']);
    assert.is(view.without, 'Ābele Anna, Ziemele Zane');
    assert.equal(view.totals.map((t) => t.value), [1, 1, 1]);
    assert.is(behaviorReportView(data, data.classes[1]!, 'en').students.length, 0);
    assert.equal(behaviorReportDocuments(data, 'lv').map((d) => d.name), ['2026-10-01_2026-10-31_7a_uzvediba', '2026-10-01_2026-10-31_7b_uzvediba']);
  } finally {
    await school.cleanup();
  }
});

test('a removed remark is left out; the period and audience are checked', async () => {
  const school = await reportSchool();
  try {
    const negative = (await school.as('T02', (c) => listBehavior(c, { student: 'S001', kind: 'negative' })))[0]!;
    await school.as('T02', (c) => removeBehavior(c, negative.id, { reason: 'Ierakstīts kļūdaini' }));
    const ctx = await school.ctx(null);
    const data = await loadBehaviorReportData(ctx, { class: ['7.a'], from: '2026-10-01', to: '2026-10-31' });
    assert.equal(data.classes[0]!.totals, { positive: 1, negative: 0, students_with_remarks: 1 });
    await rejects(() => loadBehaviorReportData(ctx, { class: ['7.a'], to: '2026-10-31' }), 'usage', '--from');
    await rejects(() => loadBehaviorReportData(ctx, { class: ['7.a'], from: '2026-10-31', to: '2026-10-01' }), 'usage', 'after');
    await rejects(() => loadBehaviorReportData(ctx, { from: '2026-10-01', to: '2026-10-31' }), 'usage', '--class');
    await rejects(() => loadBehaviorReportData(ctx, { class: ['9.z'], from: '2026-10-01', to: '2026-10-31' }), 'not_found', '9.z');
  } finally {
    await school.cleanup();
  }
});

test.run();
