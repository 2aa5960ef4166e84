/**
 * The small school (test/services/fixtures.ts) with a term's journal and the
 * year's closing grades, for the report card and summary journal tests (not a
 * test file itself). Everything goes in through the services.
 *
 * 7.a (level 7, class teacher Anna Kalniņa), subjects Latviešu valoda (lv) and Matemātika (mat):
 * - lessons: mat 05.10 and 06.10, lv 05.10 (I semester); mat 11.01 (II semester);
 * - S001 Jānis Bērziņš: absent 05.10 in mat and lv (justified: illness), late 06.10 in mat;
 *   I sem. mat 7, lv 8; annual mat 3 with a make-up exam 6, lv 8 → promoted to grade 8;
 * - S002 Anna Ābele: absent 06.10 in mat (unjustified), 11.01 in mat (unjustified);
 *   I sem. mat 5, no lv grade; annual mat 2, lv 3 → stays in grade 7;
 *   a state exam 7 in Sports (sp), which 7.a is not taught;
 * - S003 Zane Ziemele: no term grades at all → no decision yet.
 */
import { enterGrades } from '../../src/services/grades.ts';
import { addLesson } from '../../src/services/lessons.ts';
import { justifyAbsences, markAbsences } from '../../src/services/absences.ts';
import { setSchool } from '../../src/services/school.ts';
import { smallSchool, type SmallSchool } from '../services/fixtures.ts';

export async function cardSchool(): Promise<SmallSchool> {
  const s = await smallSchool();
  await s.as('admin', async (c) => {
    await setSchool(c, { director: 'Dace Liepiņa' });
    const mat1 = await addLesson(c, { class: '7.a', subject: 'mat', date: '2026-10-05', number: 1, topic: 'Daļskaitļi' });
    const mat2 = await addLesson(c, { class: '7.a', subject: 'mat', date: '2026-10-06', number: 1, topic: 'Procenti' });
    const lv1 = await addLesson(c, { class: '7.a', subject: 'lv', date: '2026-10-05', number: 2, topic: 'Teikums' });
    await markAbsences(c, { lesson: mat1.id, students: ['S001'] });
    await markAbsences(c, { lesson: lv1.id, students: ['S001'] });
    await markAbsences(c, { lesson: mat2.id, students: ['S001'], code: 'k' });
    await markAbsences(c, { lesson: mat2.id, students: ['S002'] });
    await justifyAbsences(c, { student: 'S001', from: '2026-10-05', reason: 'illness' });
    const grade = (subject: string, work: string, students: string[], date?: string) => enterGrades(c, { class: '7.a', subject, work, students, date });
    await grade('mat', 'semester1', ['S001=7', 'S002=5']);
    await grade('lv', 'semester1', ['S001=8']);
    await grade('mat', 'annual', ['S001=3', 'S002=2']);
    await grade('lv', 'annual', ['S001=8', 'S002=3']);
    await grade('mat', 'makeup', ['S001=6'], '2027-06-10');
    await grade('sp', 'state-exam', ['S002=7'], '2027-05-20');
  });
  // A lesson of the II semester: in the journal's future on 29.11.2026, so it is recorded later.
  await s.as(
    'admin',
    async (c) => {
      const mat3 = await addLesson(c, { class: '7.a', subject: 'mat', date: '2027-01-11', number: 1, topic: 'Vienādojumi' });
      await markAbsences(c, { lesson: mat3.id, students: ['S002'] });
    },
    new Date('2027-01-11T12:00:00Z'),
  );
  return s;
}
