import { addDays, weekday, type IsoDate } from './dates.ts';

/** 1 = Monday … 5 = Friday; 6 lets a Saturday school plan its Saturday lessons. */
export const WEEKDAYS = { min: 1, max: 6 } as const;

export const WEEKDAY_NAMES: Readonly<Record<'lv' | 'en', readonly string[]>> = {
  lv: ['pirmdiena', 'otrdiena', 'trešdiena', 'ceturtdiena', 'piektdiena', 'sestdiena', 'svētdiena'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/**
 * A weekday as timetables write it: its number (1 = Monday), or its name in
 * Latvian (with or without diacritics) or English. Null when it is neither or
 * outside WEEKDAYS.
 */
export function parseWeekday(value: string | number): number | null {
  const text = String(value).trim().toLowerCase();
  const n = /^\d+$/.test(text) ? Number(text) : null;
  const byName = (names: readonly string[]) => names.findIndex((name) => name === text || name.normalize('NFD').replace(/\p{M}/gu, '') === text) + 1;
  const day = n ?? (byName(WEEKDAY_NAMES.lv) || byName(WEEKDAY_NAMES.en.map((name) => name.toLowerCase())));
  return day >= WEEKDAYS.min && day <= WEEKDAYS.max ? day : null;
}

/** One stored row of a timetable place (class, weekday, lesson number) and the days it holds. */
export interface SlotPeriod {
  id: number;
  valid_from: IsoDate;
  /** Inclusive; null while the slot holds. */
  valid_to: IsoDate | null;
}

export function holdsOn(slot: Pick<SlotPeriod, 'valid_from' | 'valid_to'>, day: IsoDate): boolean {
  return slot.valid_from <= day && (slot.valid_to === null || day <= slot.valid_to);
}

/** What a change of a place from `from` on does to its stored rows. */
export interface SlotReplacement {
  /** Rows that held before `from`: they now end the day before. */
  close: { id: number; valid_to: IsoDate }[];
  /** Rows that would only have started on or after `from`: the change replaces them. */
  remove: number[];
}

/**
 * Setting (or clearing) a place from a day on: what held before that day stays
 * as it was, ending the day before, so the timetable of a past day still reads
 * true; whatever was planned from that day on gives way to the change.
 */
export function replaceFrom(rows: readonly SlotPeriod[], from: IsoDate): SlotReplacement {
  const change: SlotReplacement = { close: [], remove: [] };
  for (const row of rows) {
    if (row.valid_to !== null && row.valid_to < from) continue;
    if (row.valid_from < from) change.close.push({ id: row.id, valid_to: addDays(from, -1) });
    else change.remove.push(row.id);
  }
  return change;
}

/** What the missing-lesson rule needs of a slot. */
export interface PlannedSlot {
  class_id: number;
  weekday: number;
  number: number;
  subject_id: number;
  valid_from: IsoDate;
  valid_to: IsoDate | null;
  /** A group's slot: only that group's lesson covers it. Null or absent: the whole class's. */
  group_id?: number | null;
}

export interface ExpectedLesson<S extends PlannedSlot> {
  date: IsoDate;
  slot: S;
}

/** The lessons the timetable plans on the given teaching days, day by day in lesson order. */
export function expectedLessons<S extends PlannedSlot>(slots: readonly S[], teachingDays: readonly IsoDate[]): ExpectedLesson<S>[] {
  const lessons: ExpectedLesson<S>[] = [];
  for (const date of teachingDays) {
    const day = weekday(date);
    const planned = slots.filter((s) => s.weekday === day && holdsOn(s, date));
    for (const slot of [...planned].sort((a, b) => a.class_id - b.class_id || a.number - b.number)) lessons.push({ date, slot });
  }
  return lessons;
}

/** A lesson as the journal holds it. */
export interface RecordedLesson {
  class_id: number;
  subject_id: number;
  date: IsoDate;
  number: number;
  group_id?: number | null;
}

/**
 * The expected lessons the journal does not hold. A journal lesson of the same
 * class, subject and day covers the planned one with its number first; one
 * entered under another number (a swapped lesson) still covers a planned lesson
 * of that subject that day, so a swap is not reported as missing.
 */
export function unrecordedLessons<S extends PlannedSlot>(expected: readonly ExpectedLesson<S>[], recorded: readonly RecordedLesson[]): ExpectedLesson<S>[] {
  // A group's slot is covered by that group's lesson only; a whole-class slot by the class's lesson, or
  // (last) by a lesson of one of its groups in that subject, for a class the timetable still lists whole.
  const key = (classId: number, subjectId: number, groupId: number | null | undefined, date: IsoDate) => `${classId}|${subjectId}|${groupId ?? ''}|${date}`;
  const anyGroup = (classId: number, subjectId: number, date: IsoDate) => `${classId}|${subjectId}|*|${date}`;
  const numbersOf = new Map<string, number[]>();
  const push = (k: string, n: number) => numbersOf.set(k, [...(numbersOf.get(k) ?? []), n]);
  for (const lesson of recorded) {
    push(key(lesson.class_id, lesson.subject_id, lesson.group_id, lesson.date), lesson.number);
    if (lesson.group_id != null) push(anyGroup(lesson.class_id, lesson.subject_id, lesson.date), lesson.number);
  }
  const unmatched: ExpectedLesson<S>[] = [];
  for (const lesson of expected) {
    const numbers = numbersOf.get(key(lesson.slot.class_id, lesson.slot.subject_id, lesson.slot.group_id, lesson.date));
    const same = numbers?.indexOf(lesson.slot.number) ?? -1;
    if (same >= 0) numbers!.splice(same, 1);
    else unmatched.push(lesson);
  }
  return unmatched.filter((lesson) => {
    const keys = [key(lesson.slot.class_id, lesson.slot.subject_id, lesson.slot.group_id, lesson.date)];
    if (lesson.slot.group_id == null) keys.push(anyGroup(lesson.slot.class_id, lesson.slot.subject_id, lesson.date));
    for (const k of keys) {
      const numbers = numbersOf.get(k);
      if (numbers && numbers.length > 0) {
        numbers.shift();
        return false;
      }
    }
    return true;
  });
}
