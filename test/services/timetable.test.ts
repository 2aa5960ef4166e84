// The weekly timetable (§17), the missing-lesson check and journal inspections (§11) on the small school.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { clearTimetableSlot, listTimetable, setTimetableSlot, type TimetableSlotInput } from '../../src/services/timetable.ts';
import { checkAgainstTimetable } from '../../src/services/timetable-check.ts';
import { addInspection, listInspections, type InspectionInput } from '../../src/services/inspections.ts';
import { addLesson } from '../../src/services/lessons.ts';
import { addHoliday } from '../../src/services/holidays.ts';
import { justifyAbsences, markAbsences } from '../../src/services/absences.ts';
import { enterGrades } from '../../src/services/grades.ts';
import { resolveYear } from '../../src/services/lookup.ts';
import { loadInspectionsData } from '../../src/reports/inspections.ts';
import { loadMissingLessonsData } from '../../src/reports/missing-lessons.ts';
import { counts, rejects, smallSchool, type SmallSchool } from './fixtures.ts';

let s: SmallSchool;
const fresh = async () => {
  s = await smallSchool();
};
const close = () => s.cleanup();

const set = (as: string, input: TimetableSlotInput) => s.as(as, (c) => setTimetableSlot(c, input));
const slotRows = () => s.db.selectFrom('timetable_slot').select(['weekday', 'number', 'subject_id', 'valid_from', 'valid_to']).orderBy('id').execute();
const brief = (slots: { class: string; weekday: number; number: number; subject: string; teacher: string; valid_from: string; valid_to: string | null }[]) =>
  slots.map((x) => `${x.class} ${x.weekday}/${x.number} ${x.subject} ${x.teacher} ${x.valid_from}..${x.valid_to ?? ''}`);

/* ---------------------------------------------------------------- timetable */

const Timetable = suite('timetable set / clear / list');
Timetable.before.each(fresh);
Timetable.after.each(close);

Timetable('a slot takes the assigned teacher and holds from today (the year\'s first day before the year begins)', async () => {
  const today = await set('D01', { class: '7.a', weekday: '1', number: '2', subject: 'mat' });
  assert.is(today.outcome, 'created');
  assert.equal(brief([today.slot]), ['7.a 1/2 mat T01 2026-11-29..']);
  const early = await s.as('admin', (c) => setTimetableSlot(c, { class: '7.a', weekday: 3, number: 1, subject: 'lv' }), new Date('2026-08-20T09:00:00Z'));
  assert.equal(brief([early.slot]), ['7.a 3/1 lv T02 2026-09-01..']);
});

Timetable('setting what already holds changes nothing; --from starts a new slot and the old one ends the day before', async () => {
  await set('D01', { class: '7.a', weekday: 1, number: 2, subject: 'mat', from: '2026-09-01' });
  const again = await set('D01', { class: '7.a', weekday: 1, number: 2, subject: 'mat', from: '2026-10-01' });
  assert.is(again.outcome, 'unchanged');
  assert.is((await slotRows()).length, 1);

  const changed = await set('D01', { class: '7.a', weekday: 'pirmdiena', number: 2, subject: 'lv', from: '02.11.2026' });
  assert.is(changed.outcome, 'replaced');
  assert.equal(brief(await s.as('D01', (c) => listTimetable(c, { class: '7.a', on: '2026-10-26' }))), ['7.a 1/2 mat T01 2026-09-01..2026-11-01']);
  assert.equal(brief(await s.as('T02', (c) => listTimetable(c, { class: '7.a', on: '2026-11-02' }))), ['7.a 1/2 lv T02 2026-11-02..']);
  assert.equal(brief(await s.as('T02', (c) => listTimetable(c, { teacher: 'T01', on: '2026-11-02' }))), []);

  // A correction on the very day the new slot starts replaces it; the history before stays.
  await set('admin', { class: '7.a', weekday: 1, number: 2, subject: 'mat', teacher: 'T01', from: '2026-11-02' });
  assert.equal(
    (await slotRows()).map((r) => [r.valid_from, r.valid_to]),
    [['2026-09-01', '2026-11-01'], ['2026-11-02', null]],
  );
});

