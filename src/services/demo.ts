import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { packageRoot } from '../package-root.ts';
import { parse } from 'csv-parse/sync';
import { AppError } from '../errors.ts';
import { dropSchool, inTransaction, openDatabase, removeDatabaseFiles, type Db } from '../db/connection.ts';
import { redactUrl } from '../db/location.ts';
import type { AbsenceCode, School } from '../db/schema.ts';
import { staffActor, type Actor } from '../domain/permissions.ts';
import type { WorkingCalendar } from '../domain/calendar.ts';
import { isRole } from '../domain/roles.ts';
import { ABSENCE_CODES, type JustifyReason } from '../domain/absence.ts';
import { DEFAULT_GRADE_DEADLINES } from '../domain/deadlines.ts';
import { pointsAverage, type WorkKind } from '../domain/grade-scale.ts';
import { parseYearCode } from '../domain/school-year.ts';
import { addDays, compareDates, daysBetween, instantOfLocal, isIsoDate, splitIsoDate, toIsoDate, weekday, type IsoDate } from '../domain/dates.ts';
import type { ServiceContext } from './context.ts';
import { initializeSchool } from './school-setup.ts';
import { countGradeCorrections } from '../db/repositories/grades.ts';
import { importSources, loadFile, type ImportSource } from '../transfer/import.ts';
import { listSubjectViews } from './subjects.ts';
import { listStaffViews } from './staff.ts';
import { listClasses } from './classes.ts';
import { listStudentViews } from './students.ts';
import { listGuardians } from './guardians.ts';
import { listAssignments } from './assignments.ts';
import { addSubstitution } from './substitutions.ts';
import { addLesson, listLessons } from './lessons.ts';
import { justifyAbsences, listAbsences, markAbsences } from './absences.ts';
import { correctGrade, enterGrades, listGrades } from './grades.ts';
import { loadCalendar, resolveYear } from './lookup.ts';
import { addInspection } from './inspections.ts';
import { writeClassLife } from './demo-class-life.ts';
import { demoPeriod, demoYearCode, type DemoPeriod } from './demo-period.ts';
import { m as t } from '../i18n/messages/demo.ts';

/* ------------------------------------------------------------------ files */

export const DEMO_DATABASE_FILE = 'ezurnals.db';

export function demoDataDir(): string {
  return join(packageRoot(), 'data', 'demo');
}

/** Creates DIR/ezurnals.db for the demo; an existing one is replaced only when forced. */
export async function openDemoDatabase(dir: string, options: { force?: boolean; server?: string } = {}): Promise<{ db: Db; path: string }> {
  if (options.server) {
    // A demo school on a server: replaced only when forced, like the file.
    // Only a demo school is replaced: the URL may name a real one.
    const { school } = loadDemoData();
    if (options.force) await dropSchool(options.server, { name: school.name, registrationNumber: school.registration_number });
    mkdirSync(resolve(dir), { recursive: true, mode: 0o700 });
    return { db: await openDatabase(options.server, { create: true }), path: redactUrl(options.server) };
  }
  const path = resolve(dir, DEMO_DATABASE_FILE);
  if (existsSync(path) && !options.force) {
    throw new AppError('conflict', t.demoExists(path));
  }
  removeDatabaseFiles(path);
  // A new folder is the owner's only: one that others may write is refused by openDatabase (src/domain/database-files.ts).
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  return { db: await openDatabase(path, { create: true }), path };
}

/* ------------------------------------------------------------- CSV input */

function readCsv<const C extends readonly string[]>(dir: string, file: string, columns: C): Record<C[number], string>[] {
  const path = join(dir, file);
  return parse(readFileSync(path, 'utf8'), {
    bom: true,
    trim: true,
    skip_empty_lines: true,
    columns: (header: string[]) => {
      const missing = columns.filter((c) => !header.includes(c));
      if (missing.length > 0) throw new Error(`${path}: missing column(s) ${missing.join(', ')}`);
      return header;
    },
  }) as Record<C[number], string>[];
}

/** Empty CSV cells mean "not given", which the services express as undefined. */
const given = (value: string): string | undefined => (value === '' ? undefined : value);

