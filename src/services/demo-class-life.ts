import type { Db } from '../db/connection.ts';
import type { School } from '../db/schema.ts';
import type { Actor } from '../domain/permissions.ts';
import type { WorkingCalendar } from '../domain/calendar.ts';
import { compareDates, instantOfLocal, type IsoDate } from '../domain/dates.ts';
import type { ServiceContext } from './context.ts';
import { addBehavior } from './behavior.ts';
import { addBriefing } from './briefings.ts';
import { addConversation } from './conversations.ts';
import { addNote } from './parent-notes.ts';
import { addIndividualWork } from './individual-work.ts';
import { listLessons, setLesson } from './lessons.ts';
import { correctGrade, listGrades } from './grades.ts';

/** What the demo's class life needs of the demo run: whom to act as, and its calendar. */
export interface ClassLifeRun {
  db: Db;
  school: School;
  actors: Map<string, Actor>;
  calendar: WorkingCalendar;
  lastDay: IsoDate;
}

function at(run: ClassLifeRun, code: string, date: IsoDate, time: string): ServiceContext {
  const actor = run.actors.get(code);
  if (!actor) throw new Error(`The demo's class life names an unknown staff member ${code}.`);
  return { db: run.db, school: run.school, actor, now: instantOfLocal(date, time) };
}

/**
 * The demo school's journal beyond lessons, absences and grades, written as the people
 * of data/demo would write it in September–October: safety briefings, behaviour remarks,
 * a conversation with a parent, notes for parents, individual work (a nurse's check, a
 * consultation), and deadline control's cases: homework added late and a test improved
 * and recorded late. Fixed rather than random, so the demo's reports always show them.
 */
export async function writeClassLife(run: ClassLifeRun): Promise<void> {
  // 7.a: class teacher T02 (Līga Ozola), mathematics T03, sports T12; 2.a: class teacher T01.
  await addBriefing(at(run, 'T02', '2026-09-01', '14:20'), { class: '7.a', date: '2026-09-01', topic: 'Ugunsdrošība un rīcība evakuācijas gadījumā', allPresent: true });
  await addBriefing(at(run, 'T01', '2026-09-02', '13:10'), { class: '2.a', date: '2026-09-02', topic: 'Ceļu satiksmes drošība ceļā uz skolu', allPresent: true });

  await addBehavior(at(run, 'T03', '2026-09-17', '15:40'), { student: 'S026', kind: 'positive', date: '2026-09-17', text: 'Palīdzēja klasesbiedriem saprast daļskaitļu saskaitīšanu' });
  await addBehavior(at(run, 'T12', '2026-10-08', '16:05'), { student: 'S028', kind: 'negative', date: '2026-10-08', text: 'Traucēja sporta stundu, nepildīja skolotāja norādījumus' });
  await addBehavior(at(run, 'T02', '2026-10-14', '15:15'), { student: 'S027', kind: 'positive', date: '2026-10-14', text: 'Aktīvi piedalījās klases Dzejas dienu pasākumā' });

  await addConversation(at(run, 'T02', '2026-10-09', '17:30'), {
    student: 'S028',
    guardian: 'Līga Bērziņa',
    date: '2026-10-09',
    summary: 'Uzvedība sporta stundās un mājasdarbu nepildīšana',
    agreed: 'Māte pārrunās ar dēlu; nākamā saruna pēc mēneša',
  });
  await addNote(at(run, 'T02', '2026-10-01', '12:00'), { class: '7.a', text: 'Ekskursija uz Rundāles pili 15. oktobrī: līdzi 10 EUR un pusdienas', from: '2026-10-01', until: '2026-10-15' });
  await addNote(at(run, 'T02', '2026-10-26', '12:30'), { student: 'S026', text: 'Lūdzam iesniegt ārsta zīmi par kavējumiem oktobrī', from: '2026-10-26' });

  await addIndividualWork(at(run, 'M01', '2026-09-15', '11:00'), { kind: 'nurse', date: '2026-09-15', students: ['S029'], text: 'Pārbaudīta potēšanas pase; ieteikta vakcinācija pret gripu' });
  await addIndividualWork(at(run, 'T03', '2026-10-13', '16:20'), { kind: 'consultation', date: '2026-10-13', students: ['S026', 'S028'], text: 'Konsultācija: darbības ar daļskaitļiem pirms pārbaudes darba' });
  await addIndividualWork(at(run, 'T02', '2026-10-27', '15:50'), { kind: 'other', date: '2026-10-27', students: ['S028'], text: 'Individuāla saruna par uzvedību un mācību motivāciju' });

  // Homework added to an earlier lesson the next evening, after the 17:00 deadline (§17).
  const lesson = (await listLessons(at(run, 'admin', run.lastDay, '18:00'), { class: '7.a', from: '2026-10-13', to: '2026-10-13' })).find((l) => l.homework === null);
  if (lesson) await setLesson(at(run, lesson.teacher, '2026-10-14', '19:40'), { lesson: lesson.id }, { homework: 'Atkārtot stundas pierakstus' });

  // A weak test improved four working days later, recorded only after the test deadline had passed (§22–23).
  const weak = (await listGrades(at(run, 'admin', run.lastDay, '18:00'), { class: '7.a', subject: 'mat', work: 'test' })).find((g) => /^[1-6]$/.test(g.value));
  if (weak) {
    const improvedOn = run.calendar.addWorkingDays(weak.date, 4);
    const recordedOn = [run.calendar.addWorkingDays(improvedOn, 7), run.lastDay].sort(compareDates)[0]!;
    await correctGrade(at(run, 'T03', recordedOn, '16:10'), weak.id, { value: String(Number(weak.value) + 2), reason: 'Darbs uzlabots', improvedOn });
  }
}