Timetable('clear ends the slot the day before; the days before keep it; a free place is not found', async () => {
  await set('D01', { class: '7.b', weekday: 5, number: 6, subject: 'mat', from: '2026-09-01' });
  const cleared = await s.as('D01', (c) => clearTimetableSlot(c, { class: '7.b', weekday: 5, number: 6, from: '2026-11-16' }));
  assert.equal(brief(cleared.ended), ['7.b 5/6 mat T02 2026-09-01..2026-11-15']);
  assert.is(cleared.removed, 0);
  assert.equal(brief(await s.as('D01', (c) => listTimetable(c, { on: '2026-11-13' }))), ['7.b 5/6 mat T02 2026-09-01..2026-11-15']);
  assert.equal(await s.as('D01', (c) => listTimetable(c, { on: '2026-11-20' })), []);
  await rejects(() => s.as('D01', (c) => clearTimetableSlot(c, { class: '7.b', weekday: 5, number: 6, from: '2026-11-20' })), 'not_found', '7.b, Friday lesson 6');
});

Timetable('wrong input is refused and changes nothing', async () => {
  await set('D01', { class: '7.a', weekday: 2, number: 1, subject: 'mat' });
  const before = await counts(s.db, 'timetable_slot');
  const bad: [TimetableSlotInput, 'invalid' | 'not_found' | 'usage', string][] = [
    [{ class: '7.a', weekday: '0', number: 1, subject: 'mat' }, 'invalid', '--weekday "0"'],
    [{ class: '7.a', weekday: '7', number: 1, subject: 'mat' }, 'invalid', '--weekday "7"'],
    [{ class: '7.a', weekday: 'svētdiena', number: 1, subject: 'mat' }, 'invalid', '--weekday'],
    [{ class: '7.a', weekday: 1, number: '13', subject: 'mat' }, 'invalid', '--number "13"'],
    [{ class: '7.a', weekday: 1, number: '-1', subject: 'mat' }, 'invalid', '--number'],
    [{ class: '7.a', weekday: 1, number: 1, subject: 'mat', from: '2027-09-01' }, 'invalid', 'outside the school year'],
    [{ class: '7.a', weekday: 1, number: 1, subject: 'mat', from: '2026-02-30' }, 'invalid', '--from'],
    [{ class: '7.c', weekday: 1, number: 1, subject: 'mat' }, 'not_found', 'Unknown class 7.c'],
    [{ class: '7.a', weekday: 1, number: 1, subject: 'fiz' }, 'not_found', 'Unknown subject fiz'],
    [{ class: '7.a', weekday: 1, number: 1, subject: 'mat', teacher: 'T99' }, 'not_found', 'Unknown teacher T99'],
    [{ class: '7.a', weekday: 1, number: 1, subject: 'mat', teacher: 'T02' }, 'invalid', 'T02 does not teach mat in 7.a'],
    [{ class: '7.a', weekday: 1, number: 1, subject: 'sp' }, 'invalid', 'Nobody teaches sp in 7.a'],
    [{ class: '7.a', number: 1, subject: 'mat' }, 'usage', '--weekday is required'],
    [{ class: '7.a', weekday: 1, number: 1 }, 'usage', '--subject'],
  ];
  for (const [input, code, message] of bad) await rejects(() => set('D01', input), code, message);
  assert.equal(await counts(s.db, 'timetable_slot'), before);
});

Timetable('only deputies and admins change the timetable, not even the class teacher; everybody reads it', async () => {
  await set('D01', { class: '7.a', weekday: 2, number: 1, subject: 'mat' });
  const before = await slotRows();
  await rejects(() => set('T01', { class: '7.a', weekday: 2, number: 1, subject: 'mat', from: '2026-12-01' }), 'forbidden', 'T01 (Anna Kalniņa) may not change the timetable');
  await rejects(() => s.as('T01', (c) => clearTimetableSlot(c, { class: '7.a', weekday: 2, number: 1 })), 'forbidden', 'may not change the timetable');
  assert.equal(await slotRows(), before);
  assert.is((await s.as('N01', (c) => listTimetable(c, { class: '7.a' }))).length, 1);
});

/* ---------------------------------------------------------- missing lessons */

