import { extractAcksInMonth, extractOnlineAcksInMonth, rosterInPeriod } from '../db/repositories/report-data.ts';
import { localDateOf } from '../domain/dates.ts';
import { slipDueDate, slipState } from '../domain/extract-slip.ts';
import { byKeys } from '../domain/latvian-order.ts';
import type { ServiceContext } from '../services/context.ts';
import { requireMonth } from '../services/extract-acks.ts';
import { resolveAudience, yearOf } from './audience.ts';
import { extractStatusClassView, extractStatusSummaryView, slipTotals, sumTotals, type ExtractStatusData, type ExtractStatusStudent } from './extract-status-model.ts';
import { asciiSlug, classSlug } from './file-names.ts';
import { monthTitle } from './labels.ts';
import type { ReportDocument, ReportLang } from './publish.ts';
import { renderTemplate } from './templates.ts';

export interface ExtractStatusInput {
  month?: string;
  class?: string[];
  all?: boolean;
}

/** Every student enrolled in the chosen classes during the month, with their slip's standing today. */
export async function loadExtractStatusData(ctx: ServiceContext, input: ExtractStatusInput): Promise<ExtractStatusData> {
  const month = requireMonth(input.month);
  const year = await yearOf(ctx, month.from);
  // The whole school unless classes are named: the deputy's check.
  const audience = await resolveAudience(ctx, year, (input.class ?? []).length > 0 ? { class: input.class, all: input.all } : { all: true });
  const classIds = audience.classes.map((c) => c.id);
  const [roster, acks] = await Promise.all([rosterInPeriod(ctx.db, classIds, month.from, month.to), extractAcksInMonth(ctx.db, classIds, month.month, month.from, month.to)]);
  const ackOf = new Map(acks.map((a) => [a.student_id, a]));
  const onlineOf = new Map((await extractOnlineAcksInMonth(ctx.db, classIds, month.month, month.from, month.to)).map((a) => [a.student_id, a]));
  const today = localDateOf(ctx.now);

  const classes = audience.classes.map((schoolClass) => {
    const seen = new Set<number>();
    const students: ExtractStatusStudent[] = [];
    for (const r of roster) {
      if (r.class_id !== schoolClass.id || seen.has(r.student_id)) continue;
      seen.add(r.student_id);
      const ack = ackOf.get(r.student_id);
      const online = onlineOf.get(r.student_id);
      const acknowledgedOn = ack?.returned_on ?? online?.acknowledged_on ?? null;
      const state = slipState(month, acknowledgedOn, today);
      students.push({
        code: r.code,
        first_name: r.first_name,
        last_name: r.last_name,
        returned: state.kind === 'returned',
        channel: ack && online ? 'both' : ack ? 'paper' : online ? 'online' : null,
        returned_on: acknowledgedOn,
        guardian: ack?.guardian ?? null,
        online_on: online?.acknowledged_on ?? null,
        online_guardian: online?.guardian ?? null,
        note: ack?.note ?? null,
        days_late: state.kind === 'returned' ? state.daysLate : null,
        days_overdue: state.kind === 'missing' ? state.daysOverdue : null,
      });
    }
    students.sort(byKeys((s) => s.last_name, (s) => s.first_name, (s) => s.code));
    return { code: schoolClass.code, class_teacher: schoolClass.class_teacher_name, students, totals: slipTotals(students) };
  });
  return {
    school: { name: ctx.school.name, registration_number: ctx.school.registration_number },
    year: year.code,
    month: month.month,
    from: month.from,
    to: month.to,
    due_on: slipDueDate(month),
    as_of: today,
    classes,
    totals: sumTotals(classes.map((c) => c.totals)),
  };
}

/** One file: for several classes a summary page first, then each class on its own page (to hand to its class teacher). */
export function extractStatusDocuments(data: ExtractStatusData, lang: ReportLang): ReportDocument[] {
  if (data.classes.length === 0) return [];
  const single = data.classes.length === 1 ? data.classes[0]! : null;
  const bodies = data.classes.map((c) => renderTemplate('extract-status', extractStatusClassView(data, c, lang)));
  if (!single) bodies.unshift(renderTemplate('extract-status', extractStatusSummaryView(data, lang)));
  const what = lang === 'lv' ? 'Sekmju izrakstu atgriešana' : 'Extract slip returns';
  const scope = single ? single.code : lang === 'lv' ? 'visas klases' : 'all classes';
  return [
    {
      name: [data.month, single ? classSlug(single.code) : null, asciiSlug(what)].filter(Boolean).join('_'),
      label: `${scope} (${data.totals.students} ${lang === 'lv' ? 'skolēni' : 'students'})`,
      title: `${what} ${monthTitle(data.month, lang)} — ${scope}`,
      bodies,
    },
  ];
}
