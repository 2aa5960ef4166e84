import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadTeacherReportData, teacherReportDocuments } from '../../src/reports/teacher-report.ts';
import { rejects } from '../services/fixtures.ts';
import { classReportsSchool } from './class-reports-school.ts';

const school = await classReportsSchool();
const ctx = await school.ctx(null);

test("a teacher's own lessons, topics, grade distribution and ungraded students; the substitute's lesson is not theirs", async () => {
  const data = await loadTeacherReportData(ctx, { teacher: ['T01'], term: '1' });
  assert.equal([data.from, data.to], ['2026-09-01', '2026-12-18']);
  assert.is(data.teachers.length, 1);
  const [t01] = data.teachers;
  assert.equal([t01!.code, t01!.name], ['T01', 'Anna Kalniņa']);
  assert.is(t01!.class_subjects.length, 1);
  const mat = t01!.class_subjects[0]!;
  assert.equal([mat.class, mat.subject.code, mat.lessons_held], ['7.a', 'mat', 2]);
  assert.equal(mat.topics, [
    { date: '2026-10-05', number: 1, topic: 'Daļskaitļi un to saīsināšana' },
    { date: '2026-10-06', number: 1, topic: 'Pārbaudes darbs: daļskaitļi' },
  ]);
  assert.equal(mat.distribution, { '8': 1, '6': 1, i: 1 }, 'semester grades are not counted');
  assert.equal(mat.students_without_grades, [{ code: 'S003', name: 'Zane Ziemele' }]);
  assert.equal(t01!.substitutions, []);
});

test('lessons taught as a substitute are listed apart, naming whom they replaced', async () => {
  const data = await loadTeacherReportData(ctx, { teacher: ['T04'], term: '1' });
  const [t04] = data.teachers;
  assert.equal(t04!.class_subjects, []);
  assert.equal(t04!.substitutions, [
    { class: '7.a', subject: { code: 'mat', name: 'Matemātika' }, replaced: ['Anna Kalniņa (T01)'], lessons_held: 1, topics: [{ date: '2026-10-07', number: 1, topic: 'Procenti ikdienā' }] },
  ]);
});

test('--all: every teacher with assignments or lessons; the second semester has no lessons yet', async () => {
  const data = await loadTeacherReportData(ctx, { all: true, term: '2' });
  assert.equal(data.teachers.map((t) => t.code), ['T01', 'T02', 'T03']);
  assert.ok(data.teachers.every((t) => t.class_subjects.every((c) => c.lessons_held === 0)));
  const lv = data.teachers[1]!.class_subjects[0]!;
  assert.equal(lv.students_without_grades.map((s) => s.code), ['S002', 'S001', 'S003']);
  assert.equal(teacherReportDocuments(data, 'lv').map((d) => d.name), ['2026-2027_sem2_t01_anna-kalnina', '2026-2027_sem2_t02_peteris-ozolins', '2026-2027_sem2_t03_ilze-priede']);
});

test('refusals: no --term, a bad term, an unknown teacher, neither or both of --teacher and --all', async () => {
  await rejects(() => loadTeacherReportData(ctx, { teacher: ['T01'] }), 'usage', '--term');
  await rejects(() => loadTeacherReportData(ctx, { teacher: ['T01'], term: 'sem1' }), 'usage', '--term sem1');
  await rejects(() => loadTeacherReportData(ctx, { teacher: ['T99'], term: '1' }), 'not_found', 'Unknown teacher T99', 'staff list');
  await rejects(() => loadTeacherReportData(ctx, { term: '1' }), 'usage', '--teacher');
  await rejects(() => loadTeacherReportData(ctx, { teacher: ['T01'], all: true, term: '1' }), 'usage', '--all');
});

test.after(() => school.cleanup());
test.run();
