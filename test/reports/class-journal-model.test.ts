import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addDays } from '../../src/domain/dates.ts';
import { emptyTermGrades } from '../../src/reports/card-grades.ts';
import {
  classJournalSections,
  columnChunks,
  GRID_COLUMNS_PER_PAGE,
  gridColumns,
  studentRemark,
  subjectView,
  type ClassJournalData,
  type JournalClass,
  type JournalSubject,
} from '../../src/reports/class-journal-model.ts';

test('column chunks: page-wide, about equal, the closing grades always fit in the last', () => {
  const cases: [number, number, number, number[]][] = [
    // lessons, per page, closing columns → chunk sizes
    [0, 25, 3, [0]],
    [10, 25, 3, [10]],
    [22, 25, 3, [22]],
    [23, 25, 3, [12, 11]],
    [25, 25, 0, [25]],
    [26, 25, 0, [13, 13]],
    [76, 25, 3, [19, 19, 19, 19]],
    [75, 25, 5, [19, 19, 19, 18]],
  ];
  for (const [count, perPage, closing, sizes] of cases) {
    const chunks = columnChunks(count, perPage, closing);
    assert.equal(chunks.map((c) => c.end - c.start), sizes, `${count} lessons, ${closing} closing`);
  }
  // Every count: contiguous, complete, never wider than a page.
  for (let count = 0; count <= 400; count++) {
    for (const closing of [0, 1, 3, 5]) {
      const chunks = columnChunks(count, GRID_COLUMNS_PER_PAGE, closing);
      assert.is(chunks[0]!.start, 0);
      assert.is(chunks.at(-1)!.end, count);
      chunks.forEach((c, i) => {
        if (i > 0) assert.is(c.start, chunks[i - 1]!.end);
        assert.ok(c.end - c.start + (i === chunks.length - 1 ? closing : 0) <= GRID_COLUMNS_PER_PAGE, `${count}/${closing}: chunk ${i} too wide`);
      });
    }
  }
  assert.throws(() => columnChunks(10, 5, 5));
});

const T01 = { code: 'T01', name: 'Anna Kalniņa' };
const T04 = { code: 'T04', name: 'Jānis Ābele' };

function subject(lessons: number): JournalSubject {
  return {
    code: 'mat',
    name: 'Matemātika',
    teachers: [T01],
    lessons: Array.from({ length: lessons }, (_, i) => ({
      date: addDays('2026-10-01', i),
      number: 1,
      teacher: i === 2 ? T04 : T01,
      substitute_for: i === 2 ? T01 : null,
      topic: `Tēma ${i + 1}`,
      homework: i === 0 ? '12. lpp.' : null,
    })),
    marks: [
      {
        student: 'S002',
        absences: [{ date: '2026-10-02', number: 1, code: 'n' }],
        grades: [
          { date: '2026-10-01', number: 1, work: 'test', value: '6' },
          // Entered for a day with a lesson but without naming it: under that day's lesson.
          { date: '2026-10-02', number: null, work: 'regular', value: '8' },
          // A day without a lesson: a column of its own.
          { date: '2026-10-30', number: null, work: 'regular', value: '9' },
        ],
        term: { ...emptyTermGrades(), semester1: '7', annual: '8', makeup: null },
      },
    ],
  };
}

const schoolClass = (lessons: number): JournalClass => ({
  code: '7.a',
  level: 7,
  class_teacher: 'Anna Kalniņa',
  students: [
    { code: 'S002', first_name: 'Anna', last_name: 'Ābele', enrolled: [{ from: '2026-09-01', to: null }] },
    { code: 'S001', first_name: 'Jānis', last_name: 'Bērziņš', enrolled: [{ from: '2026-10-03', to: null }] },
    { code: 'S003', first_name: 'Zane', last_name: 'Ziemele', enrolled: [{ from: '2026-09-01', to: '2026-10-02' }] },
  ],
  subjects: [subject(lessons)],
  behavior: [{ student: 'S001', date: '2026-10-12', kind: 'positive', text: 'Palīdzēja', author: 'Anna Kalniņa' }],
  briefings: [{ date: '2026-09-02', topic: 'Ugunsdrošība', author: 'Anna Kalniņa', briefed: ['Anna Ābele (S002)'], absent: ['Zane Ziemele (S003)'] }],
  conversations: [],
  notes: [{ student: null, text: 'Ekskursija', valid_from: '2026-11-01', valid_until: null, author: 'Anna Kalniņa' }],
});