export interface DemoData {
  school: Record<'name' | 'registration_number' | 'director' | 'year', string>;
  subjects: Record<'code' | 'name', string>[];
  staff: Record<'code' | 'first_name' | 'last_name' | 'roles' | 'phone' | 'email', string>[];
  classes: Record<'code' | 'level' | 'class_teacher', string>[];
  students: Record<'code' | 'first_name' | 'last_name' | 'personal_code' | 'class' | 'birth_date' | 'sex' | 'phone' | 'email' | 'address', string>[];
  guardians: Record<'student' | 'first_name' | 'last_name' | 'relation' | 'phone' | 'email' | 'address', string>[];
  assignments: Record<'class' | 'subject' | 'teacher', string>[];
  timetable: Record<'class' | 'weekday' | 'number' | 'subject' | 'group', string>[];
  /** Split language and sport groups of 7.a and 9.b, and an elective across both classes (issue 19). */
  groups: Record<'code' | 'subject' | 'teachers' | 'classes' | 'name', string>[];
  groupMembers: Record<'group' | 'student', string>[];
  substitutions: Record<'date' | 'class' | 'number' | 'teacher', string>[];
  /** Topics for levels 7–12 and, separately, for the primary levels 1–6: the same subject is taught very differently. */
  topics: Record<'subject' | 'topic' | 'homework', string>[];
  primaryTopics: Record<'subject' | 'topic' | 'homework', string>[];
}

export function loadDemoData(dir = demoDataDir()): DemoData {
  const topicColumns = ['subject', 'topic', 'homework'] as const;
  const [school] = readCsv(dir, 'school.csv', ['name', 'registration_number', 'director', 'year'] as const);
  if (!school) throw new Error(`${join(dir, 'school.csv')}: no school row`);
  return {
    school,
    subjects: readCsv(dir, 'subjects.csv', ['code', 'name'] as const),
    staff: readCsv(dir, 'staff.csv', ['code', 'first_name', 'last_name', 'roles', 'phone', 'email'] as const),
    classes: readCsv(dir, 'classes.csv', ['code', 'level', 'class_teacher'] as const),
    students: readCsv(dir, 'students.csv', ['code', 'first_name', 'last_name', 'personal_code', 'class', 'birth_date', 'sex', 'phone', 'email', 'address'] as const),
    guardians: readCsv(dir, 'guardians.csv', ['student', 'first_name', 'last_name', 'relation', 'phone', 'email', 'address'] as const),
    assignments: readCsv(dir, 'assignments.csv', ['class', 'subject', 'teacher'] as const),
    timetable: readCsv(dir, 'timetable.csv', ['class', 'weekday', 'number', 'subject', 'group'] as const),
    groups: readCsv(dir, 'groups.csv', ['code', 'subject', 'teachers', 'classes', 'name'] as const),
    groupMembers: readCsv(dir, 'group_members.csv', ['group', 'student'] as const),
    substitutions: readCsv(dir, 'substitutions.csv', ['date', 'class', 'number', 'teacher'] as const),
    topics: readCsv(dir, 'topics.csv', topicColumns),
    primaryTopics: readCsv(dir, 'topics-primary.csv', topicColumns),
  };
}

/* ------------------------------------------------------------ randomness */

/** mulberry32: a tiny seeded generator, so that every demo database is the same. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number): boolean => next() < p,
    int: (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1)),
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)]!;
    },
    /** Standard normal (Box–Muller). */
    normal: (): number => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
}
type Random = ReturnType<typeof seededRandom>;

const SEED = 20260901;

/* --------------------------------------------------------------- journal */

/** Topics announce graded work the way teachers write it in the journal. */
type MarkedWork = 'test' | 'credit' | 'large';
const WORK_BY_TOPIC: readonly [RegExp, MarkedWork][] = [
  [/^Pārbaudes darbs\b/u, 'test'],
  [/^Ieskaite\b/u, 'credit'],
  [/^(Sacerējums|Referāts|Projekts)\b/u, 'large'],
];

function workOfTopic(topic: string): MarkedWork | null {
  return WORK_BY_TOPIC.find(([pattern]) => pattern.test(topic))?.[1] ?? null;
}

const ILLNESS_NOTES = ['Vecāku zīme: slimība', 'Ģimenes ārsta izziņa', 'Saaukstēšanās, vecāku zīme'];
const DAY_OFF_NOTES = ['Ģimenes apstākļi', 'Sporta sacensības', 'Vecāku iesniegums: ģimenes brauciens'];
const LESSONS_OFF_NOTES = ['Vizīte pie zobārsta', 'Vizīte pie ārsta', 'Mūzikas skolas koncerts'];
const RESIT_REASON = 'Pārbaudes darbs uzrakstīts pēc kavējuma';
const TYPO_REASON = 'Kļūda, ievadot vērtējumu';
const TYPO_CORRECTIONS = 3;

/** A stretch of absence of one student: whole days, or some lessons of one day. */
interface Episode {
  student: string;
  from: IsoDate;
  to: IsoDate;
  lessons: ReadonlySet<number> | null;
  /** null: no valid reason, the `n` stays. */
  reason: JustifyReason | null;
  note: string;
  justifyOn: IsoDate | null;
}

