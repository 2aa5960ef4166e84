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

/** What the demo's class life needs of the demo run: whom to act as, its calendar and its days. */
export interface ClassLifeRun {
  db: Db;
  school: School;
  actors: Map<string, Actor>;
  calendar: WorkingCalendar;
  /** Every teaching day of the year. */
  teachingDays: IsoDate[];
  lastDay: IsoDate;
  /** The moment the demo is built: nothing happens after it. */
  now: Date;
}

function at(run: ClassLifeRun, code: string, date: IsoDate, time: string): ServiceContext {
  const actor = run.actors.get(code);
  if (!actor) throw new Error(`The demo's class life names an unknown staff member ${code}.`);
  const instant = instantOfLocal(date, time);
  return { db: run.db, school: run.school, actor, now: instant.getTime() > run.now.getTime() ? run.now : instant };
}

/** "oktobrī": the month in the locative, as a Latvian note says "in October". */
const MONTH_LOCATIVE = ['janvārī', 'februārī', 'martā', 'aprīlī', 'maijā', 'jūnijā', 'jūlijā', 'augustā', 'septembrī', 'oktobrī', 'novembrī', 'decembrī'];
const dayInMonth = (d: IsoDate): string => `${Number(d.slice(8, 10))}. ${MONTH_LOCATIVE[Number(d.slice(5, 7)) - 1]}`;

/**
 * The journal beyond lessons, absences and grades, written as the people of data/demo
 * would write it in the first two months of the year: safety briefings, behaviour remarks,
 * a conversation with a parent, notes for parents, individual work (a nurse's check, a
 * consultation), and deadline control's cases: homework added late and a test improved
 * and recorded late. Each falls on a fixed teaching day of the year (the n-th school day,
 * so never on a weekend or in a break, whichever the year), and only what is over by the
 * moment the demo is built is written: on the second school day, just the two briefings.
 */
export async function writeClassLife(run: ClassLifeRun): Promise<void> {
  /** The n-th teaching day (0: the first school day), or null while it is still to come. */
  const day = (n: number): IsoDate | null => {
    const d = run.teachingDays[n];
    return d !== undefined && compareDates(d, run.lastDay) <= 0 ? d : null;
  };
  const on = async (n: number, write: (date: IsoDate) => Promise<unknown>) => {
    const date = day(n);
    if (date) await write(date);
  };

  // 7.a: class teacher T02 (Līga Ozola), mathematics T03, sports T12; 2.a: class teacher T01.
  await on(0, (d) => addBriefing(at(run, 'T02', d, '14:20'), { class: '7.a', date: d, topic: 'Ugunsdrošība un rīcība evakuācijas gadījumā', allPresent: true }));
  await on(1, (d) => addBriefing(at(run, 'T01', d, '13:10'), { class: '2.a', date: d, topic: 'Ceļu satiksmes drošība ceļā uz skolu', allPresent: true }));

  await on(12, (d) => addBehavior(at(run, 'T03', d, '15:40'), { student: 'S026', kind: 'positive', date: d, text: 'Palīdzēja klasesbiedriem saprast daļskaitļu saskaitīšanu' }));
  await on(27, (d) => addBehavior(at(run, 'T12', d, '16:05'), { student: 'S028', kind: 'negative', date: d, text: 'Traucēja sporta stundu, nepildīja skolotāja norādījumus' }));
  await on(31, (d) => addBehavior(at(run, 'T02', d, '15:15'), { student: 'S027', kind: 'positive', date: d, text: 'Aktīvi piedalījās klases Dzejas dienu pasākumā' }));

  await on(28, (d) =>
    addConversation(at(run, 'T02', d, '17:30'), {
      student: 'S028',
      guardian: 'Līga Bērziņa',
      date: d,
      summary: 'Uzvedība sporta stundās un mājasdarbu nepildīšana',
      agreed: 'Māte pārrunās ar dēlu; nākamā saruna pēc mēneša',
    }),
  );
  // The excursion is announced on day 22 for day 32, a fortnight later.
  const trip = run.teachingDays[32];
  if (trip) await on(22, (d) => addNote(at(run, 'T02', d, '12:00'), { class: '7.a', text: `Ekskursija uz Rundāles pili ${dayInMonth(trip)}: līdzi 10 EUR un pusdienas`, from: d, until: trip }));
  await on(34, (d) => addNote(at(run, 'T02', d, '12:30'), { student: 'S026', text: `Lūdzam iesniegt ārsta zīmi par kavējumiem ${MONTH_LOCATIVE[Number(run.teachingDays[30]!.slice(5, 7)) - 1]}`, from: d }));

  await on(10, (d) => addIndividualWork(at(run, 'M01', d, '11:00'), { kind: 'nurse', date: d, students: ['S029'], text: 'Pārbaudīta potēšanas pase; ieteikta vakcinācija pret gripu' }));
  await on(30, (d) => addIndividualWork(at(run, 'T03', d, '16:20'), { kind: 'consultation', date: d, students: ['S026', 'S028'], text: 'Konsultācija: darbības ar daļskaitļiem pirms pārbaudes darba' }));
  await on(35, (d) => addIndividualWork(at(run, 'T02', d, '15:50'), { kind: 'other', date: d, students: ['S028'], text: 'Individuāla saruna par uzvedību un mācību motivāciju' }));

  // Homework added to an earlier lesson the next evening, after the 17:00 deadline (§17).
  const lessonDay = day(30);
  const nextDay = day(31);
  if (lessonDay && nextDay) {
    const lesson = (await listLessons(at(run, 'admin', run.lastDay, '18:00'), { class: '7.a', from: lessonDay, to: lessonDay })).find((l) => l.homework === null);
    if (lesson) await setLesson(at(run, lesson.teacher, nextDay, '19:40'), { lesson: lesson.id }, { homework: 'Atkārtot stundas pierakstus' });
  }

  // A weak test improved four working days later, recorded only after the test deadline had passed (§22–23).
  const weak = (await listGrades(at(run, 'admin', run.lastDay, '18:00'), { class: '7.a', subject: 'mat', work: 'test' })).find((g) => /^[1-6]$/.test(g.value));
  if (weak) {
    const improvedOn = run.calendar.addWorkingDays(weak.date, 4);
    const recordedOn = [run.calendar.addWorkingDays(improvedOn, 7), run.lastDay].sort(compareDates)[0]!;
    // Only once the improvement itself is past: it cannot be recorded before it happened.
    if (compareDates(improvedOn, recordedOn) <= 0) {
      await correctGrade(at(run, 'T03', recordedOn, '16:10'), weak.id, { value: String(Number(weak.value) + 2), reason: 'Darbs uzlabots', improvedOn });
    }
  }
}