const data = (lessons: number, only: string[] | null = null): ClassJournalData => ({
  school: { name: 'Rīgas Parauga vidusskola', registration_number: '3113900123', director: 'Dace Liepiņa' },
  year: '2026/2027',
  from: '2026-09-01',
  to: '2027-08-31',
  term_columns: ['semester1', 'semester2', 'annual'],
  printed_on: '2026-11-29',
  whole_year: true,
  only_subjects: only,
  classes: [schoolClass(lessons)],
});

test('grid columns: the lessons in order, a day with grades but no lesson added; day grades under the day\'s lesson', () => {
  const { columns, columnOf } = gridColumns(subject(3));
  assert.equal(
    columns.map((c) => [c.date, c.number, c.index, c.substituted]),
    [
      ['2026-10-01', 1, 1, false],
      ['2026-10-02', 1, 2, false],
      ['2026-10-03', 1, 3, true],
      ['2026-10-30', null, null, false],
    ],
  );
  assert.is(columnOf({ date: '2026-10-02', number: null }), 1);
  assert.is(columnOf({ date: '2026-10-30', number: null }), 3);
  assert.is(columnOf({ date: '2026-10-03', number: 1 }), 2);
  assert.is(columnOf({ date: '2026-10-04', number: 2 }), -1);
});

test('subject view: lesson list with the substitute marked, grid rows in the class order with marks in the right cells', () => {
  const d = data(3);
  const view = subjectView(d, d.classes[0]!, d.classes[0]!.subjects[0]!, 1, 'lv');
  assert.is(view.anchor, 'pageref-1');
  assert.equal(view.lessons[2], { index: 3, date: '03.10.2026', number: 1, teacher: 'Jānis Ābele (T04)', substituteFor: 'aizvietoja Anna Kalniņa (T01)', topic: 'Tēma 3', homework: '' });
  assert.is(view.lessons[0]!.homework, '12. lpp.');
  assert.is(view.lessons[0]!.substituteFor, '');
  assert.is(view.chunks.length, 1);
  const [chunk] = view.chunks;
  assert.equal(chunk!.columns, [
    { index: '1', date: '01.10.', substituted: false },
    { index: '2', date: '02.10.', substituted: false },
    { index: '3', date: '03.10.', substituted: true },
    { index: '', date: '30.10.', substituted: false },
  ]);
  // No make-up or exam grade in the subject: only the three closing columns.
  assert.equal(chunk!.closing, ['I sem.', 'II sem.', 'Gada']);
  assert.equal(chunk!.rows.map((r) => [r.number, r.name, r.remark, r.left]), [
    [1, 'Ābele Anna', '', false],
    [2, 'Bērziņš Jānis', 'no 03.10.2026', false],
    [3, 'Ziemele Zane', 'izstājies(-usies) no klases 02.10.2026', true],
  ]);
  const abele = chunk!.rows[0]!;
  assert.equal(abele.cells[0], { outside: false, absence: '', grades: [{ value: '6', mark: 'pd', assessed: true }] });
  assert.equal(abele.cells[1], { outside: false, absence: 'n', grades: [{ value: '8', mark: '', assessed: false }] });
  assert.equal(abele.cells[3]!.grades, [{ value: '9', mark: '', assessed: false }]);
  assert.equal(abele.closing, ['7', '', '8']);
  // Days outside a student's time in the class are shaded.
  assert.equal(chunk!.rows[1]!.cells.map((c) => c.outside), [true, true, false, false]);
  assert.equal(chunk!.rows[2]!.cells.map((c) => c.outside), [false, false, true, true]);
  assert.is(chunk!.width, 6 + 46 + 8.5 * 7);
});

test('subject view: a long subject is split into page-wide chunks, the closing grades in the last', () => {
  const d = data(75);
  const view = subjectView(d, d.classes[0]!, d.classes[0]!.subjects[0]!, 1, 'en');
  // 75 lessons, one a day from 01.10. (so 30.10. has one: no column of its own), and 3 closing columns.
  assert.equal(view.chunks.map((c) => c.columns.length), [19, 19, 19, 18]);
  assert.equal(view.chunks.map((c) => c.closing.length), [0, 0, 0, 3]);
  assert.equal(view.chunks.map((c) => c.rows[0]!.cells.length), [19, 19, 19, 18]);
  assert.equal(view.chunks.map((c) => c.rows[0]!.closing.length), [0, 0, 0, 3]);
  assert.is(view.chunks[1]!.part, 'Grades and absences, 2. part (20.10.–07.11.)');
  assert.ok(view.chunks.every((c) => c.width <= 6 + 46 + 8.5 * GRID_COLUMNS_PER_PAGE));
  assert.equal(view.chunks[3]!.closing, ['Sem. 1', 'Sem. 2', 'Year']);
});

