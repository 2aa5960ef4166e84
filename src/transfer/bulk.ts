// The bulk path of `ezurnals import` for big journal files (grades, absences):
// the file is streamed, every reference is loaded once, each row is checked
// with the same pure rules the services use (checkGrade, markTransition,
// justifyTransition, and journal-rules.ts: the school year's dates, enrollment
// on the day, one term grade per subject) and the writes go out through
// prepared single-row statements, in the command's one transaction.
// Messages are those of the per-row path (import-kinds.ts through the
// services), so a user cannot tell which path read their file except by its
// speed.
//
// Differences from the per-row path, on purpose:
// - a grade row's repeat count ("the n-th grade of one kind on one day") is
//   kept per resolved student, not per spelling: a file naming one student by
//   code on some rows and by personas kods on others counts them together.
// - only admins and deputies take this path (they may do every step the
//   services would check); anybody else is routed to the per-row path, whose
//   services check their rights row by row.
import { openSync, readSync, closeSync } from 'node:fs';
import { columnLabel, mapHeader, type HeaderMapping } from '../csv/columns.ts';
import { CsvError, type ImportProblem } from '../csv/errors.ts';
import { readCsv, rowWidthProblem, streamCsv, type CsvRow } from '../csv/read.ts';
import { AppError } from '../errors.ts';
import type { SchoolClass, SchoolYear, Student, Subject, AbsenceCode } from '../db/schema.ts';
import { checkGrade, type GradeCheck, type WorkKind } from '../domain/grade-scale.ts';
import { ABSENCE_CODES, justifyTransition, markTransition, type MarkCode } from '../domain/absence.ts';
import { localDateOf, type IsoDate } from '../domain/dates.ts';
import { defaultTermDate, futureGradeReason, gradeDateRequired, isTermLike, notEnrolledReason, outsideYearReason, termGradeTakenReason } from '../domain/journal-rules.ts';
import { checkPersonalCode } from '../domain/personal-code.ts';
// The per-row path names a student by name and code (issue 18 §4); the bulk path says the same.
import { named } from '../i18n/messages/journal-people.ts';
import { m as files } from '../i18n/messages/files-import.ts';
import { m as lessonWords } from '../i18n/messages/journal-lessons.ts';
import { m as w } from '../i18n/messages/words.ts';
import { insertGradeChange, updateGrade } from '../db/repositories/grades.ts';
import { requireActor, timestamp, type ServiceContext } from '../services/context.ts';
import { requireInteger } from '../services/input.ts';
import { resolveYear } from '../services/lookup.ts';
import { LESSON_NUMBERS } from '../services/lessons.ts';
import { KIND_COLUMNS, reportUnknownColumns, type TransferKind } from './columns.ts';
import { enteredAtCell, isoDate, Refs, sameRowReason, work as workOf, type FieldOf } from './import-kinds.ts';
import type { ImportOptions, ImportSource, KindSummary } from './import.ts';
import { dialectOf } from '../db/dialect.ts';
import { widenPageCache } from '../db/connection.ts';
import { loadJournalRefs, type JournalRefs, type StoredAbsence, type StoredGrade } from '../db/repositories/journal-refs.ts';

/**
 * Journal files with at least this many lines take the bulk path; smaller ones
 * the per-row path. Mutable only so tests can run one file through both paths.
 */
export const bulkSettings = { minRows: 2000 };
const BULK_KINDS: readonly TransferKind[] = ['grades', 'absences'];

export type BulkSource = ImportSource & { path?: string };

/** hasLines' answers: `import` asks once to choose the transaction, once again to route each file. */
const enoughLines = new WeakMap<BulkSource, { limit: number; answer: boolean }>();

/** At least `limit` line breaks in the source? (Stops counting there: a quick look, not a read of the file.) */
function hasLines(source: BulkSource, limit: number): boolean {
  const known = enoughLines.get(source);
  if (known?.limit === limit) return known.answer;
  const answer = countLines(source, limit);
  enoughLines.set(source, { limit, answer });
  return answer;
}

