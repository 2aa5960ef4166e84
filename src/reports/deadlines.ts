import { requireJournalControl } from '../services/journal-control.ts';
import { AppError } from '../errors.ts';
import { recordedEntries } from '../db/repositories/deadline-entries.ts';
import { localDateOf } from '../domain/dates.ts';
import { LESSON_ENTRY_TIME } from '../domain/deadlines.ts';
import { lateEntries } from '../domain/late-entries.ts';
import type { WorkKind } from '../domain/grade-scale.ts';
import type { ServiceContext } from '../services/context.ts';
import { requireDate } from '../services/input.ts';
import { loadCalendar, resolveClass, resolveStaff, resolveYear } from '../services/lookup.ts';
import { gradeDeadlineRules } from '../services/school.ts';
import { deadlinesView, groupLateEntries, latenessPerTeacher, type DeadlinesData } from './deadlines-model.ts';
import type { ReportDocument, ReportLang } from './publish.ts';
import { renderTemplate } from './templates.ts';
import { m as t } from '../i18n/messages/files-reports.ts';

export interface DeadlinesInput {
  from?: string;
  to?: string;
  teacher?: string;
  class?: string;
}

/**
 * Every entry of the period made after its deadline (regulation §17, §22–23), judged
 * on the school's working-day calendar with its holidays and breaks.
 */
export async function loadDeadlinesData(ctx: ServiceContext, input: DeadlinesInput): Promise<DeadlinesData> {
  const from = requireDate(input.from, 'from');
  const to = requireDate(input.to, 'to');
  if (from > to) throw new AppError('usage', t.fromAfterTo(from, to));
  if (input.teacher && input.class) throw new AppError('usage', t.teacherOrClass);
  const year = await resolveYear(ctx);
  const teacher = input.teacher ? await resolveStaff(ctx, input.teacher, 'teacher') : undefined;
  const schoolClass = input.class ? await resolveClass(ctx, year, input.class) : undefined;
  await requireJournalControl(ctx, year, { teacher, classes: schoolClass ? [schoolClass] : undefined });
  const rules = gradeDeadlineRules(ctx.school);
  const rows = await recordedEntries(ctx.db, ctx.school.id, from, to, { classId: schoolClass?.id, teacherId: teacher?.id });
  const late = lateEntries(rows.map((r) => ({ ...r, rule: r.rule as 'lesson' | WorkKind })), await loadCalendar(ctx), rules);
  const entries = groupLateEntries(late);
  return {
    school: { name: ctx.school.name, registration_number: ctx.school.registration_number },
    from,
    to,
    printed_on: localDateOf(ctx.now),
    teacher: teacher ? { code: teacher.code, name: `${teacher.first_name} ${teacher.last_name}` } : null,
    class: schoolClass?.code ?? null,
    rules: { lesson_time: LESSON_ENTRY_TIME, ...rules },
    entries,
    by_teacher: latenessPerTeacher(entries),
  };
}

/** One file for the period (and the teacher or class asked for). */
export function deadlinesDocuments(data: DeadlinesData, lang: ReportLang): ReportDocument[] {
  const title = lang === 'lv' ? 'Ierakstu termiņu kontrole' : 'Entry deadline control';
  const scope = data.teacher?.code ?? data.class;
  return [
    {
      name: `${data.from}_${data.to}_${lang === 'lv' ? 'termini' : 'deadlines'}${scope ? `_${scope}` : ''}`,
      label: `${title} (${data.entries.length})`,
      title,
      bodies: [renderTemplate('deadlines', deadlinesView(data, lang))],
    },
  ];
}
