/**
 * The report-card school (test/reports/card-fixture.ts) at the end of
 * 2026/2027, with a class of every year-end fate (not a test file itself):
 * - 7.a (CT T01; mat T01, lv T02): S001 promoted (mat 3, make-up 6), S002 repeats (mat 2, lv 3),
 *   S003 has no annual grades (no proposal);
 * - 7.b (no CT; mat T02): S004 mat 3 → a make-up exam in mat;
 * - 2.a (CT T03; mat T03): S101 mat A → promoted to grade 3;
 * - 9.a (CT T04; mat T04): S901 mat 6 → completes basic education, S902 mat 2 → certificate.
 */
import { addAssignment } from '../../src/services/assignments.ts';
import { addClass } from '../../src/services/classes.ts';
import { enterGrades } from '../../src/services/grades.ts';
import { addStudent } from '../../src/services/students.ts';
import { cardSchool } from '../reports/card-fixture.ts';
import type { SmallSchool } from './fixtures.ts';

export async function yearEndSchool(): Promise<SmallSchool> {
  const s = await cardSchool();
  await s.as('admin', async (c) => {
    await addClass(c, '9.a', { classTeacher: 'T04' });
    await addStudent(c, 'S901', { firstName: 'Kārlis', lastName: 'Kalns', class: '9.a' });
    await addStudent(c, 'S902', { firstName: 'Laura', lastName: 'Lapa', class: '9.a' });
    await addAssignment(c, { class: '9.a', subject: 'mat', teacher: 'T04' });
    const grade = (schoolClass: string, students: string[]) => enterGrades(c, { class: schoolClass, subject: 'mat', work: 'annual', students });
    await grade('7.b', ['S004=3']);
    await grade('2.a', ['S101=A']);
    await grade('9.a', ['S901=6', 'S902=2']);
  });
  return s;
}