interface DemoStudent {
  code: string;
  /** The student's usual level on the 10-point scale; every kind of grade is drawn around it. */
  ability: number;
}

/** The demo grades levels 1–3 descriptively (S/T/A/P, +/-), as the current standard does; points start at level 4. */
const inPoints = (level: number): boolean => level >= 4;

/** Grade values on the scale that the work and the class level call for (REFERENCE §3). */
function gradeValue(rnd: Random, ability: number, work: WorkKind, level: number): string {
  const score = ability + rnd.normal() * 1.3 - (work === 'regular' ? 0 : 0.3);
  if (work === 'credit') return score >= 4.5 ? 'i' : 'ni';
  if (!inPoints(level)) {
    if (work === 'regular') return score < 5.5 ? '-' : score < 7.2 ? '/' : '+';
    return score < 5 ? 'S' : score < 6.8 ? 'T' : score < 8.6 ? 'A' : 'P';
  }
  return String(Math.min(10, Math.max(1, Math.round(score))));
}

function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** After-lesson hours, when teachers fill in the journal (lessons are due by 17:00, §17). */
function afternoon(rnd: Random, date: IsoDate): Date {
  return instantOfLocal(date, clockTime(15 * 60 + rnd.int(0, 90)));
}

function later(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

function datesBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = from; compareDates(d, to) <= 0; d = addDays(d, 1)) days.push(d);
  return days;
}

interface DemoRun {
  db: Db;
  school: School;
  actors: Map<string, Actor>;
  rnd: Random;
  calendar: WorkingCalendar;
  /** Every teaching day of the year, also those still to come. */
  teachingDays: IsoDate[];
  /** Teaching days of the demo period: from the first school day to the last one that is over. */
  days: IsoDate[];
  lastDay: IsoDate;
  /** The moment the demo is built: nothing is entered after it. */
  now: Date;
}

/** Entries never lie in the future of the moment the demo is built; `notAfter` is the last line of defence for that. */
function notAfter(instant: Date, now: Date): Date {
  return instant.getTime() > now.getTime() ? now : instant;
}

function actingAs(run: DemoRun, code: string, now: Date): ServiceContext {
  const actor = run.actors.get(code);
  if (!actor) throw new Error(`Demo data names an unknown staff member ${code}.`);
  return { db: run.db, school: run.school, actor, now: notAfter(now, run.now) };
}

function toActor(staff: { id: number; code: string; first_name: string; last_name: string; roles: readonly string[] }): Actor {
  return staffActor({ ...staff, roles: staff.roles.filter(isRole) });
}

/** The registry files of data/demo, in the importer's dependency order. */
const REGISTRY_FILES = ['subjects', 'staff', 'classes', 'students', 'guardians', 'assignments', 'groups', 'group_members', 'timetable'] as const;

/* ------------------------------------------------------- moving in time */

/** The start year of the school year data/demo is written for (school.csv); the demo moves its dates from there. */
function dataStartYear(data: DemoData): number {
  const parsed = parseYearCode(data.school.year);
  if (!parsed) throw new Error(`school.csv: year "${data.school.year}" must look like 2026/2027`);
  return parsed.startYear;
}

/** The same day `years` later; 29 February becomes 28 February in a common year. */
function shiftYears(date: IsoDate, years: number): IsoDate {
  const { year, month, day } = splitIsoDate(date);
  const shifted = `${year + years}-${date.slice(5)}`;
  return isIsoDate(shifted) ? shifted : toIsoDate(year + years, month, day - 1);
}

const CODE_WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CENTURY_DIGIT: Readonly<Record<number, string>> = { 19: '1', 20: '2' };

/**
 * A legacy personas kods (DDMMYY-CNNNK) for a new birth date, keeping the serial number
 * where it can: the check digit is recomputed, and a serial whose check would be 10 (no
 * valid digit) moves on to the next one.
 */
function personalCodeFor(birthDate: IsoDate, oldCode: string): string {
  const { year, month, day } = splitIsoDate(birthDate);
  const century = CENTURY_DIGIT[Math.floor(year / 100)];
  if (!century) throw new Error(`The demo cannot write a personas kods for a birth in ${year}.`);
  const head = `${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}`;
  let serial = Number(oldCode.replace('-', '').slice(7, 10));
  for (;;) {
    const digits = [...`${head}${century}${String(serial).padStart(3, '0')}`].map(Number);
    const check = (1101 - CODE_WEIGHTS.reduce((sum, w, i) => sum + w * digits[i]!, 0)) % 11;
    if (check < 10) return `${head}-${century}${String(serial).padStart(3, '0')}${check}`;
    serial = (serial + 1) % 1000;
  }
}

