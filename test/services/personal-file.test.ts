// The student's personal file (regulation §13–14) and the term grades still missing (§26), on the report school.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { personalFile } from '../../src/services/personal-file.ts';
import { enterGrades, missingTermGrades } from '../../src/services/grades.ts';
import { addBriefing } from '../../src/services/briefings.ts';
import { addConversation } from '../../src/services/conversations.ts';
import { addGuardian } from '../../src/services/guardians.ts';
import { moveStudent } from '../../src/services/students.ts';
import { reportSchool } from '../support/report-school.ts';
import { rejects, S001_CODE, type SmallSchool } from './fixtures.ts';

let s: SmallSchool;
const fresh = async () => {
  s = await reportSchool();
};
const close = () => s.cleanup();

/* ------------------------------------------------------------ personal file */

const File = suite('personal file');
File.before.each(fresh);
File.after.each(close);

async function withAppendices(): Promise<void> {
  await s.as('admin', (c) => addGuardian(c, { students: ['S001'], firstName: 'Ilze', lastName: 'Bērziņa', relation: 'māte', phone: '29999999' }));
  await s.as('T01', async (c) => {
    await enterGrades(c, { class: '7.a', subject: 'mat', work: 'semester1', date: '2026-11-27', students: ['S001=8'] });
    await addBriefing(c, { class: '7.a', date: '2026-10-01', topic: 'Ugunsdrošība', students: ['S001', 'S002'] });
    await addBriefing(c, { class: '7.a', date: '2026-10-02', topic: 'Ceļu satiksme', students: ['S002'] });
    await addConversation(c, { student: 'S001', guardian: 'Ilze', date: '2026-10-08', summary: 'Par sekmēm matemātikā', agreed: 'Konsultācijas otrdienās' });
  });
}

File('the whole file: data, guardians, classes, the year\'s grades, absences, behaviour, notes, briefings', async () => {
  await withAppendices();
  const file = await personalFile(await s.ctx('T01'), 'S001');
  assert.is(file.personal_code, S001_CODE, 'the personal file shows the personas kods whole');
  assert.is(file.year, '2026/2027');
  assert.equal(file.guardians.map((g) => [g.first_name, g.phone]), [['Ilze', '+37129999999']]);
  assert.equal(file.classes.map((c) => [c.class, c.from_date, c.to_date]), [['7.a', '2026-09-01', null]]);
  assert.equal(file.grades, [
    {
      subject: 'lv', subject_name: 'Latviešu valoda', grades: [{ date: '2026-10-06', work: 'regular', value: '7' }], average: 7,
      term: { semester1: null, semester2: null, annual: null, state_exam: null, makeup: null },
    },
    {
      subject: 'mat', subject_name: 'Matemātika',
      grades: [{ date: '2026-09-28', work: 'regular', value: '5' }, { date: '2026-10-05', work: 'regular', value: '8' }, { date: '2026-10-12', work: 'test', value: '9' }],
      average: 7.33,
      term: { semester1: '8', semester2: null, annual: null, state_exam: null, makeup: null },
    },
  ]);
  assert.equal(file.absences, { n: 0, k: 1, ns: 0, nc: 0 });
  assert.equal(file.behavior.map((b) => [b.date, b.kind]), [['2026-09-30', 'positive'], ['2026-10-06', 'negative'], ['2026-10-07', 'positive']]);
  assert.equal(file.notes.map((n) => n.text), ['Ekskursija uz Siguldu 23. oktobrī; līdzi ņemt pusdienas.']);
  assert.equal(file.briefings, [
    { date: '2026-10-01', class: '7.a', topic: 'Ugunsdrošība', briefed: true },
    { date: '2026-10-02', class: '7.a', topic: 'Ceļu satiksme', briefed: false },
  ]);
  assert.equal(file.conversations.map((c) => [c.date, c.guardian_name, c.agreed]), [['2026-10-08', 'Ilze Bērziņa', 'Konsultācijas otrdienās']]);
  assert.is(file.conversations_hidden, false);
});

File('absences count by code after the class teacher\'s decisions; another student\'s notes stay out', async () => {
  const s003 = await personalFile(await s.ctx(null), 'S003');
  assert.equal(s003.absences, { n: 0, k: 0, ns: 1, nc: 0 });
  const s002 = await personalFile(await s.ctx(null), 'S002');
  assert.equal(s002.absences, { n: 1, k: 0, ns: 0, nc: 0 });
  assert.equal(s002.notes.map((n) => n.text), ['Septembra piezīme', 'Ekskursija uz Siguldu 23. oktobrī; līdzi ņemt pusdienas.']);
});

File('conversations: the class teacher, a deputy and an admin read them; the operator gets the file without them', async () => {
  await withAppendices();
  for (const reader of ['T01', 'D01', 'admin']) {
    const file = await personalFile(await s.ctx(reader), 'S001');
    assert.is(file.conversations.length, 1, reader);
    assert.is(file.conversations_hidden, false, reader);
  }
  const file = await personalFile(await s.ctx(null), 'S001');
  assert.equal(file.conversations, []);
  assert.is(file.conversations_hidden, true);
  assert.is(file.grades.length, 2, 'the rest of the file is there');
});

