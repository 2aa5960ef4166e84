import { requireJournalControl } from './journal-control.ts';
import { AppError } from '../errors.ts';
import type { SchoolYear } from '../db/schema.ts';
import { insertInspection, listInspectionViews, type InspectionView } from '../db/repositories/inspections.ts';
import { reportClasses, type ReportClass } from '../db/repositories/report-data.ts';
import { localDateOf } from '../domain/dates.ts';
import { requireRight, timestamp, type ServiceContext } from './context.ts';
import { optionalDate, requireDate, requireDayDone, requireText } from './input.ts';
import { resolveClass, resolveYear } from './lookup.ts';
import { m } from '../i18n/messages/calendar-timetable.ts';

/** Classes named with repeated --class, or every class of the year with --all. */
export interface ClassSelection {
  class?: string[];
  all?: boolean;
}

/** The classes a selection names, in class order; `required` makes an empty selection a usage error, else it means all. */
export async function selectClasses(ctx: ServiceContext, year: SchoolYear, selection: ClassSelection, required: boolean): Promise<{ classes: ReportClass[]; all: boolean }> {
  const named = [...new Set(selection.class ?? [])];
  if (selection.all && named.length > 0) throw new AppError('usage', m.classOrAll);
  if (!selection.all && named.length === 0 && required) throw new AppError('usage', m.nameClasses);
  if (named.length === 0) return { classes: await reportClasses(ctx.db, year.id), all: true };
  for (const code of named) await resolveClass(ctx, year, code);
  return { classes: await reportClasses(ctx.db, year.id, named), all: false };
}

export interface InspectionInput extends ClassSelection {
  date?: string;
  findings?: string;
  deadline?: string;
}

/** A deputy's check of class journals (regulation §11): one class, several, or the whole school. */
export async function addInspection(ctx: ServiceContext, input: InspectionInput): Promise<InspectionView> {
  const actor = requireRight(ctx, 'record-inspection');
  const year = await resolveYear(ctx);
  const selected = await selectClasses(ctx, year, input, true);
  if (selected.classes.length === 0) throw new AppError('invalid', m.noClassesToInspect(year.code));
  const today = localDateOf(ctx.now);
  const date = requireDayDone(input.date ?? today, 'date', year, today);
  const findings = requireText(input.findings, 'findings');
  const deadline = input.deadline === undefined ? null : requireDate(input.deadline, 'deadline');
  if (deadline !== null && deadline < date) throw new AppError('invalid', m.deadlineBefore(deadline, date));
  const row = await insertInspection(
    ctx.db,
    { school_id: ctx.school.id, school_year_id: year.id, date, findings, deadline, whole_school: selected.all ? 1 : 0, created_at: timestamp(ctx), created_by: actor.id },
    selected.classes.map((c) => c.id),
  );
  return (await listInspectionViews(ctx.db, { yearId: year.id, ids: [row.id] }))[0]!;
}

export interface InspectionListFilter {
  class?: string;
  from?: string;
  to?: string;
}

export async function listInspections(ctx: ServiceContext, filter: InspectionListFilter = {}): Promise<InspectionView[]> {
  const year = await resolveYear(ctx);
  const schoolClass = filter.class ? await resolveClass(ctx, year, filter.class) : undefined;
  await requireJournalControl(ctx, year, { classes: schoolClass ? [schoolClass] : undefined });
  return listInspectionViews(ctx.db, {
    yearId: year.id,
    classIds: schoolClass ? [schoolClass.id] : undefined,
    from: optionalDate(filter.from, 'from'),
    to: optionalDate(filter.to, 'to'),
  });
}