const csvCell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * students.csv with every student born `years` later, so that the classes keep their ages
 * in whichever year the demo is built: birth dates and personal codes move together.
 */
function studentsShifted(data: DemoData, dataDir: string, years: number): ImportSource {
  const file = join(dataDir, 'students.csv');
  if (years === 0) return loadFile('students', file);
  const columns = ['code', 'first_name', 'last_name', 'personal_code', 'class', 'birth_date', 'sex', 'phone', 'email', 'address'] as const;
  const rows = data.students.map((s) => {
    const birth = s.birth_date ? shiftYears(s.birth_date, years) : '';
    const code = birth && s.personal_code ? personalCodeFor(birth, s.personal_code) : s.personal_code;
    return columns.map((c) => csvCell(c === 'birth_date' ? birth : c === 'personal_code' ? code : s[c])).join(',');
  });
  return { kind: 'students', file, bytes: new TextEncoder().encode([columns.join(','), ...rows].join('\n') + '\n') };
}

/** A date of the data's year moved by whole weeks into the demo's year: the same weekday, near the same date. */
function shiftWeeks(date: IsoDate, years: number): IsoDate {
  if (years === 0) return date;
  const { year } = splitIsoDate(date);
  const days = daysBetween(toIsoDate(year, 9, 1), toIsoDate(year + years, 9, 1));
  return addDays(date, Math.round(days / 7) * 7);
}

/** The registry as the administrator would enter it in the last week of August. */
async function enterRegistry(db: Db, data: DemoData, dataDir: string, yearCode: string): Promise<{ school: School; admin: Actor; actors: Map<string, Actor>; setupDay: IsoDate }> {
  const parsed = parseYearCode(yearCode)!;
  const setupDay = `${parsed.startYear}-08-24`;
  const init = await initializeSchool(
    db,
    { school: data.school.name, year: parsed.code, registrationNumber: given(data.school.registration_number), director: given(data.school.director) },
    instantOfLocal(setupDay, '09:00'),
  );
  const actors = new Map<string, Actor>([[init.admin.code, toActor(init.admin)]]);
  const ctx: ServiceContext = { db, school: init.school, actor: actors.get(init.admin.code)!, now: instantOfLocal(setupDay, '10:00') };

  // The registry goes in as a school's administrator would load it: through the CSV importer.
  const years = parsed.startYear - dataStartYear(data);
  await importSources(ctx, REGISTRY_FILES.map((kind) => (kind === 'students' ? studentsShifted(data, dataDir, years) : loadFile(kind, join(dataDir, `${kind}.csv`)))));
  for (const staff of await listStaffViews(ctx)) actors.set(staff.code, toActor(staff));
  return { school: init.school, admin: ctx.actor!, actors, setupDay };
}

/** Absences of one student over the period: colds of a few days, family days, a dentist's hour, and some truancy. */
function absenceEpisodes(run: DemoRun, student: string, lessonsOn: (date: IsoDate) => number[]): Episode[] {
  const { rnd, days } = run;
  const episodes: Episode[] = [];
  for (let i = 0; i < days.length; ) {
    const day = days[i]!;
    const r = rnd.next();
    if (r < 0.011) {
      const length = rnd.pick([1, 1, 2, 2, 3, 3, 4, 5]);
      const to = days[Math.min(i + length, days.length) - 1]!;
      episodes.push({ student, from: day, to, lessons: null, reason: 'illness', note: rnd.pick(ILLNESS_NOTES), justifyOn: run.calendar.addWorkingDays(to, rnd.int(1, 3)) });
      i += length;
      continue;
    }
    const numbers = lessonsOn(day);
    const oneDay = { student, from: day, to: day };
    if (r < 0.014) {
      episodes.push({ ...oneDay, lessons: null, reason: 'other', note: rnd.pick(DAY_OFF_NOTES), justifyOn: run.calendar.addWorkingDays(day, rnd.int(0, 1)) });
    } else if (r < 0.02 && numbers.length > 0) {
      const start = rnd.int(0, numbers.length - 1);
      episodes.push({ ...oneDay, lessons: new Set(numbers.slice(start, start + rnd.int(1, 2))), reason: 'other', note: rnd.pick(LESSONS_OFF_NOTES), justifyOn: day });
    } else if (r < 0.023 && numbers.length > 0) {
      // Skipping the last lessons of the day: nobody brings a note for that.
      episodes.push({ ...oneDay, lessons: new Set(numbers.slice(-rnd.int(1, 2))), reason: null, note: '', justifyOn: null });
    }
    i += 1;
  }
  for (const e of episodes) {
    // Some notes never come back, and the latest ones are still on their way.
    if (e.justifyOn && (rnd.chance(0.12) || compareDates(e.justifyOn, run.lastDay) > 0)) e.justifyOn = null;
  }
  return episodes;
}

