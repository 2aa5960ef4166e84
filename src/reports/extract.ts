import { AppError } from '../errors.ts';
import { absenceCountsInPeriod, classSubjects, gradesInPeriod, groupMembershipsInPeriod, rosterInPeriod, subjectsByIds, type ReportSubject } from '../db/repositories/report-data.ts';
import { groupSubjectIds } from './group-lessons.ts';
import { localDateOf, parseMonth } from '../domain/dates.ts';
import { behaviorForExtract } from '../db/repositories/behavior.ts';
import { notesForExtract } from '../db/repositories/parent-notes.ts';
import { byKeys } from '../domain/latvian-order.ts';
import type { ServiceContext } from '../services/context.ts';
import { resolveAudience, yearOf, type AudienceInput } from './audience.ts';
import { emptyAbsences, extractView, subjectAverage, type ExtractData, type ExtractStudent, type ExtractSubject } from './extract-model.ts';
import { studentDocuments } from './student-documents.ts';
import { monthTitle, termTitle } from './labels.ts';
import { termSlug } from './file-names.ts';
import { termPeriod } from './term-period.ts';
import { resolveYear } from '../services/lookup.ts';
import type { SchoolYear } from '../db/schema.ts';
import type { ReportDocument, ReportLang } from './publish.ts';
import { renderTemplate } from './templates.ts';
import { LESSON_WORK_KINDS } from './term-period.ts';
import { m as t } from '../i18n/messages/files-reports.ts';

export interface ExtractInput extends AudienceInput {
  month?: string;
  /** A semester extract (§28.1): 1 or 2, instead of a month. */
  term?: string;
}

/** The extract's period: a month, or a semester of the current (or --year) school year. */
async function extractPeriod(ctx: ServiceContext, input: ExtractInput): Promise<{ year: SchoolYear; month: string; term?: '1' | '2'; from: string; to: string }> {
  if (input.term !== undefined) {
    if (input.month) throw new AppError('usage', t.monthOrTerm);
    if (input.term !== '1' && input.term !== '2') throw new AppError('usage', t.semesterExtractTerm(input.term));
    const year = await resolveYear(ctx);
    const period = termPeriod(year, input.term);
    return { year, month: `${year.code} sem${input.term}`, term: input.term, from: period.from, to: period.to };
  }
  if (!input.month) throw new AppError('usage', t.monthRequired);
  const period = parseMonth(input.month);
  if (!period) throw new AppError('usage', t.notAMonth(input.month));
  return { year: await yearOf(ctx, period.from), month: period.month, from: period.from, to: period.to };
}

