import { AppError } from '../errors.ts';
import type { SchoolClass, SchoolYear, TimetableSlot } from '../db/schema.ts';
import { teacherIdsFor } from '../db/repositories/assignments.ts';
import { deleteTimetableSlots, endTimetableSlot, insertTimetableSlot, listTimetableSlotViews, slotsAtPlace, type TimetableSlotView } from '../db/repositories/timetable.ts';
import { holdsOn, parseWeekday, replaceFrom } from '../domain/timetable.ts';
import type { IsoDate } from '../domain/dates.ts';
import { requireReadRight, requireRight, timestamp, type ServiceContext } from './context.ts';
import { referenceDate } from './classes.ts';
import { requireDate, requireDayInYear, requireInteger, requireText } from './input.ts';
import { LESSON_NUMBERS } from './lessons.ts';
import { resolveClass, resolveStaff, resolveSubject, resolveYear } from './lookup.ts';
import { resolveGroup } from './groups.ts';
import { groupClassIds, groupTeacherIds } from '../db/repositories/groups.ts';
import { m } from '../i18n/messages/calendar-timetable.ts';

/** A place in the weekly timetable: a class's lesson number on a weekday. */
export interface TimetablePlaceInput {
  class?: string;
  weekday?: string | number;
  number?: string | number;
  /** The first day the change holds (default: today, or the year's first day before the year begins). */
  from?: string;
  /** A group's place: the group's classes, its subject and teachers (issue 19). */
  group?: string;
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
  if (value === undefined || value === '') throw new AppError('usage', m.weekdayRequired);
  const weekday = parseWeekday(value);
  if (weekday === null) throw new AppError('invalid', m.badWeekday(String(value)));
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

async function viewOf(ctx: ServiceContext, year: SchoolYear, id: number): Promise<TimetableSlotView> {
  return (await listTimetableSlotViews(ctx.db, { yearId: year.id, ids: [id] }))[0]!;
}

/**
 * Puts a subject (and its teacher) into a place of the timetable from a day on.
 * The place's earlier lesson ends the day before, so past days keep the
 * timetable they had; setting what already holds changes nothing.
 */
export async function setTimetableSlot(ctx: ServiceContext, input: TimetableSlotInput): Promise<TimetableChange> {
  if (input.group) return setGroupSlot(ctx, { ...input, group: input.group });
  const actor = requireRight(ctx, 'manage-timetable');
  const place = await resolvePlace(ctx, input);
  const subject = await resolveSubject(ctx, requireText(input.subject, 'subject'));
  const assigned = await teacherIdsFor(ctx.db, place.schoolClass.id, subject.id);
  let teacherId: number;
  if (input.teacher) {
    const teacher = await resolveStaff(ctx, input.teacher, 'teacher');
    if (!assigned.includes(teacher.id)) throw new AppError('invalid', m.teacherNotAssigned(teacher.code, subject.code, place.schoolClass.code));
    teacherId = teacher.id;
  } else if (assigned[0] !== undefined) teacherId = assigned[0];
  else throw new AppError('invalid', m.nobodyTeaches(subject.code, place.schoolClass.code));

  // The whole class's lesson takes the place from its groups too.
  const rows = await slotsAtPlace(ctx.db, place.schoolClass.id, place.weekday, place.number);
  const current = rows.find((r) => holdsOn(r, place.from));
  const planned = rows.some((r) => r.valid_from > place.from);
  if (current && current.group_id === null && current.valid_to === null && !planned && rows.filter((r) => holdsOn(r, place.from)).length === 1 && current.subject_id === subject.id && current.teacher_id === teacherId) {
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

/**
 * A group's lesson in the timetable: one slot per class of the group, in
 * the group's subject with its teacher (--teacher: one of them). It takes
 * the place from the group's earlier lesson there and from the whole class's;
 * other groups of the class keep theirs (two groups learn side by side).
 */
async function setGroupSlot(ctx: ServiceContext, input: TimetableSlotInput & { group: string }): Promise<TimetableChange> {
  const actor = requireRight(ctx, 'manage-timetable');
  const year = await resolveYear(ctx);
  const group = await resolveGroup(ctx, year, input.group);
  const weekday = requireWeekday(input.weekday);
  const number = requireInteger(input.number, 'number', LESSON_NUMBERS.min, LESSON_NUMBERS.max);
  const from = input.from === undefined ? referenceDate(ctx, year) : requireDayInYear(requireDate(input.from, 'from'), 'from', year);
  if (input.subject && (await resolveSubject(ctx, input.subject)).id !== group.subject_id) throw new AppError('invalid', m.groupLearnsOther(group.code, input.subject));
  const teachers = await groupTeacherIds(ctx.db, group.id);
  const teacherId = input.teacher ? (await resolveStaff(ctx, input.teacher, 'teacher')).id : teachers[0];
  if (teacherId === undefined || !teachers.includes(teacherId)) throw new AppError('invalid', m.notGroupTeacher(input.teacher ?? '', group.code));
  const classIds = await groupClassIds(ctx.db, group.id);
  if (classIds.length === 0) throw new AppError('invalid', m.groupNoClasses(group.code));
  let outcome: TimetableChange['outcome'] = 'unchanged';
  let first: number | undefined;
  for (const classId of classIds) {
    const rows = (await slotsAtPlace(ctx.db, classId, weekday, number)).filter((r) => r.group_id === null || r.group_id === group.id);
    const current = rows.find((r) => holdsOn(r, from));
    const planned = rows.some((r) => r.valid_from > from);
    if (current && current.group_id === group.id && current.valid_to === null && !planned && current.teacher_id === teacherId) {
      first ??= current.id;
      continue;
    }
    await applyReplacement(ctx, rows, from);
    const slot = await insertTimetableSlot(ctx.db, {
      school_id: ctx.school.id,
      class_id: classId,
      weekday,
      number,
      subject_id: group.subject_id,
      teacher_id: teacherId,
      group_id: group.id,
      valid_from: from,
      valid_to: null,
      created_at: timestamp(ctx),
      created_by: actor.id,
    });
    first ??= slot.id;
    outcome = current ? 'replaced' : outcome === 'replaced' ? 'replaced' : 'created';
  }
  return { outcome, slot: await viewOf(ctx, year, first!) };
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
  if (input.group) {
    const year = await resolveYear(ctx);
    const group = await resolveGroup(ctx, year, input.group);
    const weekday = requireWeekday(input.weekday);
    const number = requireInteger(input.number, 'number', LESSON_NUMBERS.min, LESSON_NUMBERS.max);
    const from = input.from === undefined ? referenceDate(ctx, year) : requireDayInYear(requireDate(input.from, 'from'), 'from', year);
    const ended: number[] = [];
    let removed = 0;
    for (const classId of await groupClassIds(ctx.db, group.id)) {
      const rows = (await slotsAtPlace(ctx.db, classId, weekday, number)).filter((r) => r.group_id === group.id);
      const change = await applyReplacement(ctx, rows, from);
      ended.push(...change.ended);
      removed += change.removed;
    }
    if (ended.length === 0 && removed === 0) throw new AppError('not_found', m.noGroupSlot(group.code, weekday, number, from));
    return { ended: await listTimetableSlotViews(ctx.db, { yearId: year.id, ids: ended }), removed };
  }
  const place = await resolvePlace(ctx, input);
  const rows = await slotsAtPlace(ctx.db, place.schoolClass.id, place.weekday, place.number);
  const { ended, removed } = await applyReplacement(ctx, rows, place.from);
  if (ended.length === 0 && removed === 0) {
    throw new AppError('not_found', m.noSlot(place.schoolClass.code, place.weekday, place.number, place.from));
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