interface EnteredGrade {
  gradeId: number;
  value: string;
  teacher: string;
  enteredOn: IsoDate;
}

interface MissedWork extends EnteredGrade {
  student: DemoStudent;
  work: MarkedWork;
  level: number;
}

/**
 * Lessons from the timetable on every teaching day, each recorded by its
 * teacher after school with its absences and grades; then the class teachers'
 * justifications and a few grade corrections.
 */
async function writeJournal(run: DemoRun, data: DemoData, years: number): Promise<void> {
  const { rnd, calendar } = run;
  const teacherOf = new Map(data.assignments.map((a) => [`${a.class}|${a.subject}`, a.teacher]));
  const classTeacherOf = new Map(data.classes.map((c) => [c.code, c.class_teacher]));
  // Substitutions are dated in the data's year; moved into this one, those not yet come (or on a day off there) are left out.
  const held = new Set(run.days);
  const substitutes = new Map(
    data.substitutions.map((s) => ({ ...s, date: shiftWeeks(s.date, years) })).filter((s) => held.has(s.date)).map((s) => [`${s.date}|${s.class}|${Number(s.number)}`, s.teacher]),
  );
  const topicsFor = (level: number, subject: string) => (level <= 6 ? data.primaryTopics : data.topics).filter((t) => t.subject === subject);
  const lastEntry = new Map<string, Date>();
  const missedWorks: MissedWork[] = [];
  const pointGrades: EnteredGrade[] = [];
  const episodes: (Episode & { classCode: string; classTeacher: string })[] = [];

  // A group's lesson is recorded once, by its teacher, for its members in every class it draws from.
  const groupTeacher = new Map(data.groups.map((g) => [g.code, g.teachers.split('|')[0]!]));
  const groupMembers = new Map<string, string[]>();
  for (const m of data.groupMembers) groupMembers.set(m.group, [...(groupMembers.get(m.group) ?? []), m.student]);
  const groupLessonsDone = new Set<string>();
  const groupTopicTurn = new Map<string, number>();

  const classes = data.classes.map((c) => {
    const level = Number(c.level);
    const slots = data.timetable.filter((t) => t.class === c.code).map((t) => ({ weekday: Number(t.weekday), number: Number(t.number), subject: t.subject, group: t.group || null }));
    const lessonsOn = (date: IsoDate) => slots.filter((s) => s.weekday === weekday(date)).map((s) => s.number).sort((a, b) => a - b);
    const students: DemoStudent[] = data.students.filter((s) => s.class === c.code).map((s) => ({ code: s.code, ability: Math.min(9.8, Math.max(3.6, 6.9 + rnd.normal() * 1.5)) }));
    const classEpisodes = students.flatMap((s) => absenceEpisodes(run, s.code, lessonsOn));
    episodes.push(...classEpisodes.map((e) => ({ ...e, classCode: c.code, classTeacher: c.class_teacher })));
    return { code: c.code, level, slots, students, episodes: classEpisodes, topicTurn: new Map<string, number>() };
  });

  const everyone = new Map(classes.flatMap((c) => c.students.map((s) => [s.code, { student: s, schoolClass: c }] as const)));
  for (const date of run.days) {
    /** A group's lesson of the day (once, whichever class's timetable names it first): absences and grades for its members only. */
    const writeGroupLesson = async (group: string, number: number, level: number): Promise<void> => {
      const done = `${group}|${date}|${number}`;
      if (groupLessonsDone.has(done)) return;
      groupLessonsDone.add(done);
      const teacher = groupTeacher.get(group);
      if (!teacher) throw new Error(`timetable.csv: no group ${group} in groups.csv`);
      const subject = data.groups.find((g) => g.code === group)!.subject;
      const topics = topicsFor(level, subject);
      if (topics.length === 0) throw new Error(`No topics for ${subject} at level ${level}`);
      const turn = groupTopicTurn.get(group) ?? 0;
      groupTopicTurn.set(group, turn + 1);
      const { topic, homework } = topics[turn % topics.length]!;
      const entered = afternoon(rnd, date);
      const ctx = actingAs(run, teacher, entered);
      const lesson = await addLesson(ctx, { group, date, number, topic, homework: given(homework) });
      const members = (groupMembers.get(group) ?? []).map((code) => everyone.get(code)).filter((m) => m !== undefined);
      for (const m of members) {
        const key = `${m.schoolClass.code}|${date}`;
        lastEntry.set(key, later(lastEntry.get(key) ?? entered, entered));
      }
      const away = new Set(members.filter((m) => m.schoolClass.episodes.some((e) => e.student === m.student.code && e.from <= date && date <= e.to && (!e.lessons || e.lessons.has(number)))).map((m) => m.student.code));
      if (away.size > 0) await markAbsences(ctx, { lesson: lesson.id, students: [...away], code: 'n' });
      const work = workOfTopic(topic);
      const present = members.filter((m) => !away.has(m.student.code));
      if (work) {
        await enterGrades(ctx, { lesson: lesson.id, work, students: members.map((m) => `${m.student.code}=${away.has(m.student.code) ? 'nv' : gradeValue(rnd, m.student.ability, work, level)}`) });
      } else if (present.length > 0 && rnd.chance(0.45)) {
        const chosen = present.filter(() => rnd.chance(3 / present.length));
        if (chosen.length > 0) await enterGrades(ctx, { lesson: lesson.id, work: 'regular', students: chosen.map((m) => `${m.student.code}=${gradeValue(rnd, m.student.ability, 'regular', level)}`) });
      }
    };
    for (const c of classes) {
      for (const slot of c.slots.filter((s) => s.weekday === weekday(date)).sort((a, b) => a.number - b.number)) {
        if (slot.group) {
          await writeGroupLesson(slot.group, slot.number, c.level);
          continue;
        }
        const assigned = teacherOf.get(`${c.code}|${slot.subject}`);
        if (!assigned) throw new Error(`timetable.csv: nobody teaches ${slot.subject} in ${c.code} (assignments.csv)`);
        const substitute = substitutes.get(`${date}|${c.code}|${slot.number}`);
        const teacher = substitute ?? assigned;
        const topics = topicsFor(c.level, slot.subject);
        if (topics.length === 0) throw new Error(`No topics for ${slot.subject} at level ${c.level}`);
        const turn = c.topicTurn.get(slot.subject) ?? 0;
        c.topicTurn.set(slot.subject, turn + 1);
        const { topic, homework } = topics[turn % topics.length]!;

        // A handful of lessons are filled in days late, after the 17:00 deadline, unless that day is still to come.
        const lateBy = rnd.chance(0.012) ? rnd.int(1, 3) : 0;
        const lateAt = instantOfLocal(addDays(date, lateBy), clockTime(rnd.int(18 * 60, 21 * 60)));
        const entered = lateBy && lateAt.getTime() <= run.now.getTime() ? lateAt : afternoon(rnd, date);
        // The class teacher sets the substitution that morning; only then may the substitute record the lesson.
        if (substitute) await addSubstitution(actingAs(run, classTeacherOf.get(c.code)!, instantOfLocal(date, '08:00')), { class: c.code, subject: slot.subject, date, number: slot.number, teacher: substitute, for: assigned });
        const ctx = actingAs(run, teacher, entered);
        const lesson = await addLesson(ctx, { class: c.code, subject: slot.subject, date, number: slot.number, topic, homework: given(homework), substituteFor: substitute ? assigned : undefined });
        if (substitute) substitutes.delete(`${date}|${c.code}|${slot.number}`);
        const key = `${c.code}|${date}`;
        lastEntry.set(key, later(lastEntry.get(key) ?? entered, entered));

        const away = new Set(c.episodes.filter((e) => e.from <= date && date <= e.to && (!e.lessons || e.lessons.has(slot.number))).map((e) => e.student));
        // Being late (k) is most common for the first lesson.
        const tardy = c.students.filter((s) => !away.has(s.code) && rnd.chance(slot.number === 1 ? 0.02 : 0.005)).map((s) => s.code);
        if (away.size > 0) await markAbsences(ctx, { lesson: lesson.id, students: [...away], code: 'n' });
        if (tardy.length > 0) await markAbsences(ctx, { lesson: lesson.id, students: tardy, code: 'k' });

        const work = workOfTopic(topic);
        if (work) {
          // Graded work is marked at home and entered within its deadline (§22), a few entries late.
          const deadline = DEFAULT_GRADE_DEADLINES[work];
          const delay = rnd.chance(0.1) ? deadline + rnd.int(1, 3) : rnd.int(0, Math.min(3, deadline - 1));
          const enteredOn = [calendar.addWorkingDays(date, delay), run.lastDay].sort(compareDates)[0]!;
          const gradeCtx = enteredOn === date ? ctx : actingAs(run, teacher, later(entered, afternoon(rnd, enteredOn)));
          const values = c.students.map((s) => ({ student: s, value: away.has(s.code) || rnd.chance(0.03) ? 'nv' : gradeValue(rnd, s.ability, work, c.level) }));
          const grades = await enterGrades(gradeCtx, { lesson: lesson.id, work, students: values.map((v) => `${v.student.code}=${v.value}`) });
          for (const [i, v] of values.entries()) {
            if (v.value === 'nv' && away.has(v.student.code)) missedWorks.push({ gradeId: grades[i]!.id, value: v.value, student: v.student, teacher: assigned, enteredOn, work, level: c.level });
          }
        } else if (rnd.chance(0.45)) {
          const present = c.students.filter((s) => !away.has(s.code));
          const chosen = present.filter(() => rnd.chance(4 / present.length));
          if (chosen.length > 0) {
            const grades = await enterGrades(ctx, { lesson: lesson.id, work: 'regular', students: chosen.map((s) => `${s.code}=${gradeValue(rnd, s.ability, 'regular', c.level)}`) });
            if (inPoints(c.level) && date < run.lastDay) pointGrades.push(...grades.map((g) => ({ gradeId: g.id, value: g.value, teacher: assigned, enteredOn: date })));
          }
        }
      }
    }
  }
  if (substitutes.size > 0) throw new Error(`substitutions.csv names lessons that are not in the timetable: ${[...substitutes.keys()].join(', ')}`);

  // Class teachers turn n into ns/nc once a note comes, never before the lessons themselves are in.
  for (const e of episodes) {
    if (!e.reason || !e.justifyOn) continue;
    const recorded = datesBetween(e.from, e.to).map((d) => lastEntry.get(`${e.classCode}|${d}`)).filter((d): d is Date => d !== undefined);
    const now = recorded.reduce((a, b) => later(a, new Date(b.getTime() + 10 * 60_000)), afternoon(rnd, e.justifyOn));
    await justifyAbsences(actingAs(run, e.classTeacher, now), { student: e.student, from: e.from, to: e.to, reason: e.reason, note: e.note });
  }

  // Students who missed a test write it later; and a teacher fixes a mistyped grade. Both leave history.
  for (const m of missedWorks) {
    const on = calendar.addWorkingDays(m.enteredOn, rnd.int(2, 5));
    if (compareDates(on, run.lastDay) > 0 || !rnd.chance(0.6)) continue;
    await correctGrade(actingAs(run, m.teacher, afternoon(rnd, on)), m.gradeId, { value: gradeValue(rnd, m.student.ability, m.work, m.level), reason: RESIT_REASON });
  }
  for (let i = 0; i < TYPO_CORRECTIONS && pointGrades.length > 0; i++) {
    const typo = pointGrades.splice(rnd.int(0, pointGrades.length - 1), 1)[0]!;
    const fixed = String(Number(typo.value) >= 10 ? 9 : Number(typo.value) + 1);
    await correctGrade(actingAs(run, typo.teacher, afternoon(rnd, calendar.addWorkingDays(typo.enteredOn, 1))), typo.gradeId, { value: fixed, reason: TYPO_REASON });
  }
}

