import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { reportSchool } from '../support/report-school.ts';
import { rejects } from '../services/fixtures.ts';
import { extractDocuments, loadExtractData } from '../../src/reports/extract.ts';
import { extractView } from '../../src/reports/extract-model.ts';
import { renderDocument } from '../../src/reports/templates.ts';
import { moveStudent } from '../../src/services/students.ts';

const ctxFor = async (school: Awaited<ReturnType<typeof reportSchool>>) => school.ctx(null);

test('a class extract holds the month grades and absences of every student, in Latvian order', async () => {
  const school = await reportSchool();
  try {
    const data = await loadExtractData(await ctxFor(school), { month: '2026-10', class: ['7.a'] });
    assert.is(data.month, '2026-10');
    assert.is(data.year, '2026/2027');
    assert.equal([data.from, data.to], ['2026-10-01', '2026-10-31']);
    assert.equal(data.students.map((s) => s.code), ['S002', 'S001', 'S003'], 'Ābele, Bērziņš, Ziemele');
    const s001 = data.students.find((s) => s.code === 'S001')!;
    assert.is(s001.class_teacher, 'Anna Kalniņa');
    assert.equal(s001.subjects.map((s) => s.code), ['lv', 'mat'], 'Latviešu valoda before Matemātika');
    const mat = s001.subjects.find((s) => s.code === 'mat')!;
    assert.equal(mat.grades, [
      { date: '2026-10-05', value: '8', work: 'regular' },
      { date: '2026-10-12', value: '9', work: 'test' },
    ], 'the September grade is not in October');
    assert.is(mat.average, 8.5);
    assert.equal(s001.subjects.find((s) => s.code === 'lv')!.absences, { n: 0, ns: 0, nc: 0, k: 1 });
    const s003 = data.students.find((s) => s.code === 'S003')!;
    assert.equal(s003.subjects.find((s) => s.code === 'mat')!.absences, { n: 0, ns: 1, nc: 0, k: 0 }, 'the justified code counts');
    const s002 = data.students.find((s) => s.code === 'S002')!;
    assert.equal(s002.subjects.find((s) => s.code === 'mat')!.absences, { n: 1, ns: 0, nc: 0, k: 0 });
    assert.equal(s002.subjects.find((s) => s.code === 'lv')!.grades, [], 'a taught subject without grades is listed empty');
    assert.is(s002.subjects.find((s) => s.code === 'lv')!.average, null);
  } finally {
    await school.cleanup();
  }
});

test("the month's behaviour remarks and the notes for parents valid in it go on the extract", async () => {
  const school = await reportSchool();
  try {
    const data = await loadExtractData(await ctxFor(school), { month: '2026-10', class: ['7.a'] });
    const byCode = (code: string) => data.students.find((s) => s.code === code)!;
    assert.equal(byCode('S001').behavior, [
      { date: '2026-10-06', kind: 'negative', text: 'Traucēja stundu ar telefonu', author: 'Pēteris Ozoliņš' },
      { date: '2026-10-07', kind: 'positive', text: 'Palīdzēja klasesbiedram ar uzdevumiem', author: 'Anna Kalniņa' },
    ], 'September remarks stay in September');
    assert.equal(byCode('S003').behavior, []);
    const classNote = { text: 'Ekskursija uz Siguldu 23. oktobrī; līdzi ņemt pusdienas.', valid_from: '2026-10-01', valid_until: '2026-10-31', author: 'Anna Kalniņa' };
    assert.equal(byCode('S001').notes, [classNote]);
    assert.equal(byCode('S002').notes, [classNote], "S002's September note is not valid in October");
    const september = await loadExtractData(await ctxFor(school), { month: '2026-09', student: ['S002'] });
    assert.equal(september.students[0]!.notes.map((n) => n.text), ['Septembra piezīme']);
    const outside = await loadExtractData(await ctxFor(school), { month: '2026-10', class: ['7.b'] });
    assert.ok(outside.students.every((s) => s.notes.length === 0 && s.behavior.length === 0), "7.a's note is not 7.b's");

    const view = extractView(data, byCode('S001'), 'lv');
    assert.equal(view.behavior.map((b) => `${b.date} ${b.kind} ${b.text} — ${b.author}`), [
      '06.10. negatīvi Traucēja stundu ar telefonu — Pēteris Ozoliņš',
      '07.10. pozitīvi Palīdzēja klasesbiedram ar uzdevumiem — Anna Kalniņa',
    ]);
    assert.equal(view.notes, [{ text: classNote.text, author: 'Anna Kalniņa' }]);
  } finally {
    await school.cleanup();
  }
});

test('--student, --all, and term grades stay off the monthly extract', async () => {
  const school = await reportSchool();
  try {
    const ctx = await ctxFor(school);
    const one = await loadExtractData(ctx, { month: '2026-10', student: ['S001'] });
    assert.equal(one.students.map((s) => s.code), ['S001']);
    const all = await loadExtractData(ctx, { month: '2026-10', all: true });
    assert.equal(all.students.map((s) => `${s.class} ${s.code}`), ['2.a S101', '7.a S002', '7.a S001', '7.a S003', '7.b S005', '7.b S004']);
    assert.ok(all.students.every((s) => s.subjects.every((subject) => subject.grades.every((g) => !['semester1', 'semester2', 'annual'].includes(g.work)))));
    const september = await loadExtractData(ctx, { month: '09.2026', student: ['S001'] });
    assert.equal(september.students[0]!.subjects.find((s) => s.code === 'mat')!.grades.map((g) => g.value), ['5']);
  } finally {
    await school.cleanup();
  }
});

