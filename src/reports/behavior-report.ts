import { AppError } from '../errors.ts';
import { behaviorForExtract } from '../db/repositories/behavior.ts';
import { rosterInPeriod } from '../db/repositories/report-data.ts';
import { localDateOf } from '../domain/dates.ts';
import { byKeys } from '../domain/latvian-order.ts';
import type { ServiceContext } from '../services/context.ts';
import { requireDate } from '../services/input.ts';
import { resolveAudience, yearOf, type AudienceInput } from './audience.ts';
import { behaviorReportClass, behaviorReportView, type BehaviorRemark, type BehaviorReportClass, type BehaviorReportData } from './behavior-report-model.ts';
import { asciiSlug, classSlug } from './file-names.ts';
import type { ReportDocument, ReportLang } from './publish.ts';
import { renderTemplate } from './templates.ts';
import { m as t } from '../i18n/messages/files-reports.ts';

export interface BehaviorReportInput extends AudienceInput {
  from?: string;
  to?: string;
}

/** The behaviour journal of the chosen classes or students over a period, in two queries. */
export async function loadBehaviorReportData(ctx: ServiceContext, input: BehaviorReportInput): Promise<BehaviorReportData> {
  const from = requireDate(input.from, 'from');
  const to = requireDate(input.to, 'to');
  if (from > to) throw new AppError('usage', t.fromAfterTo(from, to));
  const year = await yearOf(ctx, from);
  const audience = await resolveAudience(ctx, year, input);
  const roster = (await rosterInPeriod(ctx.db, audience.classes.map((c) => c.id), from, to)).filter((r) => !audience.studentIds || audience.studentIds.has(r.student_id));
  const remarks = await behaviorForExtract(ctx.db, [...new Set(roster.map((r) => r.student_id))], from, to);
  const remarksOf = new Map<number, BehaviorRemark[]>();
  for (const r of remarks) {
    const list = remarksOf.get(r.student_id) ?? [];
    list.push({ date: r.date, kind: r.kind, text: r.text, author: r.author_name });
    remarksOf.set(r.student_id, list);
  }
  const classes: BehaviorReportClass[] = audience.classes.map((c) => {
    // A student enrolled twice in the period (left and came back) is listed once.
    const enrolled = new Map(roster.filter((r) => r.class_id === c.id).map((r) => [r.student_id, r]));
    const students = [...enrolled.values()]
      .map((r) => ({ code: r.code, first_name: r.first_name, last_name: r.last_name, remarks: remarksOf.get(r.student_id) ?? [] }))
      .sort(byKeys((s) => s.last_name, (s) => s.first_name, (s) => s.code));
    return behaviorReportClass(c.code, c.class_teacher_name, students);
  });
  return {
    school: { name: ctx.school.name, registration_number: ctx.school.registration_number },
    year: year.code,
    from,
    to,
    printed_on: localDateOf(ctx.now),
    classes: classes.filter((c) => c.students.length > 0),
  };
}

/** One file per class. */
export function behaviorReportDocuments(data: BehaviorReportData, lang: ReportLang): ReportDocument[] {
  const title = lang === 'lv' ? 'Uzvedības žurnāla pārskats' : 'Behaviour journal report';
  return data.classes.map((c) => ({
    name: `${data.from}_${data.to}_${classSlug(c.class)}_${asciiSlug(lang === 'lv' ? 'uzvediba' : 'behaviour')}`,
    label: `${c.class} (+${c.totals.positive} / −${c.totals.negative})`,
    title: `${title} — ${c.class}`,
    bodies: [renderTemplate('behavior', behaviorReportView(data, c, lang))],
  }));
}
