import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RecordedEntry } from '../../src/db/repositories/deadline-entries.ts';
import type { Lateness } from '../../src/domain/late-entries.ts';
import { groupLateEntries, latenessPerTeacher } from '../../src/reports/deadlines-model.ts';

const base: RecordedEntry & Lateness = {
  part: 'grade',
  rule: 'test',
  date: '2026-11-02',
  entered_at: '2026-11-12T10:00:00+02:00',
  lesson_id: null,
  lesson_number: null,
  class_code: '7.a',
  class_level: 7,
  subject_code: 'mat',
  subject_name: 'Matemātika',
  teacher_code: 'T01',
  teacher_name: 'Anna Kalniņa',
  student_code: 'S002',
  student_name: 'Žanete Ābele',
  due_on: '2026-11-09',
  due_time: null,
  working_days_late: 3,
};

test('grades of one work entered the same day are one entry with their students and the last time', () => {
  const entries = groupLateEntries([
    base,
    { ...base, student_code: 'S001', entered_at: '2026-11-12T18:30:00+02:00' },
    { ...base, student_code: 'S003', entered_at: '2026-11-13T08:00:00+02:00', working_days_late: 4 },
    { ...base, subject_code: 'lv', subject_name: 'Latviešu valoda', teacher_code: 'T02', teacher_name: 'Pēteris Ozoliņš', student_code: 'S001' },
  ]);
  assert.equal(entries.map((e) => [e.teacher.code, e.subject.code, e.students, e.entered_at, e.working_days_late]), [
    ['T01', 'mat', ['S001', 'S002'], '2026-11-12T18:30:00+02:00', 3],
    ['T01', 'mat', ['S003'], '2026-11-13T08:00:00+02:00', 4],
    ['T02', 'lv', ['S001'], '2026-11-12T10:00:00+02:00', 3],
  ]);
  assert.equal(latenessPerTeacher(entries), [
    { code: 'T01', name: 'Anna Kalniņa', entries: 2, most_days_late: 4 },
    { code: 'T02', name: 'Pēteris Ozoliņš', entries: 1, most_days_late: 3 },
  ]);
});

test("a lesson's parts stay apart, in the journal's order, and name no students unless absences", () => {
  const lesson = { ...base, rule: 'lesson', lesson_id: 5, lesson_number: 2, date: '2026-11-16', due_on: '2026-11-16', due_time: '17:00', working_days_late: 1, student_code: null, student_name: null };
  const entries = groupLateEntries([
    { ...lesson, part: 'absences', student_code: 'S001' },
    { ...lesson, part: 'homework' },
    { ...lesson, part: 'lesson' },
    { ...lesson, part: 'absences', student_code: 'S002' },
  ]);
  assert.equal(entries.map((e) => [e.part, e.students, e.work, e.lesson_number]), [
    ['lesson', [], null, 2],
    ['homework', [], null, 2],
    ['absences', ['S001', 'S002'], null, 2],
  ]);
});

test.run();