File('the personal file is the class teacher\'s: a subject teacher of the class and another class teacher are refused', async () => {
  await withAppendices();
  await rejects(async () => personalFile(await s.ctx('T02'), 'S001'), 'forbidden', "T02 (Pēteris Ozoliņš) may not read a student's personal file: is not the class teacher of S001 in 7.a");
  await rejects(async () => personalFile(await s.ctx('T03'), 'S001'), 'forbidden', 'T03', 'personal file');
});

File('a student who moved: both classes\' records in the year, briefings of the new class too', async () => {
  await s.as('admin', (c) => moveStudent(c, 'S001', { class: '7.b', date: '2026-11-02' }));
  await s.as('admin', (c) => addBriefing(c, { class: '7.b', date: '2026-11-03', topic: 'Elektrodrošība', students: ['S004'] }));
  const file = await personalFile(await s.ctx('admin'), 'S001');
  assert.equal(file.classes.map((c) => c.class), ['7.a', '7.b']);
  assert.equal(file.grades.map((g) => g.subject), ['lv', 'mat']);
  assert.equal(file.briefings.map((b) => [b.class, b.briefed]), [['7.b', false]]);
});

File('an unknown student or year is not found', async () => {
  await rejects(async () => personalFile(await s.ctx(null), 'S999'), 'not_found', 'S999');
  await rejects(async () => personalFile({ ...(await s.ctx(null)), yearCode: '2030/2031' }, 'S001'), 'not_found', '2030/2031');
});

/* ---------------------------------------------------- missing term grades */

const Missing = suite('missing term grades');
Missing.before.each(fresh);
Missing.after.each(close);

Missing('per class and subject taught there, the students without the term grade, in register order', async () => {
  await s.as('T01', (c) => enterGrades(c, { class: '7.a', subject: 'mat', work: 'semester1', date: '2026-11-27', students: ['S001=8', 'S002=6'] }));
  const rows = await missingTermGrades(await s.ctx(null), { term: '1' });
  assert.equal(rows.filter((r) => r.class !== '7.b').map((r) => [r.class, r.subject, r.teacher, r.student]), [
    ['2.a', 'mat', 'T03', 'S101'],
    ['7.a', 'lv', 'T02', 'S002'],
    ['7.a', 'lv', 'T02', 'S001'],
    ['7.a', 'lv', 'T02', 'S003'],
    ['7.a', 'mat', 'T01', 'S003'],
  ]);
  assert.equal(rows.filter((r) => r.class === '7.b').map((r) => r.student).sort(), ['S004', 'S005']);
  assert.equal(rows[0], { class: '2.a', subject: 'mat', subject_name: 'Matemātika', teacher: 'T03', teacher_name: 'Ilze Priede', student: 'S101', student_name: 'Emīls Egle' });
});

Missing('--class and --subject narrow it; the term decides which grade counts; an exemption (a) counts as given', async () => {
  await s.as('T01', (c) => enterGrades(c, { class: '7.a', subject: 'mat', work: 'semester1', date: '2026-11-27', students: ['S001=8', 'S002=6'] }));
  const only = await missingTermGrades(await s.ctx(null), { term: '1', class: '7.a', subject: 'mat' });
  assert.equal(only.map((r) => r.student), ['S003']);
  const second = await missingTermGrades(await s.ctx(null), { term: '2', class: '7.a', subject: 'mat' });
  assert.equal(second.map((r) => r.student), ['S002', 'S001', 'S003']);
  await s.as('T01', (c) => enterGrades(c, { class: '7.a', subject: 'mat', work: 'semester1', date: '2026-11-27', students: ['S003'], value: 'a', exemptCertificate: 'Izziņa Nr. 1' }));
  assert.equal(await missingTermGrades(await s.ctx(null), { term: '1', class: '7.a', subject: 'mat' }), []);
  assert.equal(await missingTermGrades(await s.ctx(null), { term: 'year', class: '7.a', subject: 'sp' }), [], 'sp is not taught in 7.a');
});

Missing('students in the class on the term\'s last day: one who moved out is asked of the new class', async () => {
  await s.as('admin', (c) => moveStudent(c, 'S001', { class: '7.b', date: '2026-11-02' }));
  assert.equal((await missingTermGrades(await s.ctx(null), { term: '1', class: '7.a', subject: 'mat' })).map((r) => r.student), ['S002', 'S003']);
  assert.ok((await missingTermGrades(await s.ctx(null), { term: '1', class: '7.b' })).some((r) => r.student === 'S001'));
});

Missing('a bad --term is a usage error; unknown class or subject not found', async () => {
  await rejects(async () => missingTermGrades(await s.ctx(null), { term: '3' }), 'usage', '--term 3');
  await rejects(async () => missingTermGrades(await s.ctx(null), {}), 'usage', '--term is required');
  await rejects(async () => missingTermGrades(await s.ctx(null), { term: '1', class: '9.z' }), 'not_found', '9.z');
  await rejects(async () => missingTermGrades(await s.ctx(null), { term: '1', subject: 'xx' }), 'not_found', 'xx');
});

Missing.run();
File.run();
