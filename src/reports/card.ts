import { absenceCountsInPeriod, classSubjects, gradesInPeriod, groupLessonsInPeriod, groupMembershipsInPeriod, lessonCountsInPeriod, rosterInPeriod, subjectsByIds, type ReportSubject } from '../db/repositories/report-data.ts';
import { groupSubjectIds, studentLessonCounts } from './group-lessons.ts';
import { localDateOf } from '../domain/dates.ts';
import { byKeys } from '../domain/latvian-order.ts';
import type { ServiceContext } from '../services/context.ts';
import { resolveYear } from '../services/lookup.ts';
import { resolveAudience, type AudienceInput } from './audience.ts';
import { emptyTermGrades, indexTermGrades, placementKey, promotionOf, promotionShown, TERM_GRADE_WORKS, type TermGrades } from './card-grades.ts';
import { currentDecisions } from '../db/repositories/promotion-decisions.ts';
import { cardView, type CardAbsences, type CardData, type CardStudent } from './card-model.ts';
import { termTitle } from './labels.ts';
import { parseTerm, termPeriod, type Term } from './term-period.ts';
import { termSlug } from './file-names.ts';
import { studentDocuments } from './student-documents.ts';
import type { ReportDocument, ReportLang } from './publish.ts';
import { renderTemplate } from './templates.ts';
import { m as t } from '../i18n/messages/files-reports.ts';

export interface CardInput extends AudienceInput {
  term?: string;
}

const TERM_GRADE: Record<Term, keyof TermGrades> = { '1': 'semester1', '2': 'semester2', year: 'annual' };

