import { AppError } from '../errors.ts';
import type { SchoolYear } from '../db/schema.ts';
import { absenceCountsInPeriod, classSubjects, gradesInPeriod, rosterInPeriod, subjectsByIds, type ReportSubject } from '../db/repositories/report-data.ts';
import { localDateOf, parseMonth } from '../domain/dates.ts';
import { pointsAverage, type WorkKind } from '../domain/grade-scale.ts';
import { byKeys } from '../domain/latvian-order.ts';
import type { ServiceContext } from '../services/context.ts';
import { resolveYear } from '../services/lookup.ts';
import { resolveAudience, yearOf } from './audience.ts';
import { classSummaryView, emptyAbsenceTotals, missedLessons, periodTitle, summarizeClass, type ClassSummaryData, type SummaryPeriod, type SummaryStudent } from './class-summary-model.ts';
import { classSlug, termSlug } from './file-names.ts';
import type { ReportDocument, ReportLang } from './publish.ts';
import { renderTemplate } from './templates.ts';
import { LESSON_WORK_KINDS, parseTerm, termOn, termPeriod } from './term-period.ts';
import { m as t } from '../i18n/messages/files-reports.ts';

export interface ClassSummaryInput {
  class?: string[];
  all?: boolean;
  term?: string;
  month?: string;
}

/** `--term`, `--month`, or by default the semester today falls in. */
async function summaryPeriod(ctx: ServiceContext, input: ClassSummaryInput): Promise<{ year: SchoolYear; period: SummaryPeriod; termWork: WorkKind | null }> {
  if (input.term !== undefined && input.month !== undefined) throw new AppError('usage', t.termOrMonth);
  if (input.month !== undefined) {
    const month = parseMonth(input.month);
    if (!month) throw new AppError('usage', t.notAMonth(input.month));
    return { year: await yearOf(ctx, month.from), period: { term: null, month: month.month, from: month.from, to: month.to }, termWork: null };
  }
  const today = localDateOf(ctx.now);
  const year = input.term !== undefined ? await resolveYear(ctx) : await yearOf(ctx, today);
  const term = termPeriod(year, input.term !== undefined ? parseTerm(input.term) : termOn(year, today));
  return { year, period: { term: term.term, month: null, from: term.from, to: term.to }, termWork: term.work };
}

/** Every chosen class's students × subjects for the period, in a few whole-class queries. */
export async function loadClassSummaryData(ctx: ServiceContext, input: ClassSummaryInput): Promise<ClassSummaryData> {
  if (((input.class?.length ?? 0) > 0) === !!input.all) throw new AppError('usage', t.sayWhichClassesOne);
  const { year, period, termWork } = await summaryPeriod(ctx, input);
  const audience = await resolveAudience(ctx, year, { class: input.class, all: input.all });
  const classIds = audience.classes.map((c) => c.id);
  const [roster, taught, lessonGrades, termGrades, absences] = await Promise.all([
    rosterInPeriod(ctx.db, classIds, period.from, period.to),
    classSubjects(ctx.db, classIds),
    gradesInPeriod(ctx.db, classIds, period.from, period.to, LESSON_WORK_KINDS),
    // A semester grade may be entered a few days after the semester's last day: any date in the year counts.
    termWork ? gradesInPeriod(ctx.db, classIds, year.starts_on, year.ends_on, [termWork]) : Promise.resolve([]),
    absenceCountsInPeriod(ctx.db, classIds, period.from, period.to),
  ]);

  const subjectIdsByClass = new Map<number, Set<number>>(classIds.map((id) => [id, new Set()]));
  for (const row of [...taught.map((t) => ({ class_id: t.class_id, subject_id: t.subject.id })), ...lessonGrades, ...termGrades]) subjectIdsByClass.get(row.class_id)!.add(row.subject_id);
  const allSubjectIds = new Set([...subjectIdsByClass.values()].flatMap((ids) => [...ids]));
  const subjects = new Map<number, ReportSubject>((await subjectsByIds(ctx.db, [...allSubjectIds])).map((s) => [s.id, s]));

  const key = (...ids: number[]) => ids.join(':');
  const lessonValues = new Map<string, string[]>();
  for (const g of lessonGrades) {
    const k = key(g.class_id, g.student_id, g.subject_id);
    lessonValues.set(k, [...(lessonValues.get(k) ?? []), g.value]);
  }
  // Ordered by date: a later entry of the same term grade stands.
  const termValue = new Map(termGrades.map((g) => [key(g.class_id, g.student_id, g.subject_id), g.value]));
  const absenceTotals = new Map<string, ReturnType<typeof emptyAbsenceTotals>>();
  for (const a of absences) {
    const k = key(a.class_id, a.student_id);
    const totals = absenceTotals.get(k) ?? emptyAbsenceTotals();
    totals[a.code] += a.count;
    totals.total = missedLessons(totals);
    absenceTotals.set(k, totals);
  }

  const classes = audience.classes.map((schoolClass) => {
    const classSubjectList = [...subjectIdsByClass.get(schoolClass.id)!].map((id) => subjects.get(id)!).sort(byKeys((s) => s.name));
    const seen = new Set<number>();
    const students: Omit<SummaryStudent, 'average'>[] = [];
    for (const r of roster) {
      if (r.class_id !== schoolClass.id || seen.has(r.student_id)) continue;
      seen.add(r.student_id);
      students.push({
        code: r.code,
        first_name: r.first_name,
        last_name: r.last_name,
        results: classSubjectList.map((s) => {
          const k = key(schoolClass.id, r.student_id, s.id);
          return { term_grade: termValue.get(k) ?? null, average: pointsAverage(lessonValues.get(k) ?? []) };
        }),
        absences: absenceTotals.get(key(schoolClass.id, r.student_id)) ?? emptyAbsenceTotals(),
      });
    }
    students.sort(byKeys((s) => s.last_name, (s) => s.first_name, (s) => s.code));
    return summarizeClass({
      code: schoolClass.code,
      class_teacher: schoolClass.class_teacher_name,
      subjects: classSubjectList.map((s) => ({ code: s.code, name: s.name })),
      students,
    });
  });
  return {
    school: { name: ctx.school.name, registration_number: ctx.school.registration_number },
    year: year.code,
    period,
    printed_on: localDateOf(ctx.now),
    classes,
  };
}

/** `2026-10` for a month, `2026-2027_sem1` or `2026-2027_gads` for a term, as on the cards. */
function periodSlug(data: ClassSummaryData, lang: ReportLang): string {
  if (data.period.month) return data.period.month;
  return termSlug(data.year, data.period.term!, lang);
}

/** One file per class. */
export function classSummaryDocuments(data: ClassSummaryData, lang: ReportLang): ReportDocument[] {
  const title = lang === 'lv' ? 'Klases sekmju kopsavilkums' : 'Class grades summary';
  return data.classes.map((summary) => ({
    name: `${periodSlug(data, lang)}_${classSlug(summary.code)}_${lang === 'lv' ? 'kopsavilkums' : 'summary'}`,
    label: `${summary.code} (${summary.students.length} ${lang === 'lv' ? 'skolēni' : 'students'})`,
    title: `${title} ${summary.code}, ${periodTitle(data, lang)}`,
    bodies: [renderTemplate('class-summary', classSummaryView(data, summary, lang))],
  }));
}
