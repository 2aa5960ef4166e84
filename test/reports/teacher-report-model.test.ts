import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { distributionColumns, gradeDistribution, teacherReportView, type TeacherReportData } from '../../src/reports/teacher-report-model.ts';

test('gradeDistribution counts each value', () => {
  assert.equal(gradeDistribution([]), {});
  assert.equal(gradeDistribution(['8', '6', '8', 'i']), { '8': 2, '6': 1, i: 1 });
});

test('distributionColumns: 10…1 and i/ni always, other scales only where present, in scale order', () => {
  const base = ['10', '9', '8', '7', '6', '5', '4', '3', '2', '1', 'i', 'ni'];
  const cases: [Record<string, number>[], string[]][] = [
    [[], base],
    [[{ '8': 1 }], base],
    [[{ nv: 1 }, { A: 2, S: 1 }], [...base, 'S', 'A', 'nv']],
    [[{ '+': 1, '-': 1, '/': 1 }], [...base, '+', '/', '-']],
  ];
  for (const [distributions, expected] of cases) assert.equal(distributionColumns(distributions), expected, JSON.stringify(distributions));
});

const data: TeacherReportData = {
  school: { name: 'Rīgas Parauga vidusskola', registration_number: null },
  year: '2026/2027',
  term: '1',
  from: '2026-09-01',
  to: '2026-12-18',
  printed_on: '2026-12-20',
  teachers: [
    {
      code: 'T01',
      name: 'Anna Kalniņa',
      class_subjects: [
        {
          class: '7.a',
          subject: { code: 'mat', name: 'Matemātika' },
          lessons_held: 2,
          topics: [{ date: '2026-10-05', number: 1, topic: 'Daļskaitļi' }],
          distribution: { '8': 1, '6': 1, i: 1, nv: 2 },
          students_without_grades: [{ code: 'S003', name: 'Zane Ziemele' }],
        },
      ],
      substitutions: [{ class: '9.b', subject: { code: 'lv', name: 'Latviešu valoda' }, replaced: ['Pēteris Ozoliņš (T02)'], lessons_held: 1, topics: [{ date: '2026-10-07', number: 3, topic: 'Teikums' }] }],
    },
  ],
};

test('teacherReportView: counts under their columns, topics with date and number, ungraded names, substitutions apart', () => {
  const view = teacherReportView(data, data.teachers[0]!, 'lv');
  assert.equal(view.facts[0], { label: 'Skolotājs(-a)', value: 'Anna Kalniņa (T01)' });
  const row = view.overview[0]!;
  assert.is(row.lessons, 2);
  assert.is(row.counts[view.columns.indexOf('8')], 1);
  assert.is(row.counts[view.columns.indexOf('nv')], 2);
  assert.is(row.counts[view.columns.indexOf('10')], '');
  assert.is(row.withoutGrades, 1);
  assert.equal(view.sections[0]!.topics, [{ when: '05.10. 1. st.', topic: 'Daļskaitļi' }]);
  assert.is(view.sections[0]!.withoutGrades, 'Zane Ziemele');
  assert.equal(view.substitutions, [{ title: '9.b · Latviešu valoda', replaced: 'Pēteris Ozoliņš (T02)', lessons: 1, topics: [{ when: '07.10. 3. st.', topic: 'Teikums' }] }]);
  assert.not.ok(view.isEmpty);
  const idle = teacherReportView(data, { code: 'T09', name: 'Ilze Priede', class_subjects: [], substitutions: [] }, 'en');
  assert.ok(idle.isEmpty);
  assert.not.ok(idle.hasOverview);
});

test.run();
