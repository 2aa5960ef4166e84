// `ezurnals student export-data`: everything the journal holds about one
// student, for a data-subject access request (GDPR art. 15; REFERENCE §32).
// The tables are found by their foreign keys, not listed here, so a table
// that a later migration adds (individual work, accounts, …) is included the
// day it exists. Secret columns (password hashes, SMS bodies) are left out.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { loadSchema, type Schema } from '../db/introspection.ts';
import { AUDIT_TABLE } from '../db/audit/triggers.ts';
import { isSecretColumn } from '../domain/secret-columns.ts';
import { localTimestamp } from '../domain/dates.ts';
import { auditEntryView, type AuditEntryView } from './audit.ts';
import { auditEntriesAbout } from '../db/repositories/audit-log.ts';
import { requireRight, type ServiceContext } from './context.ts';
import { resolveStudent } from './lookup.ts';

type Row = Record<string, unknown>;

export interface AttendedLesson {
  date: string;
  number: number;
  class: string;
  subject: string;
  topic: string;
  /** The absence code when the student was marked absent; null: present. */
  absence: string | null;
}

export interface StudentDataExport {
  format: 'ezurnals-student-data/1';
  exported_at: string;
  school: string;
  student: Row;
  guardians: Row[];
  /** Every row of every table that refers to the student (and rows that refer to those: a grade's corrections), by table. */
  records: Record<string, Row[]>;
  /** The lessons of the student's classes while they were in them. */
  lessons: AttendedLesson[];
  /** The audit trail of the records above. */
  audit: AuditEntryView[];
}

function withoutSecrets(table: string, row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([column]) => !isSecretColumn(table, column)));
}

async function rowsWhere(db: Db, schema: Schema, table: string, column: string, ids: readonly number[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  const rows = (await db
    .selectFrom(table as never)
    .selectAll()
    .where(sql.ref(column), 'in', [...ids])
    .orderBy(sql.join(schema.keyColumns(table).map((c) => sql.ref(c))))
    .execute()) as Row[];
  return rows.map((r) => withoutSecrets(table, r));
}

/** Adds rows under their table, once each (a row may be reached by two references). */
function gather(records: Record<string, Row[]>, table: string, rows: readonly Row[]): void {
  const list = (records[table] ??= []);
  const seen = new Set(list.map((r) => JSON.stringify(r)));
  for (const row of rows) if (!seen.has(JSON.stringify(row))) list.push(row);
}

const EXCLUDED = new Set([AUDIT_TABLE, 'student', 'guardian']);

async function recordsAbout(db: Db, schema: Schema, studentId: number, guardianIds: readonly number[]): Promise<Record<string, Row[]>> {
  const records: Record<string, Row[]> = {};
  for (const ref of schema.referencesTo('student')) {
    if (EXCLUDED.has(ref.table)) continue;
    const rows = await rowsWhere(db, schema, ref.table, ref.column, [studentId]);
    gather(records, ref.table, rows);
    // One level further: rows about those rows (a grade's corrections, an absence's history).
    const ids = rows.map((r) => r.id).filter((id): id is number => typeof id === 'number');
    for (const nested of schema.referencesTo(ref.table)) {
      if (!EXCLUDED.has(nested.table)) gather(records, nested.table, await rowsWhere(db, schema, nested.table, nested.column, ids));
    }
  }
  // The guardians' own records, except in tables that are about a student: those rows may concern their other children.
  for (const ref of schema.referencesTo('guardian')) {
    if (EXCLUDED.has(ref.table) || schema.referenceFrom(ref.table, 'student')) continue;
    gather(records, ref.table, await rowsWhere(db, schema, ref.table, ref.column, guardianIds));
  }
  return Object.fromEntries(Object.entries(records).filter(([, rows]) => rows.length > 0).sort(([a], [b]) => a.localeCompare(b)));
}

async function lessonsOf(db: Db, studentId: number): Promise<AttendedLesson[]> {
  return db
    .selectFrom('enrollment as e')
    .innerJoin('lesson as l', (join) => join.onRef('l.class_id', '=', 'e.class_id').onRef('l.date', '>=', 'e.from_date'))
    .innerJoin('school_class as c', 'c.id', 'l.class_id')
    .innerJoin('subject as s', 's.id', 'l.subject_id')
    .leftJoin('absence as a', (join) => join.onRef('a.lesson_id', '=', 'l.id').onRef('a.student_id', '=', 'e.student_id').on('a.removed', '=', 0))
    .select(['l.date', 'l.number', 'c.code as class', 's.code as subject', 'l.topic', 'a.code as absence'])
    .where('e.student_id', '=', studentId)
    .where((eb) => eb.or([eb('e.to_date', 'is', null), eb('e.to_date', '>=', eb.ref('l.date'))]))
    .orderBy('l.date')
    .orderBy('l.number')
    .execute();
}

async function auditOf(db: Db, studentId: number, guardianIds: readonly number[]): Promise<AuditEntryView[]> {
  return (await auditEntriesAbout(db, studentId, guardianIds)).map(auditEntryView);
}

export async function exportStudentData(ctx: ServiceContext, ref: string): Promise<StudentDataExport> {
  requireRight(ctx, 'export-personal-data');
  const student = await resolveStudent(ctx, ref);
  const schema = await loadSchema(ctx.db);
  const links = await ctx.db.selectFrom('student_guardian').select('guardian_id').where('student_id', '=', student.id).execute();
  const guardianIds = links.map((l) => l.guardian_id);
  const guardians = await rowsWhere(ctx.db, schema, 'guardian', 'id', guardianIds);
  return {
    format: 'ezurnals-student-data/1',
    exported_at: localTimestamp(ctx.now),
    school: ctx.school.name,
    student: withoutSecrets('student', student as unknown as Row),
    guardians,
    records: await recordsAbout(ctx.db, schema, student.id, guardianIds),
    lessons: await lessonsOf(ctx.db, student.id),
    audit: await auditOf(ctx.db, student.id, guardianIds),
  };
}
