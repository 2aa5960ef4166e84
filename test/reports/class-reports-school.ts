/**
 * The small school (test/services/fixtures.ts) with a few weeks of journal for
 * the class summary, teacher and substitution reports (not a test file itself).
 *
 * 7.a, October 2026:
 * - mat (T01): lessons 05.10. #1 and 06.10. #1 by T01, 07.10. #1 by T04 in T01's place;
 * - lv (T02): lesson 05.10. #2;
 * - grades: Bērziņš (S001) mat 8, 6 (test), lv 6; Ābele (S002) mat i, lv 9; Ziemele (S003) none;
 * - absences: S001 n in mat 05.10., S003 n in mat 06.10., S002 k in lv 05.10.;
 * - semester 1 grades in mat: S001 9, S002 nv.
 */
import { addLesson } from '../../src/services/lessons.ts';
import { enterGrades } from '../../src/services/grades.ts';
import { markAbsences } from '../../src/services/absences.ts';
import { smallSchool, type SmallSchool } from '../services/fixtures.ts';

export async function classReportsSchool(): Promise<SmallSchool> {
  const school = await smallSchool();
  await school.as('admin', async (c) => {
    const mat1 = await addLesson(c, { class: '7.a', subject: 'mat', date: '2026-10-05', number: 1, topic: 'Daļskaitļi un to saīsināšana', teacher: 'T01' });
    const lv = await addLesson(c, { class: '7.a', subject: 'lv', date: '2026-10-05', number: 2, topic: 'Teikuma locekļi', teacher: 'T02' });
    const mat2 = await addLesson(c, { class: '7.a', subject: 'mat', date: '2026-10-06', number: 1, topic: 'Pārbaudes darbs: daļskaitļi', teacher: 'T01' });
    await addLesson(c, { class: '7.a', subject: 'mat', date: '2026-10-07', number: 1, topic: 'Procenti ikdienā', teacher: 'T04', substituteFor: 'T01' });
    await enterGrades(c, { lesson: mat1.id, students: ['S001=8', 'S002=i'] });
    await enterGrades(c, { lesson: mat2.id, students: ['S001=6'], work: 'test' });
    await enterGrades(c, { lesson: lv.id, students: ['S001=6', 'S002=9'] });
    await markAbsences(c, { lesson: mat1.id, students: ['S001'], code: 'n' });
    await markAbsences(c, { lesson: mat2.id, students: ['S003'], code: 'n' });
    await markAbsences(c, { lesson: lv.id, students: ['S002'], code: 'k' });
    await enterGrades(c, { class: '7.a', subject: 'mat', work: 'semester1', students: ['S001=9', 'S002=nv'] });
  });
  return school;
}