const Missing = suite('lessons the timetable expected that the journal lacks');
Missing.before.each(async () => {
  await fresh();
  await s.as('admin', async (c) => {
    // 7.a: mat Monday 1 (T01), lv Wednesday 2 (T02), mat Saturday 1 (weekday 6: a weekend day, never expected here); 7.b: mat Friday 3 (T02).
    await setTimetableSlot(c, { class: '7.a', weekday: 1, number: 1, subject: 'mat', from: '2026-09-01' });
    await setTimetableSlot(c, { class: '7.a', weekday: 3, number: 2, subject: 'lv', from: '2026-09-01' });
    await setTimetableSlot(c, { class: '7.a', weekday: 6, number: 1, subject: 'mat', from: '2026-09-01' });
    await setTimetableSlot(c, { class: '7.b', weekday: 5, number: 3, subject: 'mat', from: '2026-09-01' });
    await addHoliday(c, { from: '2026-11-23', to: '2026-11-24', kind: 'school-break', name: 'Skolas brīvdienas' });
    await addLesson(c, { class: '7.a', subject: 'mat', date: '2026-11-16', number: 1, topic: 'Procenti', teacher: 'T01' });
    // 7.b's Friday lesson entered as lesson 4 (a swap): it still counts.
    await addLesson(c, { class: '7.b', subject: 'mat', date: '2026-11-20', number: 4, topic: 'Vienādojumi', teacher: 'T02' });
  });
});
Missing.after.each(close);

const check = async (from: string, to: string, scope: { classIds?: number[]; teacherId?: number } = {}, now?: Date) =>
  s.as('D01', async (c) => checkAgainstTimetable(c, await resolveYear(c), { from, to, ...scope }), now);
const lessons = (list: { date: string; slot: { class: string; number: number; subject: string; teacher: string } }[]) => list.map((e) => `${e.date} ${e.slot.class} #${e.slot.number} ${e.slot.subject} ${e.slot.teacher}`);

Missing('weekends, 18 November and the school break expect nothing; days after today are not missing yet', async () => {
  // 13 Nov (Fri) … 4 Dec (Fri); today is Sunday 29 Nov.
  const result = await check('2026-11-13', '2026-12-04');
  assert.is(result.through, '2026-11-29');
  assert.equal(result.teaching_days, ['2026-11-13', '2026-11-16', '2026-11-17', '2026-11-19', '2026-11-20', '2026-11-25', '2026-11-26', '2026-11-27']);
  assert.equal(lessons(result.expected), ['2026-11-13 7.b #3 mat T02', '2026-11-16 7.a #1 mat T01', '2026-11-20 7.b #3 mat T02', '2026-11-25 7.a #2 lv T02', '2026-11-27 7.b #3 mat T02']);
  assert.equal(lessons(result.missing), ['2026-11-13 7.b #3 mat T02', '2026-11-25 7.a #2 lv T02', '2026-11-27 7.b #3 mat T02']);
  assert.is(result.recorded.length, 2);
});

Missing('a period wholly ahead checks nothing; the filters narrow to a class or a teacher', async () => {
  assert.equal(await check('2026-11-30', '2026-12-04'), { through: null, teaching_days: [], expected: [], missing: [], recorded: [] });
  const classId = (await s.db.selectFrom('school_class').select('id').where('code', '=', '7.a').executeTakeFirstOrThrow()).id;
  assert.equal(lessons((await check('2026-11-13', '2026-11-29', { classIds: [classId] })).missing), ['2026-11-25 7.a #2 lv T02']);
  const t01 = (await s.db.selectFrom('staff').select('id').where('code', '=', 'T01').executeTakeFirstOrThrow()).id;
  assert.equal(lessons((await check('2026-11-13', '2026-11-29', { teacherId: t01 })).expected), ['2026-11-16 7.a #1 mat T01']);
  assert.equal((await check('2026-11-13', '2026-11-29', { teacherId: t01 })).missing, []);
});

