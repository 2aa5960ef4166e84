import { AppError } from '../errors.ts';
import { gradesInPeriod, lessonsInPeriod, rosterInPeriod, teacherAssignments, type ReportLesson, type ReportSubject } from '../db/repositories/report-data.ts';
import { groupMembershipsInPeriod } from '../db/repositories/report-data.ts';
import { localDateOf } from '../domain/dates.ts';
import { byKeys } from '../domain/latvian-order.ts';
import type { StaffWithRoles } from '../db/repositories/staff.ts';
import { requireReadRight, type ServiceContext } from '../services/context.ts';
import { resolveStaff, resolveYear } from '../services/lookup.ts';
import { asciiSlug, termSlug } from './file-names.ts';
import { staffLabel } from './labels.ts';
import type { ReportDocument, ReportLang } from './publish.ts';
import { gradeDistribution, teacherReportView, type LessonTopic, type SubstitutedClassSubject, type TaughtClassSubject, type TeacherReport, type TeacherReportData } from './teacher-report-model.ts';
import { renderTemplate } from './templates.ts';
import { LESSON_WORK_KINDS, parseTerm, termPeriod } from './term-period.ts';
import { m as t } from '../i18n/messages/files-reports.ts';

export interface TeacherReportInput {
  teacher?: string[];
  all?: boolean;
  term?: string;
}

interface ClassSubjectKey {
  class_id: number;
  class_code: string;
  class_level: number;
  subject: ReportSubject;
  /** A group's lessons are their own pair: the group's members, its grades. */
  group_id?: number | null;
  group_code?: string | null;
}

const topicOf = (l: ReportLesson): LessonTopic => ({ date: l.date, number: l.number, topic: l.topic });
const pairKey = (classId: number, subjectId: number, groupId?: number | null) => `${classId}:${subjectId}${groupId ? `:g${groupId}` : ''}`;
const classSubjectOrder = byKeys<ClassSubjectKey>((c) => c.class_level, (c) => c.class_code, (c) => c.subject.name);

/** Which teachers: those named (unknown codes fail), or everybody who teaches or taught in the period. */
async function chosenTeachers(ctx: ServiceContext, input: TeacherReportInput): Promise<StaffWithRoles[] | undefined> {
  const codes = input.teacher ?? [];
  if ((codes.length > 0) === !!input.all) throw new AppError('usage', t.sayWhoseReport);
  if (input.all) {
    requireReadRight(ctx, 'read-teacher-report', { target: 'every teacher' });
    return undefined;
  }
  const staff: StaffWithRoles[] = [];
  for (const code of codes) {
    const teacher = await resolveStaff(ctx, code, 'teacher');
    requireReadRight(ctx, 'read-teacher-report', { target: teacher.code, self: ctx.actor?.kind === 'staff' && ctx.actor.id === teacher.id });
    staff.push(teacher);
  }
  return staff;
}