/** Gathers the month's grades and absences for every chosen student in a few whole-class queries. */
export async function loadExtractData(ctx: ServiceContext, input: ExtractInput): Promise<ExtractData> {
  const period = await extractPeriod(ctx, input);
  const year = period.year;
  const audience = await resolveAudience(ctx, year, input);
  const classIds = audience.classes.map((c) => c.id);
  const roster = (await rosterInPeriod(ctx.db, classIds, period.from, period.to)).filter((r) => !audience.studentIds || audience.studentIds.has(r.student_id));
  const studentIds = [...new Set(roster.map((r) => r.student_id))];
  const [taught, grades, absences, behavior, notes, memberships] = await Promise.all([
    classSubjects(ctx.db, classIds),
    // A monthly extract shows the month's lesson work; semester and annual grades go on report cards.
    gradesInPeriod(ctx.db, classIds, period.from, period.to, LESSON_WORK_KINDS),
    absenceCountsInPeriod(ctx.db, classIds, period.from, period.to),
    behaviorForExtract(ctx.db, studentIds, period.from, period.to),
    notesForExtract(ctx.db, studentIds, classIds, period.from, period.to),
    groupMembershipsInPeriod(ctx.db, studentIds, period.from, period.to),
  ]);

  const subjectIds = new Set([...taught.map((t) => t.subject.id), ...grades.map((g) => g.subject_id), ...absences.map((a) => a.subject_id), ...memberships.map((m) => m.subject.id)]);
  const subjects = new Map<number, ReportSubject>((await subjectsByIds(ctx.db, [...subjectIds])).map((s) => [s.id, s]));
  const key = (studentId: number, classId: number) => `${studentId}:${classId}`;
  const perStudent = new Map<string, Map<number, ExtractSubject>>();
  const subjectOf = (studentId: number, classId: number, subjectId: number): ExtractSubject => {
    let bySubject = perStudent.get(key(studentId, classId));
    if (!bySubject) perStudent.set(key(studentId, classId), (bySubject = new Map()));
    let entry = bySubject.get(subjectId);
    if (!entry) {
      const subject = subjects.get(subjectId)!;
      bySubject.set(subjectId, (entry = { code: subject.code, name: subject.name, grades: [], average: null, absences: emptyAbsences() }));
    }
    return entry;
  };
  for (const g of grades) subjectOf(g.student_id, g.class_id, g.subject_id).grades.push({ date: g.date, value: g.value, work: g.work });
  for (const a of absences) subjectOf(a.student_id, a.class_id, a.subject_id).absences[a.code] += a.count;

  const classById = new Map(audience.classes.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const students: (ExtractStudent & { order: number })[] = [];
  for (const r of roster) {
    if (seen.has(key(r.student_id, r.class_id))) continue;
    seen.add(key(r.student_id, r.class_id));
    const schoolClass = classById.get(r.class_id)!;
    // Every subject the class is taught is listed, also those without a grade this month.
    for (const t of taught) if (t.class_id === r.class_id) subjectOf(r.student_id, r.class_id, t.subject.id);
    // And those the student learns in a group that month.
    for (const subjectId of groupSubjectIds(memberships, r.student_id)) subjectOf(r.student_id, r.class_id, subjectId);
    const own = [...(perStudent.get(key(r.student_id, r.class_id))?.values() ?? [])];
    for (const s of own) s.average = subjectAverage(s.grades);
    students.push({
      order: classIds.indexOf(r.class_id),
      code: r.code,
      first_name: r.first_name,
      last_name: r.last_name,
      class: schoolClass.code,
      class_teacher: schoolClass.class_teacher_name,
      subjects: own.sort(byKeys((s) => s.name)),
      behavior: behavior.filter((b) => b.student_id === r.student_id).map((b) => ({ date: b.date, kind: b.kind, text: b.text, author: b.author_name })),
      notes: notes
        .filter((n) => (n.student_id === null ? n.class_id === r.class_id : n.student_id === r.student_id))
        .map((n) => ({ text: n.text, valid_from: n.valid_from, valid_until: n.valid_until, author: n.author_name })),
    });
  }
  students.sort(byKeys((s) => s.order, (s) => s.last_name, (s) => s.first_name, (s) => s.code));
  return {
    school: { name: ctx.school.name, registration_number: ctx.school.registration_number },
    year: year.code,
    month: period.month,
    ...(period.term ? { term: period.term } : {}),
    from: period.from,
    to: period.to,
    printed_on: localDateOf(ctx.now),
    students: students.map(({ order: _order, ...student }) => student),
    ...(audience.studentIds ? { selection: true as const } : {}),
  };
}

/** One file per student, and per class one file with all its students for printing in one go. */
export function extractDocuments(data: ExtractData, lang: ReportLang): ReportDocument[] {
  return studentDocuments(data.students, (s) => renderTemplate('extract', extractView(data, s, lang)), {
    prefix: data.term ? termSlug(data.year, data.term, lang) : data.month,
    lang,
    title: (who) => `${lang === 'lv' ? 'Sekmju izraksts' : 'Grade extract'} ${data.term ? termTitle(data.term, data.year, lang) : monthTitle(data.month, lang)} — ${who}`,
    classFiles: !data.selection,
  });
}