Missing('a --from change counts the old lesson before the day and the new one after it', async () => {
  await set('D01', { class: '7.a', weekday: 1, number: 1, subject: 'lv', from: '2026-11-30' });
  const result = await check('2026-11-16', '2026-12-07', {}, new Date('2026-12-08T10:00:00Z'));
  assert.equal(lessons(result.expected).filter((l) => l.includes('#1')), ['2026-11-16 7.a #1 mat T01', '2026-11-30 7.a #1 lv T02', '2026-12-07 7.a #1 lv T02']);
});

Missing('the report groups per teacher; --date is one day; --date with --from is a usage error', async () => {
  const data = await s.as('D01', (c) => loadMissingLessonsData(c, { from: '2026-11-13', to: '2026-11-29' }));
  assert.equal({ expected: data.expected, missing: data.missing, days: data.teaching_days }, { expected: 5, missing: 3, days: 8 });
  assert.equal(
    data.teachers.map((t) => [t.code, t.lessons.map((l) => `${l.date} ${l.class} ${l.number} ${l.subject.code}`)]),
    [['T02', ['2026-11-13 7.b 3 mat', '2026-11-25 7.a 2 lv', '2026-11-27 7.b 3 mat']]],
  );
  const day = await s.as('D01', (c) => loadMissingLessonsData(c, { date: '25.11.2026', class: '7.a' }));
  assert.equal([day.from, day.to, day.class, day.missing], ['2026-11-25', '2026-11-25', '7.a', 1]);
  await rejects(() => s.as('D01', (c) => loadMissingLessonsData(c, { date: '2026-11-25', from: '2026-11-20' })), 'usage', 'either --date');
  await rejects(() => s.as('D01', (c) => loadMissingLessonsData(c, {})), 'usage', '--date');
  await rejects(() => s.as('D01', (c) => loadMissingLessonsData(c, { date: '2026-11-25', teacher: 'T77' })), 'not_found', 'T77');
});

/* -------------------------------------------------------------- inspections */

const Inspections = suite('journal inspections');
Inspections.before.each(fresh);
Inspections.after.each(close);

const inspect = (as: string, input: InspectionInput) => s.as(as, (c) => addInspection(c, input));

Inspections('a deputy records an inspection of several classes or of the whole school', async () => {
  const two = await inspect('D01', { class: ['7.b', '7.a', '7.a'], date: '2026-11-27', findings: 'Nav ierakstītas 2 tēmas; kavējumi jāizvērtē', deadline: '04.12.2026' });
  assert.equal(
    { date: two.date, classes: two.classes, whole: two.whole_school, findings: two.findings, deadline: two.deadline, author: two.author },
    { date: '2026-11-27', classes: ['7.a', '7.b'], whole: false, findings: 'Nav ierakstītas 2 tēmas; kavējumi jāizvērtē', deadline: '2026-12-04', author: 'D01' },
  );
  const all = await inspect('admin', { all: true, findings: 'Žurnāli kārtībā' });
  assert.equal([all.date, all.classes, all.whole_school, all.deadline], ['2026-11-29', ['2.a', '7.a', '7.b'], true, null]);
  const of2a = await s.as('T03', (c) => listInspections(c, { class: '2.a' }));
  assert.equal(of2a.map((i) => i.id), [all.id]);
  assert.equal((await s.as('D01', (c) => listInspections(c, { from: '2026-11-28' }))).map((i) => i.id), [all.id]);
  await rejects(() => s.as('T03', (c) => listInspections(c, { from: '2026-11-28' })), 'forbidden', 'the whole school is neither their own nor a class they lead');
});

Inspections('teachers may not record inspections, and bad input is refused: nothing is written', async () => {
  const before = await counts(s.db, 'inspection', 'inspection_class');
  await rejects(() => inspect('T01', { class: ['7.a'], date: '2026-11-27', findings: 'x' }), 'forbidden', 'T01 (Anna Kalniņa) may not record journal inspections: only an admin or a deputy director may');
  await rejects(() => inspect('N01', { all: true, findings: 'x' }), 'forbidden');
  await rejects(() => inspect('D01', { findings: 'x' }), 'usage', '--all');
  await rejects(() => inspect('D01', { class: ['7.a'], all: true, findings: 'x' }), 'usage', 'not both');
  await rejects(() => inspect('D01', { class: ['7.a'], findings: '  ' }), 'usage', '--findings');
  await rejects(() => inspect('D01', { class: ['7.a'], date: '2026-12-01', findings: 'x' }), 'invalid', 'in the future');
  await rejects(() => inspect('D01', { class: ['7.a'], date: '2026-11-27', deadline: '2026-11-20', findings: 'x' }), 'invalid', 'before the inspection');
  await rejects(() => inspect('D01', { class: ['7.z'], findings: 'x' }), 'not_found', 'Unknown class 7.z');
  assert.equal(await counts(s.db, 'inspection', 'inspection_class'), before);
});

