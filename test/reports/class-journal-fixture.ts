/**
 * The class reports school (class-reports-school.ts) with what the printed
 * class journal adds, for its tests (not a test file itself). Through the services.
 *
 * 7.a on top of October's mat and lv lessons (07.10. mat taught by T04 in T01's place):
 * - homework on mat 05.10.: "Uzdevumu krājums 12. lpp.";
 * - a mat grade entered for 08.10., a day without a mat lesson: Ābele (S002) 7;
 * - Latviešu valoda (lv) has 75 more lessons (#5 and #6 of working days from 01.09.), the
 *   last one on 27.11. with the topic "Īpašības vārdu locīšana — ģenitīvs"; Bērziņš (S001) has 10 in it;
 * - Ziemele (S003) leaves the class after 20.10.2026;
 * - behaviour: a positive remark for Bērziņš (S001) on 12.10. by T01 "Palīdzēja klasesbiedram ar mājasdarbu";
 * - a safety briefing on 02.09. "Ugunsdrošība un rīcība evakuācijas gadījumā": Bērziņš and Ābele
 *   briefed, Ziemele not;
 * - a conversation with Bērziņš's mother Ilze Bērziņa on 15.10. and a note to the whole class from 01.11.
 */
import { addBehavior } from '../../src/services/behavior.ts';
import { addBriefing } from '../../src/services/briefings.ts';
import { addConversation } from '../../src/services/conversations.ts';
import { enterGrades } from '../../src/services/grades.ts';
import { addGuardian } from '../../src/services/guardians.ts';
import { addLesson, setLesson } from '../../src/services/lessons.ts';
import { loadCalendar } from '../../src/services/lookup.ts';
import { addNote } from '../../src/services/parent-notes.ts';
import { leaveClass } from '../../src/services/students.ts';
import { addDays } from '../../src/domain/dates.ts';
import type { SmallSchool } from '../services/fixtures.ts';
import { classReportsSchool } from './class-reports-school.ts';

export const LONG_SUBJECT_LESSONS = 76;
export const LAST_LV_TOPIC = 'Īpašības vārdu locīšana — ģenitīvs';

export async function classJournalSchool(): Promise<SmallSchool> {
  const s = await classReportsSchool();
  await s.as('admin', async (c) => {
    await setLesson(c, { class: '7.a', subject: 'mat', date: '2026-10-05', number: 1 }, { homework: 'Uzdevumu krājums 12. lpp.' });
    await enterGrades(c, { class: '7.a', subject: 'mat', date: '2026-10-08', students: ['S002=7'] });
    const calendar = await loadCalendar(c);
    // 75 more lv lessons, two a day, the last one on 27.11.
    const days: string[] = [];
    for (let day = '2026-11-27'; days.length < 38; day = addDays(day, -1)) if (calendar.isWorkingDay(day)) days.unshift(day);
    let added = 0;
    for (const day of days) {
      for (const number of [5, 6]) {
        if (added === LONG_SUBJECT_LESSONS - 1) break;
        added++;
        const last = added === LONG_SUBJECT_LESSONS - 1;
        const lesson = await addLesson(c, { class: '7.a', subject: 'lv', date: day, number, topic: last ? LAST_LV_TOPIC : `Valodas stunda ${added}`, teacher: 'T02' });
        if (last) await enterGrades(c, { lesson: lesson.id, students: ['S001=10'] });
      }
    }
    await addBriefing(c, { class: '7.a', date: '2026-09-02', topic: 'Ugunsdrošība un rīcība evakuācijas gadījumā', students: ['S001', 'S002'] });
    await leaveClass(c, 'S003', { lastDay: '2026-10-20' });
    const mother = await addGuardian(c, { students: ['S001'], firstName: 'Ilze', lastName: 'Bērziņa', relation: 'māte' });
    await addConversation(c, { student: 'S001', guardian: String(mother.id), date: '2026-10-15', summary: 'Par sekmēm matemātikā', agreed: 'Apmeklēs konsultācijas' });
    await addNote(c, { class: '7.a', text: 'Ekskursija uz Siguldu 20. novembrī', from: '2026-11-01' });
  });
  await s.as('T01', (c) => addBehavior(c, { student: 'S001', kind: 'positive', date: '2026-10-12', text: 'Palīdzēja klasesbiedram ar mājasdarbu' }));
  return s;
}