export interface DemoOptions {
  /** The moment the demo is built (the context's clock): its journal runs up to it. */
  now: Date;
  /** Folder with the demo CSV files; the package's data/demo by default. */
  dataDir?: string;
}

export interface DemoBuild {
  summary: DemoSummary;
  period: DemoPeriod;
}

/**
 * Fills a new, empty database with a small Latvian school in the school year that
 * contains `now` (1 September – 31 August) and its journal from the first school day
 * up to the last one that is over (the whole year in summer), all through the same use
 * cases the CLI runs, in one transaction: a failure leaves nothing behind.
 */
export async function buildDemoSchool(db: Db, options: DemoOptions): Promise<DemoBuild> {
  const { now } = options;
  const data = loadDemoData(options.dataDir);
  const yearCode = demoYearCode(now);
  const years = parseYearCode(yearCode)!.startYear - dataStartYear(data);
  return inTransaction(db, async (trx) => {
    const { school, admin, actors, setupDay } = await enterRegistry(trx, data, options.dataDir ?? demoDataDir(), yearCode);
    const setupCtx: ServiceContext = { db: trx, school, actor: admin, now: instantOfLocal(setupDay, '12:00') };
    const year = await resolveYear(setupCtx);
    const calendar = await loadCalendar(setupCtx);
    const period = demoPeriod(now, year, calendar);
    if (period.lastDay) {
      const run: DemoRun = { db: trx, school, actors, rnd: seededRandom(SEED), calendar, teachingDays: period.teachingDays, days: period.days, lastDay: period.lastDay, now };
      await writeJournal(run, data, years);
      // The deputy checks two class journals on the last day of the period (§11).
      await addInspection(actingAs(run, 'D01', instantOfLocal(run.lastDay, '15:30')), {
        class: ['7.a', '9.b'],
        date: run.lastDay,
        findings: 'Tēmas un mājasdarbi ierakstīti; 9.b vairāki kavējumi vēl nav attaisnoti (n), audzinātājam tos izvērtēt.',
        deadline: calendar.addWorkingDays(run.lastDay, 5),
      });
      await writeClassLife(run);
    }
    return { summary: await demoSummary({ db: trx, school, actor: admin, now }), period };
  });
}