test('student remark: joined later, left early, both, neither', () => {
  const student = (enrolled: { from: string; to: string | null }[]) => ({ code: 'S1', first_name: 'A', last_name: 'B', enrolled });
  assert.is(studentRemark(student([{ from: '2026-09-01', to: null }]), '2026-09-01', '2027-08-31', 'lv'), '');
  assert.is(studentRemark(student([{ from: '2026-09-01', to: '2027-08-31' }]), '2026-09-01', '2027-08-31', 'lv'), '');
  assert.is(studentRemark(student([{ from: '2026-10-01', to: '2026-12-01' }]), '2026-09-01', '2027-08-31', 'en'), 'from 01.10.2026, left the class on 01.12.2026');
  // Left and came back: the latest enrolment decides.
  assert.is(studentRemark(student([{ from: '2026-09-01', to: '2026-10-01' }, { from: '2026-11-01', to: null }]), '2026-09-01', '2027-08-31', 'lv'), '');
});

test('sections: title with the contents, the subjects, then the behaviour journal and the three appendices', () => {
  const sections = classJournalSections(data(3), schoolClass(3), 'lv');
  assert.equal(sections.map((s) => [s.template, s.title]), [
    ['class-journal-title', 'Klases žurnāls'],
    ['class-journal-subject', 'Matemātika'],
    ['behavior', 'Uzvedības žurnāls'],
    ['class-journal-appendix', 'Drošības instruktāžas'],
    ['class-journal-appendix', 'Individuālās sarunas ar vecākiem'],
    ['class-journal-appendix', 'Piezīmes vecāku ievērībai'],
  ]);
  const title = sections[0]!;
  if (title.template !== 'class-journal-title') throw new Error('title first');
  assert.equal(title.view.contents.map((c) => [c.title, c.target]), [
    ['Matemātika', 'pageref-1'],
    ['Uzvedības žurnāls', 'pageref-2'],
    ['Drošības instruktāžas', 'pageref-3'],
    ['Individuālās sarunas ar vecākiem', 'pageref-4'],
    ['Piezīmes vecāku ievērībai', 'pageref-5'],
  ]);
  assert.is(title.view.contents[0]!.detail, 'Anna Kalniņa (T01) · 3 stundas');
  assert.equal(title.view.students.map((s) => [s.number, s.name, s.left]), [
    [1, 'Ābele Anna', false],
    [2, 'Bērziņš Jānis', false],
    [3, 'Ziemele Zane', true],
  ]);
  const behavior = sections[2]!;
  if (behavior.template !== 'behavior') throw new Error('behaviour third');
  assert.is(behavior.view.header.title, 'Uzvedības žurnāls');
  assert.is(behavior.view.anchor, 'pageref-2');
  assert.equal(behavior.view.students.map((s) => [s.name, s.positive, s.remarks[0]!.text]), [['Bērziņš Jānis', 1, 'Palīdzēja']]);
  const briefings = sections[3]!;
  if (briefings.template !== 'class-journal-appendix') throw new Error('briefings fourth');
  assert.equal(briefings.view.briefings, [{ date: '02.09.2026', topic: 'Ugunsdrošība', author: 'Anna Kalniņa', briefed: 'Anna Ābele (S002)', absent: 'Zane Ziemele (S003)' }]);
  assert.equal(briefings.view.kind, { briefings: true, conversations: false, notes: false });
  const notes = sections[5]!;
  if (notes.template !== 'class-journal-appendix') throw new Error('notes last');
  assert.equal(notes.view.notes, [{ addressee: 'visai klasei', validity: 'no 01.11.2026', text: 'Ekskursija', author: 'Anna Kalniņa' }]);
});

test('sections: some subjects only leave out the behaviour journal and the appendices', () => {
  const sections = classJournalSections(data(3, ['mat']), schoolClass(3), 'en');
  assert.equal(sections.map((s) => s.title), ['Class journal', 'Matemātika']);
});

test.run();