function countLines(source: BulkSource, limit: number): boolean {
  let count = 0;
  const scan = (bytes: Uint8Array, n: number) => {
    for (let i = bytes.indexOf(10); i >= 0 && i < n; i = bytes.indexOf(10, i + 1)) if (++count >= limit) return true;
    return false;
  };
  if (!source.path) return scan(source.bytes, source.bytes.length);
  const fd = openSync(source.path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) if (scan(buffer, n)) return true;
    return false;
  } finally {
    closeSync(fd);
  }
}

/** Whether this source goes through `bulkImport`. */
export function takesBulkPath(ctx: ServiceContext, source: BulkSource): boolean {
  if (!BULK_KINDS.includes(source.kind)) return false;
  const roles = ctx.actor?.roles ?? [];
  if (!roles.includes('admin') && !roles.includes('deputy')) return false;
  return hasLines(source, bulkSettings.minRows);
}

interface RowSource {
  header: string[];
  headerLine: number;
  delimiter: string;
  batches: AsyncIterable<CsvRow[]>;
  close(): Promise<void>;
}

async function openRows(source: BulkSource, options: ImportOptions): Promise<RowSource> {
  if (source.path) {
    const stream = await streamCsv(source.path, { file: source.file, encoding: options.encoding, delimiter: options.delimiter });
    return { header: stream.header, headerLine: stream.headerLine, delimiter: stream.delimiter, batches: stream.batches(), close: () => stream.close() };
  }
  const table = readCsv({ bytes: source.bytes, file: source.file, encoding: options.encoding, delimiter: options.delimiter });
  const batches = (function* () {
    for (let i = 0; i < table.rows.length; i += 4096) yield table.rows.slice(i, i + 4096);
  })();
  return { header: table.header, headerLine: table.headerLine, delimiter: table.delimiter, batches: toAsync(batches), close: async () => undefined };
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

const lower = (...parts: (string | undefined)[]) => parts.map((p) => (p ?? '').toLowerCase()).join('\u0000');

/** Per-file state shared by both kinds: the row's cells, problems, and cached lookups with the per-row path's messages. */
class BulkFile<F extends string> {
  failedRows = 0;
  private readonly refs: Refs;
  private readonly misses = new Map<string, string>();
  private readonly dates = new Map<string, IsoDate | string>();
  readonly idx: Record<F, number | undefined>;
  /** The kind's required columns, looked up once rather than on every row. */
  private readonly required: readonly F[];

  constructor(
    readonly ctx: ServiceContext,
    readonly kind: TransferKind,
    readonly file: string,
    readonly mapping: HeaderMapping<F>,
    readonly sink: ImportProblem[],
    readonly data: JournalRefs,
  ) {
    this.refs = new Refs(ctx);
    this.idx = mapping.index;
    const spec = KIND_COLUMNS[kind];
    const defs = spec.defs as Record<string, { required?: boolean }>;
    this.required = (spec.fields as readonly F[]).filter((field) => defs[field]!.required);
  }

  cell(cells: readonly string[], field: F): string | undefined {
    const i = this.idx[field];
    return i === undefined ? undefined : (cells[i] ?? '');
  }

  fail(line: number, cells: readonly string[], field: F | undefined, reason: string): void {
    const problem: ImportProblem = { file: this.file, line, reason };
    if (field !== undefined) {
      problem.column = columnLabel(this.mapping, KIND_COLUMNS[this.kind] as never, field as never);
      const value = this.cell(cells, field);
      if (value !== undefined) problem.value = value;
    }
    this.sink.push(problem);
  }

  /** The per-row path's message for a reference that is not there (Refs builds it, with the known values). */
  private async missing(what: 'class' | 'subject' | 'student', ref: string): Promise<string> {
    const key = `${what}:${ref}`;
    let message = this.misses.get(key);
    if (message === undefined) {
      try {
        await this.refs[what](ref);
        message = files.notInThisYear(what, ref);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        message = error.message;
      }
      this.misses.set(key, message);
    }
    return message;
  }

  // Hits are answered synchronously (no promise per row); only a miss awaits its message.
  classOf(line: number, cells: readonly string[], field: F, ref: string): SchoolClass | undefined | Promise<undefined> {
    return this.data.classes.get(ref) ?? this.missed(line, cells, field, 'class', ref);
  }

  subjectOf(line: number, cells: readonly string[], field: F, ref: string): Subject | undefined | Promise<Subject | undefined> {
    return this.data.subjects.get(ref) ?? this.subjectByName(line, cells, field, ref);
  }

  /** A subject named by its name (issue 18), as the per-row path finds it; remembered under that name. */
  private async subjectByName(line: number, cells: readonly string[], field: F, ref: string): Promise<Subject | undefined> {
    const key = `subject:${ref}`;
    let message = this.misses.get(key);
    if (message === undefined) {
      try {
        const subject = await this.refs.subject(ref);
        this.data.subjects.set(ref, subject);
        return subject;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        message = error.message;
        this.misses.set(key, message);
      }
    }
    this.fail(line, cells, field, message);
    return undefined;
  }

  studentOf(line: number, cells: readonly string[], field: F, ref: string): Student | undefined | Promise<undefined> {
    let found = this.data.students.get(ref);
    if (!found) {
      const personal = checkPersonalCode(ref);
      if (personal.ok) found = this.data.studentsByPersonalCode.get(personal.normalized);
    }
    return found ?? this.missed(line, cells, field, 'student', ref);
  }

  private async missed(line: number, cells: readonly string[], field: F, what: 'class' | 'subject' | 'student', ref: string): Promise<undefined> {
    this.fail(line, cells, field, await this.missing(what, ref));
    return undefined;
  }

  /** isoDate of the per-row path, remembered per spelling (a file has a few hundred dates). */
  dateOf(line: number, cells: readonly string[], field: F, value: string | undefined): IsoDate | undefined | null {
    if (!value) return undefined;
    let date = this.dates.get(value);
    if (date === undefined) {
      try {
        date = isoDate(value)!;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        date = `!${error.message}`;
      }
      this.dates.set(value, date);
    }
    if (date.startsWith('!')) {
      this.fail(line, cells, field, date.slice(1));
      return null;
    }
    return date as IsoDate;
  }

  /** The row's `entered_at` as stored (the import's own time when empty); null after reporting a bad one. */
  enteredAtOf(line: number, cells: readonly string[], now: string): string | null {
    const value = this.cell(cells, 'entered_at' as F);
    try {
      return enteredAtCell(this.ctx, value) ?? now;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      this.fail(line, cells, 'entered_at' as F, error.message);
      return null;
    }
  }

  /** A row of the right width with its required values; otherwise its problems are reported and it counts as failed. */
  usable(table: Parameters<typeof rowWidthProblem>[0], row: Parameters<typeof rowWidthProblem>[1]): boolean {
    const width = rowWidthProblem(table, row);
    if (width) this.sink.push(width);
    if (width || this.requiredMissing(row.line, row.cells)) {
      this.failedRows++;
      return false;
    }
    return true;
  }

  requiredMissing(line: number, cells: readonly string[]): boolean {
    let failed = false;
    for (const field of this.required) {
      if (!this.cell(cells, field)) {
        this.fail(line, cells, field, w.valueRequired);
        failed = true;
      }
    }
    return failed;
  }

  isEnrolled(classId: number, studentId: number, date: string): boolean {
    const spans = this.data.enrollments.get(classId)?.get(studentId);
    if (spans) for (const s of spans) if (s.from <= date && (s.to === null || s.to >= date)) return true;
    return false;
  }
}

/**
 * Imports one big grades or absences file. Problems go to `sink` (the caller
 * throws them and the transaction rolls back); writes stop at the first one.
 */
export async function bulkImport(
  ctx: ServiceContext,
  source: BulkSource,
  options: ImportOptions,
  sink: ImportProblem[],
  collectFileErrors: boolean,
): Promise<KindSummary> {
  const summary: KindSummary = { kind: source.kind, file: source.file, created: 0, updated: 0, unchanged: 0, errors: 0 };
  const before = sink.length;
  let rows: RowSource;
  let mapping: HeaderMapping<string>;
  try {
    rows = await openRows(source, options);
    try {
      mapping = mapHeader(rows.header, KIND_COLUMNS[source.kind] as never, source.file, rows.headerLine) as HeaderMapping<string>;
    } catch (error) {
      await rows.close();
      throw error;
    }
  } catch (error) {
    if (!(error instanceof CsvError) || !collectFileErrors) throw error;
    sink.push(...(error.problems.length > 0 ? error.problems : [{ file: source.file, line: 1, reason: error.message }]));
    summary.errors = sink.length - before;
    return summary;
  }
  reportUnknownColumns(mapping, source.kind, rows.headerLine, options, sink);
  const year = await resolveYear(ctx);
  const data = await loadJournalRefs(ctx.db, ctx.school, year, source.kind as 'grades' | 'absences');
  // SQLite's default page cache is 2 MB: a million-row import then keeps evicting the pages of the indexes it is
  // inserting into (measured: 400k grades 13.3 s at 2 MB, 7.9 s at 64 MB, no better at 256 MB). Since the bulk rows go
  // in 64 to a statement and their audit entries in one statement per write, 32 MB does as well as 64 and 128
  // (300,000 grades, 2026-12-03) and keeps the import's peak RSS near 250 MB rather than 290 (target < 300).
  await widenPageCache(ctx.db, 32);
  const table = { file: source.file, header: rows.header, delimiter: rows.delimiter };
  try {
    if (source.kind === 'grades') {
      const f = new BulkFile<FieldOf<'grades'>>(ctx, 'grades', source.file, mapping as never, sink, data);
      await importGrades(f, year, rows.batches, table, summary);
      summary.errors = f.failedRows;
    } else {
      const f = new BulkFile<FieldOf<'absences'>>(ctx, 'absences', source.file, mapping as never, sink, data);
      await importAbsences(f, rows.batches, table, summary);
      summary.errors = f.failedRows;
    }
  } finally {
    await rows.close();
  }
  return summary;
}

type Table = { file: string; header: readonly string[]; delimiter: string };

async function importGrades(f: BulkFile<FieldOf<'grades'>>, year: SchoolYear, batches: AsyncIterable<CsvRow[]>, table: Table, summary: KindSummary): Promise<void> {
  const { ctx, data } = f;
  const actor = requireActor(ctx);
  const at = timestamp(ctx);
  const today = localDateOf(ctx.now);
  const reason = `Imports: ${f.file}`;
  const works = new Map<string, WorkKind | string>();
  const checks = new Map<string, GradeCheck>();
  const occurrences = new Map<string, number>();
  /** Each whole row (class, subject, student, work, date, value, note, entered_at) and its line: the same row twice is a duplicate. */
  const sameRows = new Map<string, number>();
  const db = ctx.db;
  const grades = dialectOf(db).bulkInsert(db, 'grade', [
    'id', 'school_id', 'school_year_id', 'student_id', 'class_id', 'subject_id', 'lesson_id', 'date', 'work', 'value', 'note', 'exempt_certificate', 'created_at', 'created_by', 'updated_at', 'updated_by',
  ]);
  let nextId = data.maxGradeId;
  const clean = () => f.sink.length === 0;

  for await (const batch of batches) {
    for (const row of batch) {
      const { line, cells } = row;
      if (!f.usable(table, row)) continue;
      const problemsBefore = f.sink.length;
      // The cell checks of the per-row path, each reported on its column, in its order.
      let schoolClass = f.classOf(line, cells, 'class', f.cell(cells, 'class')!);
      if (schoolClass instanceof Promise) schoolClass = await schoolClass;
      let subject = f.subjectOf(line, cells, 'subject', f.cell(cells, 'subject')!);
      if (subject instanceof Promise) subject = await subject;
      const date = f.dateOf(line, cells, 'date', f.cell(cells, 'date'));
      let student = f.studentOf(line, cells, 'student', f.cell(cells, 'student')!);
      if (student instanceof Promise) student = await student;
      const workCell = f.cell(cells, 'work') ?? '';
      let kind = works.get(workCell);
      if (kind === undefined) {
        try {
          kind = workOf(workCell);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          kind = `!${error.message}`;
        }
        works.set(workCell, kind);
      }
      if (kind.startsWith('!')) {
        f.fail(line, cells, 'work', kind.slice(1));
        kind = undefined;
      }
      const work = kind as WorkKind | undefined;
      let value: string | undefined;
      if (work && schoolClass) {
        const raw = f.cell(cells, 'value')!;
        const ck = `${schoolClass.level}\u0000${work}\u0000${raw}`;
        let check = checks.get(ck);
        if (!check) checks.set(ck, (check = checkGrade({ value: raw, work, level: schoolClass.level, exemptCertificate: null })));
        if (check.ok) value = check.value;
        else f.fail(line, cells, 'value', check.reason);
      }
      const enteredAt = f.enteredAtOf(line, cells, at);
      if (f.sink.length > problemsBefore || !schoolClass || !subject || !student || !work || value === undefined || date === null || enteredAt === null) {
        f.failedRows++;
        continue;
      }
      const noteCell = f.cell(cells, 'note');
      const whole = `${schoolClass.id}|${subject.id}|${student.id}|${work}|${date ?? ''}|${value}|${noteCell ?? ''}|${f.cell(cells, 'entered_at') ?? ''}`;
      const same = sameRows.get(whole);
      if (same !== undefined) {
        const label = files.labelGrade(f.cell(cells, 'student') ?? '', f.cell(cells, 'class') ?? '', f.cell(cells, 'subject') ?? '', date ?? '', work);
        f.fail(line, cells, 'student', sameRowReason(label, same));
        f.failedRows++;
        continue;
      }
      sameRows.set(whole, line);
      // The stored grade this row is about: the n-th of its kind that day (n counted over the file).
      // Into an empty year, the usual first import, there is nothing to look for (nor a key to build).
      let sameKey: StoredGrade[] | undefined;
      if (data.gradesByKey.size > 0) {
        sameKey = date
          ? data.gradesByKey.get(`${schoolClass.id}|${subject.id}|${student.id}|${work}|${date}`)
          : data.gradesAnyDate(schoolClass.id, subject.id, student.id, work);
      }
      let stored: StoredGrade | undefined;
      if (sameKey) {
        const occKey = `${schoolClass.id}|${subject.id}|${student.id}|${work}|${date ?? ''}`;
        const occurrence = occurrences.get(occKey) ?? 0;
        occurrences.set(occKey, occurrence + 1);
        stored = sameKey[occurrence];
      }
      const note = noteCell === undefined ? undefined : noteCell === '' ? null : noteCell;
      if (stored?.value === value) {
        summary.unchanged++;
        continue;
      }
      if (stored) {
        // As `grade correct`: the old value and the reason stay in the history.
        if (clean()) {
          const newNote = note === undefined ? stored.note : note;
          await updateGrade(db, stored.id, { value, note: newNote, exempt_certificate: value === 'a' ? stored.exempt_certificate : null, updated_at: at, updated_by: actor.id });
          await insertGradeChange(db, { grade_id: stored.id, value_before: stored.value, value_after: value, reason, changed_by: actor.id, changed_at: at });
          stored.value = value;
          stored.note = newNote;
        }
        summary.updated++;
        continue;
      }
      // A new grade: the checks of `grade add`, in its order; the first refusal is the row's.
      const isTerm = isTermLike(work);
      const on = date ?? defaultTermDate(work, year);
      const taken = isTerm ? data.termGrades.get(`${student.id}|${subject.id}|${work}`) : undefined;
      if (!on) f.fail(line, cells, 'date', gradeDateRequired());
      else {
        const dateReason = outsideYearReason(on, year) ?? futureGradeReason(on, today, isTerm);
        if (dateReason) f.fail(line, cells, 'date', dateReason);
        else if (!f.isEnrolled(schoolClass.id, student.id, on)) f.fail(line, cells, 'student', notEnrolledReason(schoolClass.code, on, [named(student)]));
        else if (taken) f.fail(line, cells, undefined, termGradeTakenReason([named(student)], work, subject.code, taken));
      }
      if (f.sink.length > problemsBefore) {
        f.failedRows++;
        continue;
      }
      const id = ++nextId;
      if (isTerm) data.termGrades.set(`${student.id}|${subject.id}|${work}`, [id]);
      if (clean()) grades.add([id, ctx.school.id, year.id, student.id, schoolClass.id, subject.id, null, on, work, value, note ?? null, null, enteredAt, actor.id, enteredAt, actor.id]);
      summary.created++;
    }
  }
  // One flush at the end: the dialect writes as its buffer fills (each SQLite write is a trigger swap, a schema change).
  await grades.flush();
  await dialectOf(db).afterBulkIds(db, 'grade');
}


async function importAbsences(f: BulkFile<FieldOf<'absences'>>, batches: AsyncIterable<CsvRow[]>, table: Table, summary: KindSummary): Promise<void> {
  const { ctx, data } = f;
  const actor = requireActor(ctx);
  const at = timestamp(ctx);
  const keys = new Map<string, number>();
  const numbers = new Map<string, number | string>();
  let nextId = data.maxAbsenceId;
  const created: StoredAbsence[] = [];
  const changes: { absence: StoredAbsence; action: 'mark' | 'remark' | 'restore' | 'justify'; before: AbsenceCode | null; after: AbsenceCode }[] = [];

  for await (const batch of batches) {
    for (const row of batch) {
      const { line, cells } = row;
      if (!f.usable(table, row)) continue;
      const cls = f.cell(cells, 'class')!;
      const subj = f.cell(cells, 'subject')!;
      const dateCell = f.cell(cells, 'date')!;
      const numberCell = f.cell(cells, 'number');
      const studentCell = f.cell(cells, 'student')!;
      const problemsBefore = f.sink.length;
      {
        const shownDate = isoDateOrRaw(dateCell);
        const key = lower(cls, subj, shownDate, numberCell, studentCell);
        const earlier = keys.get(key);
        if (earlier !== undefined) {
          f.fail(line, cells, 'student', files.duplicate(files.labelAbsence(studentCell, cls, subj, shownDate, numberCell ?? ''), earlier));
        } else keys.set(key, line);
      }
      if (f.sink.length > problemsBefore) {
        f.failedRows++;
        continue;
      }
      let schoolClass = f.classOf(line, cells, 'class', cls);
      if (schoolClass instanceof Promise) schoolClass = await schoolClass;
      let subject = f.subjectOf(line, cells, 'subject', subj);
      if (subject instanceof Promise) subject = await subject;
      const date = f.dateOf(line, cells, 'date', dateCell);
      let number: number | undefined;
      if (numberCell) {
        let n = numbers.get(numberCell);
        if (n === undefined) {
          try {
            n = requireInteger(numberCell, 'number', LESSON_NUMBERS.min, LESSON_NUMBERS.max);
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            n = error.message;
          }
          numbers.set(numberCell, n);
        }
        if (typeof n === 'string') f.fail(line, cells, 'number', n);
        else number = n;
      }
      let student = f.studentOf(line, cells, 'student', studentCell);
      if (student instanceof Promise) student = await student;
      const code = f.cell(cells, 'code')!.toLowerCase() as AbsenceCode;
      if (!(ABSENCE_CODES as readonly string[]).includes(code)) f.fail(line, cells, 'code', files.badAbsenceCode);
      const enteredAt = f.enteredAtOf(line, cells, at);
      if (f.sink.length > problemsBefore || !schoolClass || !subject || !date || !student || enteredAt === null) {
        f.failedRows++;
        continue;
      }
      // resolveLesson: the lesson of that class, subject and day (and number).
      const candidates = data.lessons.get(`${schoolClass.id}|${subject.id}|${date}`) ?? [];
      let matching = number === undefined ? candidates : candidates.filter((l) => l.number === number);
      // Two groups' lessons in one slot: the student's group's (as resolveLesson does).
      if (matching.length > 1 && matching.some((l) => l.group_id !== null)) {
        const theirs = matching.filter((l) => l.group_id !== null && data.inGroup(l.group_id, student!.id, l.date));
        if (theirs.length > 0) matching = theirs;
      }
      if (matching.length !== 1) {
        f.fail(line, cells, 'date', matching.length === 0
          ? lessonWords.noLessonOn(subject.code, schoolClass.code, date, number)
          : lessonWords.severalLessons(schoolClass.code, subject.code, matching.map((l) => l.number).join(', '), date));
        f.failedRows++;
        continue;
      }
      const lesson = matching[0]!;
      const stored = data.absences.get(`${lesson.id}|${student.id}`);
      const current = stored && !stored.removed ? stored.code : undefined;
      if (current === code) {
        summary.unchanged++;
        continue;
      }
      // A justified absence is a class teacher's decision on a mark: the mark first, then the decision.
      const mark: MarkCode = code === 'ns' || code === 'nc' ? 'n' : code;
      if (current !== mark) {
        if (!f.isEnrolled(schoolClass.id, student.id, lesson.date)) {
          f.fail(line, cells, 'student', notEnrolledReason(schoolClass.code, lesson.date, [named(student)]));
          f.failedRows++;
          continue;
        }
        const outcome = markTransition(stored ? { code: stored.code, removed: stored.removed } : null, mark);
        if (outcome.kind === 'refuse') {
          f.fail(line, cells, undefined, `${student.code}: ${outcome.reason}.`);
          f.failedRows++;
          continue;
        }
        if (outcome.kind === 'create') {
          const absence: StoredAbsence = { id: ++nextId, lessonId: lesson.id, studentId: student.id, date: lesson.date, number: lesson.number, markedCode: mark, code: mark, removed: false, decided: false, note: null, dirty: true, isNew: true, markedAt: enteredAt };
          created.push(absence);
          data.addAbsence(absence);
          changes.push({ absence, action: 'mark', before: null, after: mark });
        } else if (outcome.kind === 'change' || outcome.kind === 'restore') {
          const to = outcome.kind === 'change' ? outcome.to : outcome.code;
          changes.push({ absence: stored!, action: outcome.kind === 'change' ? 'remark' : 'restore', before: stored!.removed ? null : stored!.code, after: to });
          Object.assign(stored!, { markedCode: to, code: to, removed: false, decided: false, marked: true, dirty: true });
        }
      }
      if (mark !== code) {
        // justifyAbsences for that student and day: every unjustified mark of the day, in lesson order.
        const reason = code === 'ns' ? 'illness' : 'other';
        const day = (data.absencesOfDay.get(`${student.id}|${lesson.date}`) ?? []).filter((a) => !a.removed && a.code === 'n').sort((a, b) => a.number - b.number);
        for (const absence of day) {
          const next = justifyTransition(absence.code, reason)!;
          changes.push({ absence, action: 'justify', before: absence.code, after: next });
          Object.assign(absence, { code: next, decided: true, dirty: true });
        }
      }
      if (stored) summary.updated++;
      else summary.created++;
    }
  }
  if (f.sink.length > 0) return;
  // What only the checks needed goes before the writes fill SQLite's cache.
  keys.clear();
  data.absences.clear();
  data.absencesOfDay.clear();
  await writeAbsences(ctx, data, created, changes, actor.id, at);
}

function isoDateOrRaw(value: string): string {
  try {
    return isoDate(value) ?? value;
  } catch {
    return value;
  }
}

async function writeAbsences(
  ctx: ServiceContext,
  data: JournalRefs,
  created: StoredAbsence[],
  changes: { absence: StoredAbsence; action: string; before: AbsenceCode | null; after: AbsenceCode }[],
  actorId: number,
  at: string,
): Promise<void> {
  const db = ctx.db;
  const dialect = dialectOf(db);
  const inserts = dialect.bulkInsert(db, 'absence', [
    'id', 'school_id', 'lesson_id', 'student_id', 'marked_code', 'code', 'marked_by', 'marked_at', 'decided_by', 'decided_at', 'note', 'removed', 'updated_at', 'updated_by',
  ]);
  for (const a of created) {
    inserts.add([a.id, ctx.school.id, a.lessonId, a.studentId, a.markedCode, a.code, actorId, a.markedAt ?? at, a.decided ? actorId : null, a.decided ? at : null, a.note, 0, a.markedAt ?? at, actorId]);
  }
  await inserts.flush();
  await dialect.afterBulkIds(db, 'absence');
  for (const a of data.changedExisting()) {
    const set: Record<string, unknown> = { code: a.code, removed: a.removed ? 1 : 0, updated_at: at, updated_by: actorId };
    if (a.marked) Object.assign(set, { marked_code: a.markedCode, marked_by: actorId, marked_at: at, decided_by: null, decided_at: null });
    if (a.decided) Object.assign(set, { decided_by: actorId, decided_at: at });
    await db.updateTable('absence').set(set).where('id', '=', a.id).execute();
  }
  const history = dialect.bulkInsert(db, 'absence_change', ['absence_id', 'action', 'code_before', 'code_after', 'reason', 'changed_by', 'changed_at']);
  for (const c of changes) history.add([c.absence.id, c.action, c.before, c.after, null, actorId, c.action === 'mark' ? (c.absence.markedAt ?? at) : at]);
  await history.flush();
}
