// `export KIND --excel` (issue 18): the file a deputy opens in Latvian Excel.
// Latvian headers, the names of the student, subject and teacher beside their
// codes, dates as DD.MM.YYYY, Latvian words for roles, kinds of work,
// relations, holiday kinds and weekdays; the CLI writes it with `;`, a BOM and
// CRLF (EXCEL_CSV_OPTIONS). Every value is one the importer reads back as the
// same data, so such a file, edited or not, imports again.
//
// CSV, not .xlsx: Latvian Excel opens a `;`-separated UTF-8 file with a BOM
// directly, with its letters and columns right, so a spreadsheet library
// (and a dependency to keep) would buy nothing the importer does not
// already read.
import { displayName } from '../csv/columns.ts';
import type { CsvCell } from '../csv/write.ts';
import { listStaff } from '../db/repositories/staff.ts';
import { findStudentsByCodes } from '../db/repositories/students.ts';
import { listSubjects } from '../db/repositories/subjects.ts';
import { latvianDate, latvianTimestamp, ROLE_LABELS_LV, WORK_LABELS_LV } from '../domain/latvian-values.ts';
import { WEEKDAY_NAMES } from '../domain/timetable.ts';
import type { ServiceContext } from '../services/context.ts';
import { KIND_COLUMNS, NAME_FIELDS, type NameField, type TransferKind } from './columns.ts';
import type { ExportTable } from './export.ts';

/** Whose names a file's name columns show, by code. */
export interface Names {
  subjects: ReadonlyMap<string, string>;
  staff: ReadonlyMap<string, string>;
  students: ReadonlyMap<string, string>;
}

/** Which code each name column names, and where its names come from. */
const NAME_OF: Readonly<Record<NameField, { code: string; names: keyof Names }>> = {
  subject_name: { code: 'subject', names: 'subjects' },
  student_name: { code: 'student', names: 'students' },
  teacher_name: { code: 'teacher', names: 'staff' },
  class_teacher_name: { code: 'class_teacher', names: 'staff' },
  substitute_for_name: { code: 'substitute_for', names: 'staff' },
};

/** Relations as Latvian lists write them; each is one the guardians import reads back (src/services/guardians.ts). */
export const RELATION_LABELS_LV: Readonly<Record<string, string>> = {
  mother: 'māte',
  father: 'tēvs',
  guardian: 'aizbildnis',
  grandmother: 'vecmāmiņa',
  grandfather: 'vectēvs',
  sibling: 'brālis vai māsa',
  other: 'cits',
};

/** Holiday kinds in the words the holidays import reads. */
export const HOLIDAY_KIND_LABELS_LV: Readonly<Record<string, string>> = { 'school-break': 'brīvlaiks', holiday: 'svētku diena', 'working-day': 'darba diena' };

const SEX_LV: Readonly<Record<string, string>> = { M: 'V', F: 'S' };

const DATE_FIELDS = new Set(['date', 'birth_date', 'from', 'to']);

/** One value as the Excel file shows it. */
function excelValue(kind: TransferKind, field: string, value: CsvCell): CsvCell {
  if (value === null || value === undefined || value === '') return value;
  const text = String(value);
  if (DATE_FIELDS.has(field)) return latvianDate(text);
  if (field === 'entered_at') return latvianTimestamp(text);
  if (field === 'work') return WORK_LABELS_LV[text as keyof typeof WORK_LABELS_LV] ?? text;
  if (field === 'roles') return text.split('|').map((r) => ROLE_LABELS_LV[r as keyof typeof ROLE_LABELS_LV] ?? r).join(', ');
  if (field === 'sex') return SEX_LV[text] ?? text;
  if (kind === 'guardians' && field === 'relation') return RELATION_LABELS_LV[text] ?? text;
  if (kind === 'holidays' && field === 'kind') return HOLIDAY_KIND_LABELS_LV[text] ?? text;
  if (kind === 'timetable' && field === 'weekday') return WEEKDAY_NAMES.lv[Number(value) - 1] ?? value;
  return value;
}

/** The kind's records as the Excel file's header and rows: Latvian headers, names beside codes, Latvian values. */
export function excelTable(kind: TransferKind, records: readonly Record<string, CsvCell>[], names: Names): ExportTable {
  const spec = KIND_COLUMNS[kind];
  const fields = spec.fields as readonly string[];
  const header = fields.map((f) => displayName(spec as never, f as never, 'lv'));
  const rows = records.map((record) =>
    fields.map((field) => {
      if (!NAME_FIELDS.has(field)) return excelValue(kind, field, record[field]);
      const { code, names: which } = NAME_OF[field as NameField];
      const value = record[code];
      return value === null || value === undefined || value === '' ? null : (names[which].get(String(value)) ?? null);
    }),
  );
  return { kind, header, rows };
}

/** The names a kind's Excel file shows beside its codes. */
export async function loadNames(ctx: ServiceContext, kind: TransferKind, records: readonly Record<string, CsvCell>[]): Promise<Names> {
  const fields = KIND_COLUMNS[kind].fields as readonly string[];
  const wants = (which: keyof Names) => fields.some((f) => NAME_FIELDS.has(f) && NAME_OF[f as NameField].names === which);
  const subjects = wants('subjects') ? new Map((await listSubjects(ctx.db, ctx.school.id)).map((s) => [s.code, s.name])) : new Map<string, string>();
  const staff = wants('staff') ? new Map((await listStaff(ctx.db, ctx.school.id)).map((s) => [s.code, `${s.first_name} ${s.last_name}`])) : new Map<string, string>();
  const codes = wants('students') ? [...new Set(records.map((r) => r.student).filter((c): c is string => typeof c === 'string' && c !== ''))] : [];
  const students = new Map((await findStudentsByCodes(ctx.db, ctx.school.id, codes)).map((s) => [s.code, `${s.first_name} ${s.last_name}`]));
  return { subjects, staff, students };
}
