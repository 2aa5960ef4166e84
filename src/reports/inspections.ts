import { requireJournalControl } from '../services/journal-control.ts';
import { AppError } from '../errors.ts';
import { listInspectionViews } from '../db/repositories/inspections.ts';
import { gradeEntriesInPeriod, unjustifiedAbsencesInPeriod } from '../db/repositories/journal-checks.ts';
import { localDateOf } from '../domain/dates.ts';
import { lateGradeEntries } from '../domain/late-grades.ts';
import type { ServiceContext } from '../services/context.ts';
import { requireDate } from '../services/input.ts';
import { selectClasses, type ClassSelection } from '../services/inspections.ts';
import { loadCalendar, resolveYear } from '../services/lookup.ts';
import { checkAgainstTimetable } from '../services/timetable-check.ts';
import { inspectionsView, sumFigures, waitedTooLong, type InspectedClass, type InspectionsReportData } from './inspections-model.ts';
import type { ReportDocument, ReportLang } from './publish.ts';
import { renderTemplate } from './templates.ts';
import { m as t } from '../i18n/messages/files-reports.ts';

export interface InspectionsReportInput extends ClassSelection {
  from?: string;
  to?: string;
}

/**
 * The inspections recorded in the period over the chosen classes (or the whole
 * school), with each class journal's figures (§11): lessons entered against the
 * timetable, lessons without a topic, grades entered late, absences left `n`.
 */
export async function loadInspectionsData(ctx: ServiceContext, input: InspectionsReportInput): Promise<InspectionsReportData> {
  const from = requireDate(input.from, 'from');
  const to = requireDate(input.to, 'to');
  if (from > to) throw new AppError('usage', t.fromAfterTo(from, to));
  const year = await resolveYear(ctx);
  const selected = await selectClasses(ctx, year, input, false);
  const classes = selected.classes;
  await requireJournalControl(ctx, year, { classes: selected.all ? undefined : classes });
  const ids = classes.map((c) => c.id);
  const today = localDateOf(ctx.now);

  const check = await checkAgainstTimetable(ctx, year, { from, to, classIds: ids });
  const calendar = await loadCalendar(ctx);
  const late = lateGradeEntries(await gradeEntriesInPeriod(ctx.db, ids, from, to), calendar);
  const overdue = (await unjustifiedAbsencesInPeriod(ctx.db, ids, from, to)).filter((a) => waitedTooLong(a.lesson_date, today));
  const count = <T>(rows: readonly T[], classOf: (row: T) => number, classId: number) => rows.filter((r) => classOf(r) === classId).length;

  const figures: InspectedClass[] = classes.map((c) => ({
    class: c.code,
    class_teacher: c.class_teacher_code ? { code: c.class_teacher_code, name: c.class_teacher_name! } : null,
    lessons_expected: count(check.expected, (l) => l.slot.class_id, c.id),
    lessons_entered: count(check.recorded, (l) => l.class_id, c.id),
    lessons_missing: count(check.missing, (l) => l.slot.class_id, c.id),
    lessons_without_topic: count(check.recorded.filter((l) => l.topic.trim() === ''), (l) => l.class_id, c.id),
    grades_late: count(late, (g) => g.grade.class_id, c.id),
    absences_n_over_7_days: count(overdue, (a) => a.class_id, c.id),
  }));
  const inspections = await listInspectionViews(ctx.db, { yearId: year.id, classIds: ids, from, to });
  return {
    school: { name: ctx.school.name, registration_number: ctx.school.registration_number },
    from,
    to,
    through: check.through,
    printed_on: today,
    whole_school: selected.all,
    inspections: inspections.map((i) => ({
      date: i.date,
      classes: i.classes,
      whole_school: i.whole_school,
      findings: i.findings,
      deadline: i.deadline,
      author: { code: i.author, name: i.author_name },
    })),
    classes: figures,
    totals: sumFigures(figures),
  };
}

/** One file over all the chosen classes. */
export function inspectionsDocuments(data: InspectionsReportData, lang: ReportLang): ReportDocument[] {
  const view = inspectionsView(data, lang);
  return [
    {
      name: `${data.from}_${data.to}_${lang === 'lv' ? 'zurnalu-parbaudes' : 'journal-inspections'}`,
      label: `${view.header.title} (${data.classes.length})`,
      title: view.header.title,
      bodies: [renderTemplate('inspections', view)],
    },
  ];
}