Inspections('the report counts per class: lessons vs. timetable, late grades, absences left n over 7 days', async () => {
  await s.as('admin', async (c) => {
    await setTimetableSlot(c, { class: '7.a', weekday: 1, number: 1, subject: 'mat', from: '2026-09-01' });
    await setTimetableSlot(c, { class: '7.a', weekday: 2, number: 2, subject: 'lv', from: '2026-09-01' });
  });
  // Mon 16 Nov mat and Tue 17 Nov lv are held; Mon 23 and Tue 24 Nov not entered.
  const mat = await s.as('T01', (c) => addLesson(c, { class: '7.a', subject: 'mat', date: '2026-11-16', number: 1, topic: 'Procenti' }), new Date('2026-11-16T13:00:00Z'));
  const lv = await s.as('T02', (c) => addLesson(c, { class: '7.a', subject: 'lv', date: '2026-11-17', number: 2, topic: 'Teikums' }), new Date('2026-11-17T13:00:00Z'));
  // A credit (3 working days: due Fri 20 Nov) entered on Tue 24 Nov: 2 working days late; a test (5: due Tue 24 Nov) on time.
  await s.as('T01', (c) => enterGrades(c, { lesson: mat.id, work: 'credit', students: ['S001=i', 'S002=ni'] }), new Date('2026-11-24T10:00:00Z'));
  await s.as('T02', (c) => enterGrades(c, { lesson: lv.id, work: 'test', students: ['S001=7'] }), new Date('2026-11-24T10:00:00Z'));
  // n on 16 and 17 Nov (12–13 days ago) count; S002's n justified as illness and a k do not.
  await s.as('T01', (c) => markAbsences(c, { lesson: mat.id, students: ['S003'], code: 'n' }));
  await s.as('T02', (c) => markAbsences(c, { lesson: lv.id, students: ['S003', 'S002'], code: 'n' }));
  await s.as('T01', (c) => markAbsences(c, { lesson: mat.id, students: ['S002'], code: 'k' }));
  await s.as('T01', (c) => justifyAbsences(c, { student: 'S002', from: '2026-11-17', to: '2026-11-17', reason: 'illness' }));
  await inspect('D01', { class: ['7.a'], date: '2026-11-27', findings: 'Neierakstītas 23. un 24. novembra stundas', deadline: '2026-12-04' });
  await inspect('D01', { class: ['7.b'], date: '2026-11-27', findings: 'Cita klase' });

  const data = await s.as('D01', (c) => loadInspectionsData(c, { from: '2026-11-16', to: '2026-11-29', class: ['7.a'] }));
  assert.is(data.whole_school, false);
  assert.equal(data.inspections.map((i) => i.findings), ['Neierakstītas 23. un 24. novembra stundas']);
  assert.equal(data.classes, [{
    class: '7.a',
    class_teacher: { code: 'T01', name: 'Anna Kalniņa' },
    lessons_expected: 4,
    lessons_entered: 2,
    lessons_missing: 2,
    lessons_without_topic: 0,
    grades_late: 2,
    absences_n_over_7_days: 2,
  }]);
  const school = await s.as('D01', (c) => loadInspectionsData(c, { from: '2026-11-16', to: '2026-11-29' }));
  assert.equal(school.classes.map((c) => c.class), ['2.a', '7.a', '7.b']);
  assert.is(school.whole_school, true);
  assert.is(school.inspections.length, 2);
  assert.equal(school.totals, { lessons_expected: 4, lessons_entered: 2, lessons_missing: 2, lessons_without_topic: 0, grades_late: 2, absences_n_over_7_days: 2 });
});

Timetable.run();
Missing.run();
Inspections.run();
