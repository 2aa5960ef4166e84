import { AppError } from '../errors.ts';
import type { SchoolClass, SchoolYear, TimetableSlot } from '../db/schema.ts';
import { teacherIdsFor } from '../db/repositories/assignments.ts';
import { deleteTimetableSlots, endTimetableSlot, insertTimetableSlot, listTimetableSlotViews, slotsAtPlace, type TimetableSlotView } from '../db/repositories/timetable.ts';
import { holdsOn, parseWeekday, replaceFrom, WEEKDAY_NAMES } from '../domain/timetable.ts';
import type { IsoDate } from '../domain/dates.ts';
import { requireReadRight, requireRight, timestamp, type ServiceContext } from './context.ts';
import { referenceDate } from './classes.ts';
import { requireDate, requireDayInYear, requireInteger, requireText } from './input.ts';
import { LESSON_NUMBERS } from './lessons.ts';
import { resolveClass, resolveStaff, resolveSubject, resolveYear } from './lookup.ts';

/** A place in the weekly timetable: a class's lesson number on a weekday. */
export interface TimetablePlaceInput {
  class?: string;
  weekday?: string | number;
  number?: string | number;
  /** The first day the change holds (default: today, or the year's first day before the year begins). */
  from?: string;
}

export interface TimetableSlotInput extends TimetablePlaceInput {
  subject?: string;
  /** Default: the teacher assigned to the class and subject (the first, if several are). */
  teacher?: string;
}

export interface TimetableChange {
  /** replaced: the place had another lesson on --from, which now ends the day before (or gives way). */
  outcome: 'created' | 'replaced' | 'unchanged';
  slot: TimetableSlotView;
}

interface Place {
  year: SchoolYear;
  schoolClass: SchoolClass;
  weekday: number;
  number: number;
  from: IsoDate;
}

function requireWeekday(value: string | number | undefined): number {
  if (value === undefined || value === '') throw new AppError('usage', '--weekday is required.');
  const weekday = parseWeekday(value);
  if (weekday === null) throw new AppError('invalid', `--weekday "${value}" must be 1 (Monday) … 5 (Friday), or 6 for Saturday lessons; the day's name will do too.`);
  return weekday;
}

async function resolvePlace(ctx: ServiceContext, input: TimetablePlaceInput): Promise<Place> {
  const year = await resolveYear(ctx);
  const schoolClass = await resolveClass(ctx, year, requireText(input.class, 'class'));
  const weekday = requireWeekday(input.weekday);
  const number = requireInteger(input.number, 'number', LESSON_NUMBERS.min, LESSON_NUMBERS.max);
  const from = input.from === undefined ? referenceDate(ctx, year) : requireDayInYear(requireDate(input.from, 'from'), 'from', year);
  return { year, schoolClass, weekday, number, from };
}

function placeLabel(place: Place): string {
  return `${place.schoolClass.code}, ${WEEKDAY_NAMES.en[place.weekday - 1]} lesson ${place.number}`;
}

async function viewOf(ctx: ServiceContext, year: SchoolYear, id: number): Promise<TimetableSlotView> {
  return (await listTimetableSlotViews(ctx.db, { yearId: year.id, ids: [id] }))[0]!;
}

/**
 * Puts a subject (and its teacher) into a place of the timetable from a day on.
 * The place's earlier lesson ends the day before, so past days keep the
 * timetable they had; setting what already holds changes nothing.
 */
export async function setTimetableSlot(ctx: ServiceContext, input: TimetableSlotInput): Promise<TimetableChange> {
  const actor = requireRight(ctx, 'manage-timetable');
  const place = await resolvePlace(ctx, input);
  const subject = await resolveSubject(ctx, requireText(input.subject, 'subject'));
  const assigned = await teacherIdsFor(ctx.db, place.schoolClass.id, subject.id);
  const target = `${subject.code} in ${place.schoolClass.code}`;
  let teacherId: number;
  if (input.teacher) {
    const teacher = await resolveStaff(ctx, input.teacher, 'teacher');
    if (!assigned.includes(teacher.id)) throw new AppError('invalid', `--teacher ${teacher.code} does not teach ${target}: add the assignment first (\`ezurnals assign add\`).`);
    teacherId = teacher.id;
  } else if (assigned[0] !== undefined) teacherId = assigned[0];
  else throw new AppError('invalid', `Nobody teaches ${target}: add an assignment first (\`ezurnals assign add\`) or name --teacher.`);

  const rows = await slotsAtPlace(ctx.db, place.schoolClass.id, place.weekday, place.number);
  const current = rows.find((r) => holdsOn(r, place.from));
  const planned = rows.some((r) => r.valid_from > place.from);
  if (current && current.valid_to === null && !planned && current.subject_id === subject.id && current.teacher_id === teacherId) {
    return { outcome: 'unchanged', slot: await viewOf(ctx, place.year, current.id) };
  }
  await applyReplacement(ctx, rows, place.from);
  const slot = await insertTimetableSlot(ctx.db, {
    school_id: ctx.school.id,
    class_id: place.schoolClass.id,
    weekday: place.weekday,
    number: place.number,
    subject_id: subject.id,
    teacher_id: teacherId,
    valid_from: place.from,
    valid_to: null,
    created_at: timestamp(ctx),
    created_by: actor.id,
  });
  return { outcome: current ? 'replaced' : 'created', slot: await viewOf(ctx, place.year, slot.id) };
}

async function applyReplacement(ctx: ServiceContext, rows: readonly TimetableSlot[], from: IsoDate): Promise<{ ended: number[]; removed: number }> {
  const change = replaceFrom(rows, from);
  for (const end of change.close) await endTimetableSlot(ctx.db, end.id, end.valid_to);
  await deleteTimetableSlots(ctx.db, change.remove);
  return { ended: change.close.map((c) => c.id), removed: change.remove.length };
}

export interface TimetableClearing {
  /** The lessons that now end the day before --from (what the place had until then). */
  ended: TimetableSlotView[];
  /** Lessons that would have started on --from or later, now dropped. */
  removed: number;
}

/** Ends a place's lesson from a day on (the place is then free): the days before keep it. */
export async function clearTimetableSlot(ctx: ServiceContext, input: TimetablePlaceInput): Promise<TimetableClearing> {
  requireRight(ctx, 'manage-timetable');
  const place = await resolvePlace(ctx, input);
  const rows = await slotsAtPlace(ctx.db, place.schoolClass.id, place.weekday, place.number);
  const { ended, removed } = await applyReplacement(ctx, rows, place.from);
  if (ended.length === 0 && removed === 0) {
    throw new AppError('not_found', `The timetable has no lesson in ${placeLabel(place)} on ${place.from} or later.`);
  }
  return { ended: await listTimetableSlotViews(ctx.db, { yearId: place.year.id, ids: ended }), removed };
}

export interface TimetableListFilter {
  class?: string;
  teacher?: string;
  /** Default: today (within the year). */
  on?: string;
}

/** The timetable as it holds on one day, per class, weekday and lesson number. */
export async function listTimetable(ctx: ServiceContext, filter: TimetableListFilter = {}): Promise<TimetableSlotView[]> {
  requireReadRight(ctx, 'read-school-setup');
  const year = await resolveYear(ctx);
  const on = filter.on === undefined ? referenceDate(ctx, year) : requireDate(filter.on, 'on');
  return listTimetableSlotViews(ctx.db, {
    yearId: year.id,
    on,
    classIds: filter.class ? [(await resolveClass(ctx, year, filter.class)).id] : undefined,
    teacherId: filter.teacher ? (await resolveStaff(ctx, filter.teacher, 'teacher')).id : undefined,
  });
}
