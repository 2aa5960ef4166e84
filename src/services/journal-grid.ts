// The staff's read-only journal grid in the web diary (issue 16): a class
// and subject, students down, the month's lessons across, each cell the
// student's grades and absence. Read under the reading table like
// `grade list`; entering lessons and grades here is a later step, so the
// cell is one place a form can go.
import { AppError } from '../errors.ts';
import { m as t } from '../i18n/messages/journal-notes.ts';
import { listAssignmentViews, type AssignmentView } from '../db/repositories/assignments.ts';
import { listGroupViews, yearGroupMemberships } from '../db/repositories/groups.ts';
import { classMembersOn } from '../db/repositories/students.ts';
import { listLessonViews } from '../db/repositories/lessons.ts';
import { listGradeViews } from '../db/repositories/grades.ts';
import { listAbsenceViews } from '../db/repositories/absences.ts';
import { compareDates, localDateOf, parseMonth } from '../domain/dates.ts';
import { pointsAverage } from '../domain/grade-scale.ts';
import type { ServiceContext } from './context.ts';
import { readingIn } from './reading.ts';
import { resolveClass, resolveSubject, resolveYear } from './lookup.ts';

/** The class and subject pairs an employee may open: what they teach; a deputy's or admin's: all. */
export async function gridChoices(ctx: ServiceContext): Promise<AssignmentView[]> {
  const actor = ctx.actor;
  const year = await resolveYear(ctx);
  if (!actor || actor.kind !== 'staff') return [];
  const everything = actor.roles.includes('admin') || actor.roles.includes('deputy');
  const rows = await listAssignmentViews(ctx.db, year.id, everything ? {} : { teacherId: actor.id });
  // The groups they teach: each class the group draws from, in the group's subject (issue 19).
  const groups = await listGroupViews(ctx.db, year.id, localDateOf(ctx.now), everything ? {} : { teacherId: actor.id });
  for (const g of groups) {
    for (const schoolClass of g.classes) rows.push({ id: 0, year: g.year, class: schoolClass, subject: g.subject, subject_name: g.subject_name, teacher: g.teachers.join(', '), teacher_name: g.teacher_names.join(', ') });
  }
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(`${r.class}/${r.subject}`) && !!seen.add(`${r.class}/${r.subject}`));
}

export interface JournalGrid {
  class: string;
  subject: string;
  subject_name: string;
  month: string;
  previous: string;
  next: string | null;
  /** A group's lesson names its group; its non-members' cells read "–". */
  lessons: { date: string; number: number; topic: string; homework: string | null; group: string | null }[];
  rows: { student: string; name: string; cells: string[]; average: number | null }[];
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export async function journalGrid(ctx: ServiceContext, classCode: string, subjectCode: string, monthText?: string): Promise<JournalGrid> {
  const year = await resolveYear(ctx);
  const notFound = () => new AppError('not_found', t.noSuchJournalPage);
  const schoolClass = await resolveClass(ctx, year, classCode).catch(() => {
    throw notFound();
  });
  const subject = await resolveSubject(ctx, subjectCode).catch(() => {
    throw notFound();
  });
  const reading = await readingIn(ctx, year);
  if (!reading.may('read-journal', { classes: [schoolClass.code] })) throw notFound();
  const today = localDateOf(ctx.now);
  const month = parseMonth(monthText ?? '') ?? parseMonth(today.slice(0, 7))!;
  const [lessons, grades, absences] = await Promise.all([
    listLessonViews(ctx.db, { yearId: year.id, classId: schoolClass.id, subjectId: subject.id, from: month.from, to: month.to }),
    listGradeViews(ctx.db, { yearId: year.id, classId: schoolClass.id, subjectId: subject.id, from: month.from, to: month.to }),
    listAbsenceViews(ctx.db, { yearId: year.id, classId: schoolClass.id, from: month.from, to: month.to }),
  ]);
  lessons.sort((a, b) => (a.date === b.date ? a.number - b.number : a.date < b.date ? -1 : 1));
  const members = await classMembersOn(ctx.db, schoolClass.id, compareDates(month.to, today) < 0 ? month.to : today);
  // Group lessons: who belonged to the lesson's group on its day.
  const groupIds = new Map((await listGroupViews(ctx.db, year.id, month.from, { classId: schoolClass.id })).map((g) => [g.code, g.id]));
  const memberships = groupIds.size > 0 ? await yearGroupMemberships(ctx.db, year.id) : [];
  const inGroup = (group: string, studentId: number, date: string) =>
    memberships.some((m) => m.group_id === groupIds.get(group) && m.student_id === studentId && m.from_date <= date && (m.to_date === null || m.to_date >= date));
  const absenceOf = new Map(absences.filter((a) => a.subject === subject.code).map((a) => [`${a.student}/${a.lesson_id}`, a.code]));
  const rows = members.map((m) => {
    const own = grades.filter((g) => g.student === m.code);
    const cells = lessons.map((l) => {
      if (l.group && !inGroup(l.group, m.id, l.date)) return '–';
      const values = own.filter((g) => g.lesson_id === l.id || (g.lesson_id === null && g.date === l.date)).map((g) => g.value);
      const absence = absenceOf.get(`${m.code}/${l.id}`);
      return [absence, ...values].filter(Boolean).join(' ');
    });
    return { student: m.code, name: `${m.last_name} ${m.first_name}`, cells, average: pointsAverage(own.map((g) => g.value)) };
  });
  const next = shiftMonth(month.month, 1);
  return {
    class: schoolClass.code,
    subject: subject.code,
    subject_name: subject.name,
    month: month.month,
    previous: shiftMonth(month.month, -1),
    next: compareDates(parseMonth(next)!.from, today) <= 0 ? next : null,
    lessons: lessons.map((l) => ({ date: l.date, number: l.number, topic: l.topic, homework: l.homework, group: l.group })),
    rows,
  };
}