/* --------------------------------------------------------------- summary */

export type AbsenceCounts = Record<AbsenceCode, number>;

export interface SubjectResults {
  grades: number;
  /** Mean of the 1–10 grades, null where the class is graded otherwise. */
  average: number | null;
  /** The latest grade other than nv: for S/T/A/P and +/-, the current picture. */
  latest: string | null;
}

export interface StudentSummary {
  code: string;
  name: string;
  subjects: Record<string, SubjectResults>;
  absences: AbsenceCounts;
}

export interface ClassSummary {
  class: string;
  level: number;
  class_teacher: string | null;
  subjects: string[];
  students: StudentSummary[];
}

export interface DemoSummary {
  school: string;
  year: string;
  period: { from: string | null; to: string | null };
  counts: {
    staff: number;
    subjects: number;
    classes: number;
    students: number;
    guardians: number;
    assignments: number;
    lessons: number;
    lessons_with_homework: number;
    substituted_lessons: number;
    absences: AbsenceCounts;
    grades: Record<string, number>;
    grade_corrections: number;
  };
  classes: ClassSummary[];
}

function countAbsences(codes: readonly AbsenceCode[]): AbsenceCounts {
  const counts = Object.fromEntries(ABSENCE_CODES.map((c) => [c, 0])) as AbsenceCounts;
  for (const code of codes) counts[code] += 1;
  return counts;
}