/** Gathers term grades, lesson counts and absences for every chosen student in a few whole-class queries. */
export async function loadCardData(ctx: ServiceContext, input: CardInput): Promise<CardData> {
  const term = parseTerm(input.term);
  const year = await resolveYear(ctx);
  const period = termPeriod(year, term);
  const audience = await resolveAudience(ctx, year, input);
  const classIds = audience.classes.map((c) => c.id);
  // Term grades are dated by whoever entered them; any date in the year belongs to the year's cards.
  const [roster, taught, grades, lessons, absences, groupLessons] = await Promise.all([
    rosterInPeriod(ctx.db, classIds, period.from, period.to),
    classSubjects(ctx.db, classIds),
    gradesInPeriod(ctx.db, classIds, year.starts_on, year.ends_on, TERM_GRADE_WORKS),
    lessonCountsInPeriod(ctx.db, classIds, period.from, period.to),
    absenceCountsInPeriod(ctx.db, classIds, period.from, period.to),
    groupLessonsInPeriod(ctx.db, classIds, period.from, period.to),
  ]);
  const memberships = await groupMembershipsInPeriod(ctx.db, [...new Set(roster.map((r) => r.student_id))], period.from, period.to);
  const termGrades = indexTermGrades(grades);
  const recorded = term === 'year' ? await currentDecisions(ctx.db, year.id, [...new Set(roster.map((r) => r.student_id))]) : new Map();
  const subjectIds = new Set([...taught.map((t) => t.subject.id), ...grades.map((g) => g.subject_id), ...memberships.map((m) => m.subject.id)]);
  const subjects = new Map<number, ReportSubject>((await subjectsByIds(ctx.db, [...subjectIds])).map((s) => [s.id, s]));
  const lessonCount = new Map(lessons.map((l) => [`${l.class_id}:${l.subject_id}`, l.count]));
  const absenceTotals = new Map<string, CardAbsences>();
  for (const a of absences) {
    const key = placementKey(a.student_id, a.class_id);
    let totals = absenceTotals.get(key);
    if (!totals) absenceTotals.set(key, (totals = { missed: 0, justified: 0, unjustified: 0, late: 0 }));
    if (a.code === 'k') totals.late += a.count;
    else {
      totals.missed += a.count;
      if (a.code === 'n') totals.unjustified += a.count;
      else totals.justified += a.count;
    }
  }

  const taughtIn = new Map<number, Set<number>>();
  for (const t of taught) {
    const subjectIds = taughtIn.get(t.class_id);
    if (subjectIds) subjectIds.add(t.subject.id);
    else taughtIn.set(t.class_id, new Set([t.subject.id]));
  }
  const classById = new Map(audience.classes.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const students: (CardStudent & { order: number })[] = [];
  for (const r of roster) {
    const key = placementKey(r.student_id, r.class_id);
    if ((audience.studentIds && !audience.studentIds.has(r.student_id)) || seen.has(key)) continue;
    seen.add(key);
    const schoolClass = classById.get(r.class_id)!;
    const own = termGrades.get(key) ?? new Map<number, TermGrades>();
    // A subject learnt in a group is taught to its members, even where the class has no assignment of it.
    const taughtHere = new Set([...(taughtIn.get(r.class_id) ?? []), ...groupSubjectIds(memberships, r.student_id)]);
    const lessonsHere = studentLessonCounts(lessonCount, groupLessons, memberships, r.student_id, r.class_id);
    // Every subject the class is taught, and any other the student has a term grade in.
    const rows = [...new Set([...taughtHere, ...own.keys()])]
      .map((id) => ({ subject: subjects.get(id)!, taught: taughtHere.has(id), grades: own.get(id) ?? emptyTermGrades() }))
      .filter((row) => row.taught || row.grades[TERM_GRADE[term]] !== null || (term === 'year' && (row.grades.state_exam !== null || row.grades.makeup !== null)))
      .sort(byKeys((row) => row.subject.name));
    const left_on = r.to_date !== null && r.to_date < period.to ? r.to_date : null;
    const decided = term === 'year' && !left_on;
    students.push({
      order: classIds.indexOf(r.class_id),
      code: r.code,
      first_name: r.first_name,
      last_name: r.last_name,
      class: schoolClass.code,
      level: schoolClass.level,
      class_teacher: schoolClass.class_teacher_name,
      left_on,
      subjects: rows.map((row) => ({
        code: row.subject.code,
        name: row.subject.name,
        grade: row.grades[TERM_GRADE[term]],
        lessons: lessonsHere.get(row.subject.id) ?? 0,
        state_exam: term === 'year' ? row.grades.state_exam : null,
        makeup: term === 'year' ? row.grades.makeup : null,
      })),
      absences: absenceTotals.get(key) ?? { missed: 0, justified: 0, unjustified: 0, late: 0 },
      ...(decided
        ? promotionShown(promotionOf(schoolClass.level, rows.map((row) => ({ name: row.subject.name, taught: row.taught, grades: row.grades }))), recorded.get(r.student_id))
        : { promotion: null, promotion_record: null }),
    });
  }
  students.sort(byKeys((s) => s.order, (s) => s.last_name, (s) => s.first_name, (s) => s.code));
  return {
    school: { name: ctx.school.name, registration_number: ctx.school.registration_number, director: ctx.school.director },
    year: year.code,
    term,
    from: period.from,
    to: period.to,
    printed_on: localDateOf(ctx.now),
    students: students.map(({ order: _order, ...student }) => student),
    ...(audience.studentIds ? { selection: true as const } : {}),
  };
}

const MAX_NAMED = 10;

/**
 * What a card printed now would leave out (issue 14): the term is not over
 * yet on `today`, or a subject the student was taught has no term grade, by
 * class, student and subject. The cards print anyway; the warnings say why
 * cells are empty before anyone hands them out.
 */
export function cardWarnings(data: CardData, today: string): string[] {
  const warnings: string[] = [];
  if (today <= data.to) {
    warnings.push(t.termNotOver(data.term, data.year, data.to, today));
  }
  const missing = data.students.flatMap((s) => {
    // A subject without lessons in the term (a state exam only) needs no term grade.
    const subjects = s.subjects.filter((sub) => sub.grade === null && sub.lessons > 0).map((sub) => sub.name);
    return subjects.length > 0 ? [`${s.class} ${s.first_name} ${s.last_name}: ${subjects.join(', ')}`] : [];
  });
  if (missing.length > 0) {
    const named = missing.slice(0, MAX_NAMED).join('; ');
    warnings.push(t.gradesMissing(data.term, missing.length, named, Math.max(0, missing.length - MAX_NAMED)));
  }
  return warnings;
}

/** `2026-2027_sem1`, `2026-2027_sem2`, `2026-2027_gads` / `2026-2027_year`: the start of every card file name. */
function filePrefix(data: CardData, lang: ReportLang): string {
  return termSlug(data.year, data.term, lang);
}

/** One file per student, and per class one file with all its students for printing in one go. */
export function cardDocuments(data: CardData, lang: ReportLang): ReportDocument[] {
  return studentDocuments(data.students, (s) => renderTemplate('card', cardView(data, s, lang)), {
    prefix: filePrefix(data, lang),
    lang,
    title: (who) => `${lang === 'lv' ? 'Liecība' : 'Report card'}, ${termTitle(data.term, data.year, lang)} — ${who}`,
    classFiles: !data.selection,
  });
}