test('a student who moved class mid-month gets an extract from each class, each with its own grades', async () => {
  const school = await reportSchool();
  try {
    await school.as('admin', (c) => moveStudent(c, 'S001', { class: '7.b', date: '2026-10-20' }));
    const data = await loadExtractData(await ctxFor(school), { month: '2026-10', student: ['S001'] });
    assert.equal(data.students.map((s) => s.class), ['7.a', '7.b']);
    assert.equal(data.students[1]!.subjects.map((s) => `${s.code}:${s.grades.length}`), ['mat:0']);
    const documents = extractDocuments(data, 'lv');
    // Asked for by student: only the student's files, no class file that would replace the class's printout (issue 14).
    assert.equal(documents.map((d) => d.name), ['2026-10_7a_berzins-janis', '2026-10_7b_berzins-janis']);
    assert.ok(documents.every((d) => d.partOf === undefined), 'each printed on its own');
    const whole = extractDocuments(await loadExtractData(await ctxFor(school), { month: '2026-10', class: ['7.a'] }), 'lv');
    assert.ok(whole.some((d) => d.name === '2026-10_7a_visa-klase'), 'a class asked for still gets its class file');
  } finally {
    await school.cleanup();
  }
});

test('refusals: month missing or malformed, no audience or two, unknown class or student, no school year', async () => {
  const school = await reportSchool();
  try {
    const ctx = await ctxFor(school);
    await rejects(() => loadExtractData(ctx, { class: ['7.a'] }), 'usage', '--month');
    await rejects(() => loadExtractData(ctx, { month: '2026-13', class: ['7.a'] }), 'usage', 'YYYY-MM');
    await rejects(() => loadExtractData(ctx, { month: '2026-10' }), 'usage', '--class');
    await rejects(() => loadExtractData(ctx, { month: '2026-10', class: ['7.a'], all: true }), 'usage', 'exactly one');
    await rejects(() => loadExtractData(ctx, { month: '2026-10', class: ['7.x'] }), 'not_found', '7.x', '7.a');
    await rejects(() => loadExtractData(ctx, { month: '2026-10', student: ['S999'] }), 'not_found', 'S999');
    await rejects(() => loadExtractData(ctx, { month: '2030-10', class: ['7.a'] }), 'not_found', 'No school year contains 2030-10-01');
  } finally {
    await school.cleanup();
  }
});

test('documents: one per student and one per class, named in ASCII, with every value escaped', async () => {
  const school = await reportSchool();
  try {
    const data = await loadExtractData(await ctxFor(school), { month: '2026-10', class: ['7.a', '7.b'] });
    const documents = extractDocuments(data, 'lv');
    assert.equal(documents.map((d) => d.name), [
      '2026-10_7a_abele-anna',
      '2026-10_7a_berzins-janis',
      '2026-10_7a_ziemele-zane',
      '2026-10_7b_ko-b-b-anna',
      '2026-10_7b_ozols-oskars',
      '2026-10_7a_visa-klase',
      '2026-10_7b_visa-klase',
    ]);
    assert.is(documents[5]!.bodies.length, 3);
    const html = renderDocument({ lang: 'lv', title: documents[3]!.title }, documents[3]!.bodies);
    assert.ok(html.includes('&lt;b&gt;Anna &amp; &quot;Ko&quot;&lt;/b&gt;'), 'the name prints literally');
    assert.not.ok(html.includes('<b>Anna'), 'no markup from data');
    assert.ok(html.includes('Šajā mēnesī vērtējumu nav.'), 'a student without grades is told so');
    assert.ok(html.includes('<title>Sekmju izraksts 2026. gada oktobris — &lt;b&gt;Anna'));
  } finally {
    await school.cleanup();
  }
});

test('the view model: dates with grades as columns, tests marked, totals, the slip', async () => {
  const school = await reportSchool();
  try {
    const data = await loadExtractData(await ctxFor(school), { month: '2026-10', student: ['S001'] });
    const view = extractView(data, data.students[0]!, 'lv');
    assert.equal(view.dates, ['05.10.', '06.10.', '12.10.']);
    assert.equal(view.rows.map((r) => r.subject), ['Latviešu valoda', 'Matemātika']);
    const mat = view.rows[1]!;
    assert.equal(mat.cells.map((c) => c.grades.map((g) => `${g.value}${g.mark}${g.assessed ? '!' : ''}`).join(' ')), ['8', '', '9pd!']);
    assert.is(mat.average, '8,5');
    assert.equal(view.rows[0]!.absences, ['', '', '', 1]);
    assert.equal(view.totals, [0, 0, 0, 1]);
    assert.is(view.totalsSpan, 5);
    assert.is(view.hasGrades, true);
    assert.equal(view.slip.facts.map((f) => f.value), ['Jānis Bērziņš', '7.a', '2026. gada oktobris']);
    assert.is(view.printed, 'Sagatavots 29.11.2026');
    const en = extractView(data, data.students[0]!, 'en');
    assert.is(en.header.title, 'Monthly grade extract');
    assert.is(en.rows[1]!.average, '8.5');
    assert.is(en.rows[1]!.cells[2]!.grades[0]!.mark, 't');
  } finally {
    await school.cleanup();
  }
});

test.run();