/** The class journal at a glance: per class, students × subjects with grade counts and averages, and absences. */
export async function demoSummary(ctx: ServiceContext): Promise<DemoSummary> {
  const year = await resolveYear(ctx);
  const [staff, subjects, classes, students, guardians, assignments, lessons, absences, grades] = [
    await listStaffViews(ctx),
    await listSubjectViews(ctx),
    await listClasses(ctx),
    await listStudentViews(ctx),
    await listGuardians(ctx),
    await listAssignments(ctx),
    await listLessons(ctx),
    await listAbsences(ctx),
    await listGrades(ctx),
  ];
  const corrections = await countGradeCorrections(ctx.db, year.id);
  // Subjects in the order the school registered them, which for the demo is the curriculum's.
  const subjectOrder = new Map(subjects.map((s) => [s.code, s.id]));
  const gradesByWork: Record<string, number> = {};
  for (const g of grades) gradesByWork[g.work] = (gradesByWork[g.work] ?? 0) + 1;

  return {
    school: ctx.school.name,
    year: year.code,
    period: { from: lessons[0]?.date ?? null, to: lessons.at(-1)?.date ?? null },
    counts: {
      staff: staff.length,
      subjects: subjects.length,
      classes: classes.length,
      students: students.length,
      guardians: guardians.length,
      assignments: assignments.length,
      lessons: lessons.length,
      lessons_with_homework: lessons.filter((l) => l.homework).length,
      substituted_lessons: lessons.filter((l) => l.substitute_for).length,
      absences: countAbsences(absences.map((a) => a.code)),
      grades: gradesByWork,
      grade_corrections: corrections,
    },
    classes: classes.map((c) => {
      const taught = [...new Set(assignments.filter((a) => a.class === c.code).map((a) => a.subject))].sort((a, b) => subjectOrder.get(a)! - subjectOrder.get(b)!);
      const classGrades = grades.filter((g) => g.class === c.code);
      const classAbsences = absences.filter((a) => a.class === c.code);
      return {
        class: c.code,
        level: c.level,
        class_teacher: c.class_teacher_name,
        subjects: taught,
        students: students
          .filter((s) => s.class === c.code)
          .map((s) => {
            const own = classGrades.filter((g) => g.student === s.code);
            return {
              code: s.code,
              name: `${s.first_name} ${s.last_name}`,
              subjects: Object.fromEntries(
                taught.map((subject) => {
                  const values = own.filter((g) => g.subject === subject).map((g) => g.value);
                  return [subject, { grades: values.length, average: pointsAverage(values), latest: values.filter((v) => v !== 'nv').at(-1) ?? null }];
                }),
              ),
              absences: countAbsences(classAbsences.filter((a) => a.student === s.code).map((a) => a.code)),
            };
          }),
      };
    }),
  };
}
