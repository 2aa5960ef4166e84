/**
 * The small test school (test/services/fixtures.ts) with an October 2026 of
 * journal work, for the report tests (not a test file itself).
 */
import { smallSchool, type SmallSchool } from '../services/fixtures.ts';
import { addLesson } from '../../src/services/lessons.ts';
import { enterGrades } from '../../src/services/grades.ts';
import { justifyAbsences, markAbsences } from '../../src/services/absences.ts';
import { addStudent } from '../../src/services/students.ts';
import { addBehavior } from '../../src/services/behavior.ts';
import { addNote } from '../../src/services/parent-notes.ts';

/**
 * 7.a in October 2026:
 * - mat (T01): 05.10. #1 S001 8, S002 6, S002 absent n, S003 absent → ns (illness);
 *   12.10. #2 test: S001 9, S003 4; a September grade (S001 5 on 28.09.) that October must not show;
 * - lv (T02): 06.10. #1 S001 7, S001 late (k).
 * - behaviour: S001 positive on 07.10. (T01), negative on 06.10. (T02), positive on 30.09. (not October);
 * - notes for parents: 7.a's whole class in October; S002's own, September only;
 * 7.b: S004 and S005 (named `<b>Anna & "Ko"</b>`, to prove escaping) have no October grades.
 */
export async function reportSchool(): Promise<SmallSchool> {
  const school = await smallSchool();
  await school.as('admin', (c) => addStudent(c, 'S005', { firstName: '<b>Anna', lastName: '& "Ko"</b>', class: '7.b' }));
  await school.as('T01', async (c) => {
    await addLesson(c, { class: '7.a', subject: 'mat', date: '2026-09-28', number: 1, topic: 'Daļskaitļi' });
    await enterGrades(c, { class: '7.a', subject: 'mat', date: '2026-09-28', students: ['S001=5'] });
    await addLesson(c, { class: '7.a', subject: 'mat', date: '2026-10-05', number: 1, topic: 'Vienādojumi' });
    await enterGrades(c, { class: '7.a', subject: 'mat', date: '2026-10-05', students: ['S001=8', 'S002=6'] });
    await markAbsences(c, { class: '7.a', subject: 'mat', date: '2026-10-05', students: ['S002', 'S003'] });
    await addLesson(c, { class: '7.a', subject: 'mat', date: '2026-10-12', number: 2, topic: 'Pārbaudes darbs: vienādojumi' });
    await enterGrades(c, { class: '7.a', subject: 'mat', date: '2026-10-12', work: 'test', students: ['S001=9', 'S003=4'] });
    await justifyAbsences(c, { student: 'S003', from: '2026-10-05', reason: 'illness' });
    await addBehavior(c, { student: 'S001', kind: 'positive', date: '2026-10-07', text: 'Palīdzēja klasesbiedram ar uzdevumiem' });
    await addBehavior(c, { student: 'S001', kind: 'positive', date: '2026-09-30', text: 'Septembra uzslava' });
    await addNote(c, { class: '7.a', from: '2026-10-01', until: '2026-10-31', text: 'Ekskursija uz Siguldu 23. oktobrī; līdzi ņemt pusdienas.' });
    await addNote(c, { student: 'S002', from: '2026-09-01', until: '2026-09-30', text: 'Septembra piezīme' });
  });
  await school.as('T02', async (c) => {
    await addLesson(c, { class: '7.a', subject: 'lv', date: '2026-10-06', number: 1, topic: 'Teikuma locekļi' });
    await enterGrades(c, { class: '7.a', subject: 'lv', date: '2026-10-06', students: ['S001=7'] });
    await markAbsences(c, { class: '7.a', subject: 'lv', date: '2026-10-06', students: ['S001'], code: 'k' });
    await addBehavior(c, { student: 'S001', kind: 'negative', date: '2026-10-06', text: 'Traucēja stundu ar telefonu' });
  });
  return school;
}