/** Each chosen teacher's class-subjects over a semester or the year, in a few school-wide queries. */
export async function loadTeacherReportData(ctx: ServiceContext, input: TeacherReportInput): Promise<TeacherReportData> {
  const term = parseTerm(input.term);
  const chosen = await chosenTeachers(ctx, input);
  const teacherIds = chosen?.map((s) => s.id);
  const year = await resolveYear(ctx);
  const period = termPeriod(year, term);
  const [assignments, lessons] = await Promise.all([
    teacherAssignments(ctx.db, year.id, teacherIds),
    lessonsInPeriod(ctx.db, ctx.school.id, period.from, period.to, { teacherIds }),
  ]);
  const classIds = [...new Set([...assignments.map((a) => a.class_id), ...lessons.map((l) => l.class_id)])];
  const [roster, grades] = await Promise.all([
    rosterInPeriod(ctx.db, classIds, period.from, period.to),
    gradesInPeriod(ctx.db, classIds, period.from, period.to, LESSON_WORK_KINDS),
  ]);
  const memberships = await groupMembershipsInPeriod(ctx.db, [...new Set(roster.map((r) => r.student_id))], period.from, period.to);
  const inGroup = (groupId: number, studentId: number) => memberships.some((m) => m.group_id === groupId && m.student_id === studentId);

  const gradesByPair = new Map<string, { student_id: number; value: string }[]>();
  for (const g of grades) {
    const k = pairKey(g.class_id, g.subject_id);
    gradesByPair.set(k, [...(gradesByPair.get(k) ?? []), g]);
  }
  const taught = (pair: ClassSubjectKey, own: readonly ReportLesson[]): TaughtClassSubject => {
    // A group's pair: its members' grades and students only.
    const member = (studentId: number) => !pair.group_id || inGroup(pair.group_id, studentId);
    const pairGrades = (gradesByPair.get(pairKey(pair.class_id, pair.subject.id)) ?? []).filter((g) => member(g.student_id));
    const graded = new Set(pairGrades.map((g) => g.student_id));
    const ungraded = new Map<number, { code: string; name: string; last: string; first: string }>();
    for (const r of roster) {
      if (r.class_id === pair.class_id && member(r.student_id) && !graded.has(r.student_id)) ungraded.set(r.student_id, { code: r.code, name: `${r.first_name} ${r.last_name}`, last: r.last_name, first: r.first_name });
    }
    return {
      class: pair.group_code ? `${pair.class_code} (${pair.group_code})` : pair.class_code,
      subject: { code: pair.subject.code, name: pair.subject.name },
      lessons_held: own.length,
      topics: own.map(topicOf),
      distribution: gradeDistribution(pairGrades.map((g) => g.value)),
      students_without_grades: [...ungraded.values()].sort(byKeys((s) => s.last, (s) => s.first, (s) => s.code)).map(({ code, name }) => ({ code, name })),
    };
  };

  const teachers = new Map<number, { code: string; name: string; pairs: Map<string, ClassSubjectKey>; own: ReportLesson[]; substituted: ReportLesson[] }>();
  const teacherOf = (id: number, code: string, name: string) => {
    let entry = teachers.get(id);
    if (!entry) teachers.set(id, (entry = { code, name, pairs: new Map(), own: [], substituted: [] }));
    return entry;
  };
  // A teacher named on the command line gets a report even with nothing to show: the page says so.
  for (const s of chosen ?? []) teacherOf(s.id, s.code, `${s.first_name} ${s.last_name}`);
  for (const a of assignments) teacherOf(a.teacher_id, a.teacher_code, a.teacher_name).pairs.set(pairKey(a.class_id, a.subject.id), a);
  for (const l of lessons) {
    const entry = teacherOf(l.teacher_id, l.teacher_code, l.teacher_name);
    if (l.substitute_for_id !== null) entry.substituted.push(l);
    else {
      // A lesson given without an assignment (one since removed) still belongs in the report.
      const key = pairKey(l.class_id, l.subject.id, l.group_id);
      entry.pairs.set(key, entry.pairs.get(key) ?? l);
      entry.own.push(l);
    }
  }

  const reports: TeacherReport[] = [...teachers.values()].map((t) => {
    // An assignment whose lessons this teacher gives only in groups is shown by its groups.
    const grouped = new Set(t.own.filter((l) => l.group_id !== null).map((l) => pairKey(l.class_id, l.subject.id)));
    const whole = new Set(t.own.filter((l) => l.group_id === null).map((l) => pairKey(l.class_id, l.subject.id)));
    for (const [key, pair] of t.pairs) if (!pair.group_id && grouped.has(key) && !whole.has(key)) t.pairs.delete(key);
    const pairs = [...t.pairs.values()].sort(byKeys<ClassSubjectKey>((c) => c.class_level, (c) => c.class_code, (c) => c.subject.name, (c) => c.group_code ?? ''));
    const substitutedPairs = new Map<string, { pair: ClassSubjectKey; lessons: ReportLesson[] }>();
    for (const l of t.substituted) {
      const k = pairKey(l.class_id, l.subject.id);
      substitutedPairs.set(k, { pair: l, lessons: [...(substitutedPairs.get(k)?.lessons ?? []), l] });
    }
    const substitutions: SubstitutedClassSubject[] = [...substitutedPairs.values()]
      .sort((a, b) => classSubjectOrder(a.pair, b.pair))
      .map(({ pair, lessons: given }) => ({
        class: pair.class_code,
        subject: { code: pair.subject.code, name: pair.subject.name },
        replaced: [...new Set(given.map((l) => staffLabel({ code: l.substitute_for_code!, name: l.substitute_for_name! })))],
        lessons_held: given.length,
        topics: given.map(topicOf),
      }));
    return {
      code: t.code,
      name: t.name,
      class_subjects: pairs.map((pair) => taught(pair, t.own.filter((l) => l.class_id === pair.class_id && l.subject.id === pair.subject.id && (l.group_id ?? null) === (pair.group_id ?? null)))),
      substitutions,
    };
  });
  reports.sort(byKeys((t) => t.code));
  return {
    school: { name: ctx.school.name, registration_number: ctx.school.registration_number },
    year: year.code,
    term,
    from: period.from,
    to: period.to,
    printed_on: localDateOf(ctx.now),
    teachers: reports,
  };
}

/** One file per teacher. */
export function teacherReportDocuments(data: TeacherReportData, lang: ReportLang): ReportDocument[] {
  return data.teachers.map((teacher) => ({
    name: `${termSlug(data.year, data.term, lang)}_${asciiSlug(teacher.code)}_${asciiSlug(teacher.name)}`,
    label: staffLabel(teacher),
    title: `${lang === 'lv' ? 'Skolotāja atskaite' : 'Teacher report'} — ${teacher.name}`,
    bodies: [renderTemplate('teacher', teacherReportView(data, teacher, lang))],
  }));
}
