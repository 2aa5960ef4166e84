import { AppError } from '../errors.ts';
import { classSubjects, gradesInPeriod, rosterInPeriod, subjectsByIds, type ReportSubject, type RosterEntry } from '../db/repositories/report-data.ts';
import { localDateOf } from '../domain/dates.ts';
import { byKeys } from '../domain/latvian-order.ts';
import type { ServiceContext } from '../services/context.ts';
import { resolveYear } from '../services/lookup.ts';
import { resolveAudience } from './audience.ts';
import { emptyTermGrades, indexTermGrades, placementKey, promotionOf, promotionShown, TERM_GRADE_WORKS, type TermGrades } from './card-grades.ts';
import { currentDecisions } from '../db/repositories/promotion-decisions.ts';
import { asciiSlug, classSlug } from './file-names.ts';
import type { ReportDocument, ReportLang } from './publish.ts';
import { summaryJournalView, type SummaryJournalClass, type SummaryJournalData, type SummaryJournalStudent } from './summary-journal-model.ts';
import { renderTemplate } from './templates.ts';
import { m as t } from '../i18n/messages/files-reports.ts';

export interface SummaryJournalInput {
  class?: string[];
  all?: boolean;
}

/** The year's term grades of every student of the classes, in a few whole-class queries. */
export async function loadSummaryJournalData(ctx: ServiceContext, input: SummaryJournalInput): Promise<SummaryJournalData> {
  if (!input.class?.length && !input.all) throw new AppError('usage', t.sayWhichClasses);
  const year = await resolveYear(ctx);
  const audience = await resolveAudience(ctx, year, input);
  const classIds = audience.classes.map((c) => c.id);
  const [roster, taught, grades] = await Promise.all([
    rosterInPeriod(ctx.db, classIds, year.starts_on, year.ends_on),
    classSubjects(ctx.db, classIds),
    gradesInPeriod(ctx.db, classIds, year.starts_on, year.ends_on, TERM_GRADE_WORKS),
  ]);
  const termGrades = indexTermGrades(grades);
  const recorded = await currentDecisions(ctx.db, year.id, [...new Set(roster.map((r) => r.student_id))]);
  const subjectIds = new Set([...taught.map((t) => t.subject.id), ...grades.map((g) => g.subject_id)]);
  const subjects = new Map<number, ReportSubject>((await subjectsByIds(ctx.db, [...subjectIds])).map((s) => [s.id, s]));

  // A student enrolled twice in one class (left and came back) is one row.
  const membersOf = new Map<number, RosterEntry[]>();
  const seen = new Set<string>();
  for (const r of roster) {
    if (seen.has(placementKey(r.student_id, r.class_id))) continue;
    seen.add(placementKey(r.student_id, r.class_id));
    const members = membersOf.get(r.class_id);
    if (members) members.push(r);
    else membersOf.set(r.class_id, [r]);
  }

  const classes: SummaryJournalClass[] = audience.classes.map((schoolClass) => {
    const taughtHere = new Set(taught.filter((t) => t.class_id === schoolClass.id).map((t) => t.subject.id));
    const members = membersOf.get(schoolClass.id) ?? [];
    const gradedHere = members.flatMap((r) => [...(termGrades.get(placementKey(r.student_id, r.class_id))?.keys() ?? [])]);
    const columns = [...new Set([...taughtHere, ...gradedHere])].map((id) => subjects.get(id)!).sort(byKeys((s) => s.name));
    const students: SummaryJournalStudent[] = members.map((r) => {
      const own = termGrades.get(placementKey(r.student_id, r.class_id)) ?? new Map<number, TermGrades>();
      const left_on = r.to_date !== null && r.to_date < year.ends_on ? r.to_date : null;
      return {
        code: r.code,
        first_name: r.first_name,
        last_name: r.last_name,
        left_on,
        grades: Object.fromEntries(columns.filter((s) => own.has(s.id)).map((s) => [s.code, own.get(s.id)!])),
        ...(left_on
          ? { promotion: null, promotion_record: null }
          : promotionShown(
              promotionOf(schoolClass.level, columns.map((s) => ({ name: s.name, taught: taughtHere.has(s.id), grades: own.get(s.id) ?? emptyTermGrades() }))),
              recorded.get(r.student_id),
            )),
      };
    });
    return {
      code: schoolClass.code,
      level: schoolClass.level,
      class_teacher: schoolClass.class_teacher_name,
      subjects: columns.map((s) => ({ code: s.code, name: s.name })),
      students: students.sort(byKeys((s) => s.last_name, (s) => s.first_name, (s) => s.code)),
    };
  });
  return {
    school: { name: ctx.school.name, registration_number: ctx.school.registration_number, director: ctx.school.director },
    year: year.code,
    printed_on: localDateOf(ctx.now),
    classes,
  };
}

/** One file per class: `2026-2027_7a_kopsavilkuma-zurnals.pdf`. */
export function summaryJournalDocuments(data: SummaryJournalData, lang: ReportLang): ReportDocument[] {
  const title = lang === 'lv' ? 'Mācību sasniegumu kopsavilkuma žurnāls' : 'Learning achievements summary journal';
  return data.classes.map((schoolClass) => ({
    name: `${asciiSlug(data.year)}_${classSlug(schoolClass.code)}_${lang === 'lv' ? 'kopsavilkuma-zurnals' : 'summary-journal'}`,
    label: `${schoolClass.code} (${schoolClass.students.length} ${lang === 'lv' ? 'skolēni' : 'students'})`,
    title: `${title} ${data.year} — ${schoolClass.code}`,
    bodies: [renderTemplate('summary-journal', summaryJournalView(data, schoolClass, lang))],
  }));
}
