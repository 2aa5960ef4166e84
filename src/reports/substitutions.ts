import { AppError } from '../errors.ts';
import { lessonsInPeriod } from '../db/repositories/report-data.ts';
import { localDateOf } from '../domain/dates.ts';
import { requireReadRight, type ServiceContext } from '../services/context.ts';
import { requireDate } from '../services/input.ts';
import type { ReportDocument, ReportLang } from './publish.ts';
import { countPerTeacher, substitutionsView, type SubstitutedLesson, type SubstitutionsData } from './substitutions-model.ts';
import { renderTemplate } from './templates.ts';
import { m as t } from '../i18n/messages/files-reports.ts';

export interface SubstitutionsInput {
  from?: string;
  to?: string;
}

/** Every lesson the school had taught by a substitute in the period, in one query. */
export async function loadSubstitutionsData(ctx: ServiceContext, input: SubstitutionsInput): Promise<SubstitutionsData> {
  requireReadRight(ctx, 'read-substitutions');
  const from = requireDate(input.from, 'from');
  const to = requireDate(input.to, 'to');
  if (from > to) throw new AppError('usage', t.fromAfterTo(from, to));
  const rows = await lessonsInPeriod(ctx.db, ctx.school.id, from, to, { substitutedOnly: true });
  const lessons: SubstitutedLesson[] = rows.map((l) => ({
    date: l.date,
    number: l.number,
    class: l.class_code,
    subject: { code: l.subject.code, name: l.subject.name },
    teacher: { code: l.teacher_code, name: l.teacher_name },
    replaced: { code: l.substitute_for_code!, name: l.substitute_for_name! },
    topic: l.topic,
  }));
  return {
    school: { name: ctx.school.name, registration_number: ctx.school.registration_number },
    from,
    to,
    printed_on: localDateOf(ctx.now),
    lessons,
    by_substitute: countPerTeacher(lessons, (l) => l.teacher),
    by_replaced: countPerTeacher(lessons, (l) => l.replaced),
  };
}

/** One file for the whole school. */
export function substitutionsDocuments(data: SubstitutionsData, lang: ReportLang): ReportDocument[] {
  const title = lang === 'lv' ? 'Aizvietoto stundu atskaite' : 'Substituted lessons report';
  return [
    {
      name: `${data.from}_${data.to}_${lang === 'lv' ? 'aizvietotas-stundas' : 'substituted-lessons'}`,
      label: `${title} (${data.lessons.length})`,
      title,
      bodies: [renderTemplate('substitutions', substitutionsView(data, lang))],
    },
  ];
}
