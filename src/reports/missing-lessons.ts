import { requireJournalControl } from '../services/journal-control.ts';
import { AppError } from '../errors.ts';
import { localDateOf, type IsoDate } from '../domain/dates.ts';
import type { ServiceContext } from '../services/context.ts';
import { requireDate } from '../services/input.ts';
import { resolveClass, resolveStaff, resolveYear } from '../services/lookup.ts';
import { checkAgainstTimetable } from '../services/timetable-check.ts';
import { groupByTeacher, missingLessonsView, type MissingLessonsData } from './missing-lessons-model.ts';
import { asciiSlug, classSlug } from './file-names.ts';
import type { ReportDocument, ReportLang } from './publish.ts';
import { renderTemplate } from './templates.ts';
import { m as t } from '../i18n/messages/files-reports.ts';

export interface MissingLessonsInput {
  date?: string;
  from?: string;
  to?: string;
  teacher?: string;
  class?: string;
}

/** One day (--date), or --from … --to. */
export function reportPeriod(input: { date?: string; from?: string; to?: string }): { from: IsoDate; to: IsoDate } {
  if (input.date !== undefined) {
    if (input.from !== undefined || input.to !== undefined) throw new AppError('usage', t.dateOrPeriod);
    const day = requireDate(input.date, 'date');
    return { from: day, to: day };
  }
  if (input.from === undefined && input.to === undefined) throw new AppError('usage', t.dayOrPeriod);
  const from = requireDate(input.from, 'from');
  const to = requireDate(input.to, 'to');
  if (from > to) throw new AppError('usage', t.fromAfterTo(from, to));
  return { from, to };
}

/** The timetable's lessons of the period that the journal does not hold yet, per teacher (§17). */
export async function loadMissingLessonsData(ctx: ServiceContext, input: MissingLessonsInput): Promise<MissingLessonsData> {
  const { from, to } = reportPeriod(input);
  const year = await resolveYear(ctx);
  const schoolClass = input.class ? await resolveClass(ctx, year, input.class) : null;
  const teacher = input.teacher ? await resolveStaff(ctx, input.teacher, 'teacher') : null;
  await requireJournalControl(ctx, year, { teacher: teacher ?? undefined, classes: schoolClass ? [schoolClass] : undefined });
  const check = await checkAgainstTimetable(ctx, year, { from, to, classIds: schoolClass ? [schoolClass.id] : undefined, teacherId: teacher?.id });
  return {
    school: { name: ctx.school.name, registration_number: ctx.school.registration_number },
    from,
    to,
    through: check.through,
    printed_on: localDateOf(ctx.now),
    class: schoolClass?.code ?? null,
    teacher: teacher ? { code: teacher.code, name: `${teacher.first_name} ${teacher.last_name}` } : null,
    teaching_days: check.teaching_days.length,
    expected: check.expected.length,
    missing: check.missing.length,
    teachers: groupByTeacher(
      check.missing.map(({ date, slot }) => ({
        date,
        number: slot.number,
        class: slot.class,
        subject: { code: slot.subject, name: slot.subject_name },
        teacher: { code: slot.teacher, name: slot.teacher_name },
      })),
    ),
  };
}

/** One file: the deputy's control list. */
export function missingLessonsDocuments(data: MissingLessonsData, lang: ReportLang): ReportDocument[] {
  const view = missingLessonsView(data, lang);
  const scope = data.class ? classSlug(data.class) : data.teacher ? asciiSlug(data.teacher.code) : null;
  const period = data.from === data.to ? data.from : `${data.from}_${data.to}`;
  return [
    {
      name: `${period}${scope ? `_${scope}` : ''}_${lang === 'lv' ? 'neaizpilditas-stundas' : 'missing-lessons'}`,
      label: `${view.header.title} (${data.missing})`,
      title: view.header.title,
      bodies: [renderTemplate('missing-lessons', view)],
    },
  ];
}
