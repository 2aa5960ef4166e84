import { AppError } from '../errors.ts';
import type { CsvCell } from '../csv/write.ts';
import { listAssignmentViews } from '../db/repositories/assignments.ts';
import { listAbsenceViews } from '../db/repositories/absences.ts';
import { listClassViews } from '../db/repositories/classes.ts';
import { listGradeViews } from '../db/repositories/grades.ts';
import { listGuardianViews } from '../db/repositories/guardians.ts';
import { listHolidays } from '../db/repositories/holidays.ts';
import { listLessonViews } from '../db/repositories/lessons.ts';
import { listStaff } from '../db/repositories/staff.ts';
import { listStudents } from '../db/repositories/students.ts';
import { listSubjects } from '../db/repositories/subjects.ts';
import { listTimetableSlotViews } from '../db/repositories/timetable.ts';
import { listGroupMemberViews, listGroupViews } from '../db/repositories/groups.ts';
import { referenceDate } from '../services/classes.ts';
import { requireReadRight, requireRightToRead, type ServiceContext } from '../services/context.ts';
import { resolveYear } from '../services/lookup.ts';
import { KIND_COLUMNS, NAME_FIELDS, type NameField, type TransferKind } from './columns.ts';
import { excelTable, loadNames } from './excel.ts';
import { m as t } from '../i18n/messages/files-import.ts';

export interface ExportTable {
  kind: TransferKind;
  /** The kind's column names, in import order: English, or Latvian for `--excel`. */
  header: string[];
  rows: CsvCell[][];
}

/** A kind's columns holding its data: all but the names beside codes, which only `--excel` adds. */
export type DataFields<K extends TransferKind> = Exclude<(typeof KIND_COLUMNS)[K]['fields'][number], NameField>;
export type Row<K extends TransferKind> = Record<DataFields<K>, CsvCell>;

/** Every kind's rows for the year, in the importer's columns, so export → import round-trips. */
const READERS: { [K in TransferKind]: (ctx: ServiceContext, yearId: number, onDate: string) => Promise<Row<K>[]> } = {
  subjects: async (ctx) => (await listSubjects(ctx.db, ctx.school.id)).map((s) => ({ code: s.code, name: s.name })),
  staff: async (ctx) =>
    (await listStaff(ctx.db, ctx.school.id)).map((s) => ({ code: s.code, first_name: s.first_name, last_name: s.last_name, roles: s.roles.join('|'), phone: s.phone, email: s.email })),
  classes: async (ctx, yearId, onDate) =>
    (await listClassViews(ctx.db, yearId, onDate)).map((c) => ({ code: c.code, level: c.level, class_teacher: c.class_teacher })),
  students: async (ctx, yearId, onDate) =>
    (await listStudents(ctx.db, ctx.school.id, yearId, onDate)).map((s) => ({
      code: s.code,
      first_name: s.first_name,
      last_name: s.last_name,
      personal_code: s.personal_code,
      class: s.class,
      birth_date: s.birth_date,
      sex: s.sex,
      phone: s.phone,
      email: s.email,
      address: s.address,
    })),
  guardians: async (ctx) =>
    (await listGuardianViews(ctx.db, ctx.school.id)).flatMap((g) =>
      g.students.map((link) => ({ student: link.student, first_name: g.first_name, last_name: g.last_name, relation: link.relation, phone: g.phone, email: g.email, address: g.address })),
    ),
  assignments: async (ctx, yearId) => (await listAssignmentViews(ctx.db, yearId)).map((a) => ({ class: a.class, subject: a.subject, teacher: a.teacher })),
  lessons: async (ctx, yearId) =>
    (await listLessonViews(ctx.db, { yearId })).map((l) => ({
      class: l.class,
      subject: l.subject,
      date: l.date,
      number: l.number,
      teacher: l.teacher,
      topic: l.topic,
      homework: l.homework,
      substitute_for: l.substitute_for,
      group: l.group,
      entered_at: l.created_at,
    })),
  absences: async (ctx, yearId) =>
    (await listAbsenceViews(ctx.db, { yearId })).map((a) => ({ class: a.class, subject: a.subject, date: a.date, number: a.number, student: a.student, code: a.code, entered_at: a.marked_at })),
  grades: async (ctx, yearId) =>
    (await listGradeViews(ctx.db, { yearId })).map((g) => ({ class: g.class, subject: g.subject, date: g.date, student: g.student, value: g.value, work: g.work, note: g.note, entered_at: g.created_at })),
  // The timetable as it holds from the reference day on, each lesson with the day it started.
  timetable: async (ctx, yearId, onDate) =>
    (await listTimetableSlotViews(ctx.db, { yearId, from: onDate })).map((s) => ({ class: s.class, weekday: s.weekday, number: s.number, subject: s.subject, teacher: s.teacher, from: s.valid_from, group: s.group })),
  groups: async (ctx, yearId, onDate) =>
    (await listGroupViews(ctx.db, yearId, onDate)).map((g) => ({ code: g.code, subject: g.subject, teachers: g.teachers.join('|'), classes: g.classes.join('|'), name: g.name })),
  group_members: async (ctx, yearId) => {
    const rows: { group: string; student: string; from: string; to: string | null }[] = [];
    for (const g of await listGroupViews(ctx.db, yearId, '0000-00-00')) {
      for (const m of await listGroupMemberViews(ctx.db, g.id, yearId)) rows.push({ group: g.code, student: m.student, from: m.from, to: m.to });
    }
    return rows;
  },
  holidays: async (ctx) => (await listHolidays(ctx.db, ctx.school.id)).map((h) => ({ from: h.starts_on, to: h.ends_on, kind: h.kind, name: h.name })),
};

/**
 * Reads one kind for export. Students carry whole personas kodi (a round trip
 * needs them), so exporting them is the registry's right, like entering them.
 */
export async function exportKind<K extends TransferKind>(ctx: ServiceContext, kind: K, options: { excel?: boolean } = {}): Promise<{ table: ExportTable; records: Row<K>[] }> {
  requireReadRight(ctx, 'export-records', { target: kind });
  if (kind === 'students' || kind === 'guardians' || kind === 'staff') {
    // Whole personas kodi leave the journal by an admin's or deputy's name, never anonymously (the operator reads them in place).
    if (!ctx.actor) throw new AppError('usage', t.exportSayWho(kind));
    requireRightToRead(ctx, 'manage-registry');
  }
  const year = await resolveYear(ctx);
  const records = await READERS[kind](ctx, year.id, referenceDate(ctx, year));
  if (options.excel) return { table: excelTable(kind, records, await loadNames(ctx, kind, records)), records };
  const header = KIND_COLUMNS[kind].fields.filter((f) => !NAME_FIELDS.has(f)) as DataFields<K>[];
  return { table: { kind, header, rows: records.map((r) => header.map((field) => r[field])) }, records };
}
