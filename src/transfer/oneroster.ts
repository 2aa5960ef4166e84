// `ezurnals import oneroster`: a OneRoster 1.1 CSV package (REFERENCE §9) —
// a folder or a .zip — translated into our kinds and fed row by row through
// the very handlers `import KIND` uses (import-kinds.ts), so a roster can
// never store what the CSV importer or the commands would refuse. Only the
// translation lives here; every problem, ours or a service's, is reported
// at the OneRoster file, line and column it came from.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { HeaderMapping } from '../csv/columns.ts';
import { CsvError, type ImportProblem } from '../csv/errors.ts';
import { readCsv } from '../csv/read.ts';
import { parseYearCode } from '../domain/school-year.ts';
import { AppError, notFound } from '../errors.ts';
import { requireActor, type ServiceContext } from '../services/context.ts';
import { resolveYear } from '../services/lookup.ts';
import { IMPORT_ORDER, KIND_COLUMNS, type TransferKind } from './columns.ts';
import type { FieldOf } from './import-kinds.ts';
import { ImportFailed, Row, RowApplier, type KindSummary } from './import.ts';
import { isZip, readZip } from './zip.ts';

// --- The package -------------------------------------------------------------------

/** The files this importer reads; any other file in the package is named as ignored. */
const USED = ['manifest', 'orgs', 'academicSessions', 'courses', 'classes', 'users', 'enrollments', 'lineItems', 'results'] as const;
type UsedFile = (typeof USED)[number];

/** Required columns (OneRoster 1.1 CSV, as far as we use them); results name the student either way, checked separately. */
const REQUIRED: Record<UsedFile, readonly string[]> = {
  manifest: ['propertyName', 'value'],
  orgs: ['sourcedId', 'name', 'type'],
  academicSessions: ['sourcedId', 'title', 'type', 'startDate', 'endDate', 'schoolYear'],
  courses: ['sourcedId', 'title', 'orgSourcedId'],
  classes: ['sourcedId', 'title', 'courseSourcedId', 'classType', 'schoolSourcedId', 'termSourcedIds'],
  users: ['sourcedId', 'enabledUser', 'orgSourcedIds', 'role', 'username', 'givenName', 'familyName'],
  enrollments: ['sourcedId', 'classSourcedId', 'schoolSourcedId', 'userSourcedId', 'role'],
  lineItems: ['sourcedId', 'title', 'classSourcedId'],
  results: ['sourcedId', 'lineItemSourcedId', 'scoreStatus'],
};

export interface OneRosterPackage {
  path: string;
  /** By file name (`users.csv`): the name used in messages and the bytes. */
  files: Map<string, { file: string; bytes: Uint8Array }>;
}

/** Reads DIR or ZIP; refuses a package without manifest.csv (it says which files are bulk, delta or absent). */
export function loadOneRoster(path: string): OneRosterPackage {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw notFound(`${path}: no such folder or file.`);
  }
  const files = new Map<string, { file: string; bytes: Uint8Array }>();
  if (stat.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      if (name.startsWith('.') || !statSync(full).isFile()) continue;
      files.set(name, { file: full, bytes: readFileSync(full) });
    }
  } else {
    const bytes = readFileSync(path);
    if (!isZip(bytes)) throw new AppError('invalid', `${path} is neither a folder nor a ZIP archive: give the OneRoster folder or its .zip.`);
    // Zips made by "compress folder" put everything under one folder; macOS adds __MACOSX/ shadows.
    for (const entry of readZip(bytes, path)) {
      if (entry.name.startsWith('__MACOSX/') || basename(entry.name).startsWith('.')) continue;
      files.set(basename(entry.name), { file: `${path}/${entry.name}`, bytes: entry.bytes });
    }
  }
  if (!files.has('manifest.csv')) {
    throw new AppError('invalid', `${path}: no manifest.csv, so this is not a OneRoster 1.1 CSV package (found: ${[...files.keys()].join(', ') || 'nothing'}).`);
  }
  return { path, files };
}

/** One OneRoster record: values by exact column name (OneRoster headers are case-sensitive). */
class ORow {
  constructor(
    readonly file: string,
    readonly line: number,
    private readonly cells: readonly string[],
    private readonly header: ReadonlyMap<string, number>,
  ) {}

  get(column: string): string | undefined {
    const i = this.header.get(column);
    return i === undefined ? undefined : (this.cells[i] ?? '').trim();
  }
}

interface OFile {
  file: string;
  rows: ORow[];
}

/** Where a value came from, for the problem report. */
interface Origin {
  file: string;
  line: number;
  column?: string;
  value?: string;
}

const at = (row: ORow, column?: string): Origin => (column === undefined ? { file: row.file, line: row.line } : { file: row.file, line: row.line, column, value: row.get(column) });

function parseFile(name: UsedFile, source: { file: string; bytes: Uint8Array }, sink: ImportProblem[]): OFile {
  const empty = { file: source.file, rows: [] };
  let table;
  try {
    // OneRoster is comma-separated UTF-8 by definition: detection could only guess wrong on a one-column file.
    table = readCsv({ bytes: source.bytes, file: source.file, delimiter: ',' });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    sink.push(...(error.problems.length > 0 ? error.problems : [{ file: source.file, line: 1, reason: error.message }]));
    return empty;
  }
  const header = new Map<string, number>();
  table.header.forEach((h, i) => {
    if (!header.has(h.trim())) header.set(h.trim(), i);
  });
  const missing = REQUIRED[name].filter((c) => !header.has(c));
  if (name === 'results' && !header.has('studentSourcedId') && !header.has('userSourcedId')) missing.push('studentSourcedId');
  for (const column of missing) {
    const near = table.header.find((h) => h.trim().toLowerCase() === column.toLowerCase());
    sink.push({
      file: source.file,
      line: table.headerLine,
      column,
      reason: `required column missing${near ? ` ("${near.trim()}" differs in case: OneRoster headers are case-sensitive)` : ''}; columns found: ${table.header.join(', ')}`,
    });
  }
  if (missing.length > 0) return empty;
  const rows = table.rows.map((r) => new ORow(source.file, r.line, r.cells, header));
  if (name !== 'manifest') {
    const seen = new Map<string, number>();
    for (const row of rows) {
      const id = row.get('sourcedId');
      if (!id) sink.push({ ...at(row, 'sourcedId'), reason: 'a value is required here' });
      else if (seen.has(id)) sink.push({ ...at(row, 'sourcedId'), reason: `duplicate sourcedId (also on line ${seen.get(id)})` });
      else seen.set(id, row.line);
    }
  }
  return { file: source.file, rows: rows.filter((r) => name === 'manifest' || r.get('sourcedId')) };
}

// --- Synthetic rows through the kind handlers ------------------------------------------

interface Synthetic<K extends TransferKind> {
  values: Partial<Record<FieldOf<K>, string>>;
  /** The record the row stands for: problems without a better place go here. */
  origin: Origin;
  /** Per field, when it came from another column or file (a class from enrollments.csv). */
  from: Partial<Record<FieldOf<K>, Origin>>;
}

/** A Row whose problems point into the OneRoster files instead of a CSV of our kind. */
class SourcedRow<F extends string> extends Row<F> {
  constructor(
    ctx: ServiceContext,
    kind: TransferKind,
    values: Record<F, string | undefined>,
    private readonly origin: Origin,
    private readonly from: Partial<Record<F, Origin>>,
    private readonly problems: ImportProblem[],
  ) {
    super(ctx, origin.file, origin.line, { file: origin.file, index: {}, names: {}, unknown: [], language: 'en' } as unknown as HeaderMapping<F>, kind, values, problems);
  }

  override fail(field: F | undefined, reason: string): void {
    this.failed = true;
    const where = (field !== undefined && this.from[field]) || this.origin;
    const problem: ImportProblem = { file: where.file, line: where.line, reason };
    if (field !== undefined) {
      problem.column = where.column ?? field;
      const value = where.value ?? this.values[field];
      if (value !== undefined) problem.value = value;
    }
    this.problems.push(problem);
  }
}

/** Synthetic rows of one kind through the same row loop as `import KIND`. */
async function importRows<K extends TransferKind>(ctx: ServiceContext, kind: K, file: string, rows: readonly Synthetic<K>[], sink: ImportProblem[]): Promise<KindSummary> {
  type F = FieldOf<K>;
  const summary: KindSummary = { kind, file, created: 0, updated: 0, unchanged: 0, errors: 0 };
  if (rows.length === 0) return summary;
  const applier = new RowApplier<F>(ctx, kind);
  const fields = KIND_COLUMNS[kind].fields as readonly F[];
  for (const synthetic of rows) {
    const values = {} as Record<F, string | undefined>;
    for (const field of fields) values[field] = synthetic.values[field];
    const outcome = await applier.apply(new SourcedRow<F>(ctx, kind, values, synthetic.origin, synthetic.from, sink), synthetic.origin.line);
    if (outcome === null) summary.errors++;
    else summary[outcome]++;
  }
  return summary;
}

// --- Translation -------------------------------------------------------------------

export interface OneRosterSkipped {
  /** users with enabledUser=false (and their enrollments and results). */
  disabledUsers: number;
  /** users whose role we have no use for (aide, proctor, student without a class…). */
  otherRoles: number;
  /** results whose scoreStatus is not "fully graded" or "submitted". */
  ungradedResults: number;
  /** delta rows with status=tobedeleted: we never delete from the journal on an import. */
  deletions: number;
}

export interface OneRosterResult {
  summary: KindSummary[];
  /** Files in the package this importer does not read (or the manifest calls absent), by name. */
  ignored: string[];
  skipped: OneRosterSkipped;
}

const GUARDIAN_ROLES: Record<string, string> = { parent: 'guardian', guardian: 'guardian', relative: 'other' };
const STAFF_ROLES: Record<string, string> = { teacher: 'teacher', administrator: 'admin' };
const GRADED = new Set(['fully graded', 'submitted']);
const PASS: Record<string, string> = { pass: 'i', passed: 'i', 'ieskaitīts': 'i', i: 'i', fail: 'ni', failed: 'ni', 'neieskaitīts': 'ni', ni: 'ni' };

const isTrue = (v: string | undefined) => v?.toLowerCase() === 'true';
const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const dateOnly = (v: string | undefined) => (v ? v.slice(0, 10) : undefined);
/** Our code for a person: the school's own identifier, else the login, else the OneRoster id. */
const personCode = (u: ORow) => u.get('identifier') || u.get('username') || u.get('sourcedId')!;

function gradeValue(raw: string): string {
  const pass = PASS[raw.toLowerCase()];
  if (pass) return pass;
  // Systems write 8 as "8.0"; any other fraction is left for the grade scale to refuse by name.
  if (/^\d+(\.0+)?$/.test(raw)) return String(Number(raw));
  return raw;
}

/**
 * Imports the package into the context's transaction. Throws ImportFailed
 * (exit 4) with every problem, from any file, when anything is wrong.
 */
export async function importOneRoster(ctx: ServiceContext, pkg: OneRosterPackage): Promise<OneRosterResult> {
  requireActor(ctx);
  const sink: ImportProblem[] = [];
  const skipped: OneRosterSkipped = { disabledUsers: 0, otherRoles: 0, ungradedResults: 0, deletions: 0 };
  const ignored: string[] = [];
  const files = {} as Record<UsedFile, OFile>;

  const manifest = parseFile('manifest', pkg.files.get('manifest.csv')!, sink);
  const modes = new Map<string, { mode: string; row: ORow }>();
  for (const row of manifest.rows) {
    const property = row.get('propertyName') ?? '';
    if (!property.startsWith('file.')) continue;
    const mode = (row.get('value') ?? '').toLowerCase();
    if (!['bulk', 'delta', 'absent'].includes(mode)) sink.push({ ...at(row, 'value'), reason: 'must be bulk, delta or absent' });
    modes.set(`${property.slice(5)}.csv`, { mode, row });
  }
  for (const name of pkg.files.keys()) {
    const used = (USED as readonly string[]).includes(name.replace(/\.csv$/, '')) && name.endsWith('.csv');
    if (!used || modes.get(name)?.mode === 'absent') {
      if (name !== 'manifest.csv') ignored.push(name);
    }
  }
  for (const [name, { mode, row }] of modes) {
    if (mode !== 'absent' && !pkg.files.has(name)) sink.push({ ...at(row, 'value'), reason: `the manifest lists ${name} as ${mode}, but the package has no ${name}` });
  }
  for (const name of USED) {
    const source = pkg.files.get(`${name}.csv`);
    if (name === 'manifest') continue;
    if (!source || ignored.includes(`${name}.csv`)) {
      files[name] = { file: `${pkg.path}/${name}.csv`, rows: [] };
      continue;
    }
    const parsed = parseFile(name, source, sink);
    // Delta rows marked for deletion are counted, not applied: removing people or grades is a decision for a person.
    parsed.rows = parsed.rows.filter((r) => (r.get('status')?.toLowerCase() === 'tobedeleted' ? (skipped.deletions++, false) : true));
    files[name] = parsed;
  }

  // The school year: OneRoster's schoolYear is the calendar year the school year ends in.
  let year;
  try {
    year = await resolveYear(ctx);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    sink.push({ file: files.academicSessions.file, line: 1, reason: error.message });
  }
  for (const s of files.academicSessions.rows) {
    if (s.get('type') !== 'schoolYear' || !year) continue;
    const code = parseYearCode(s.get('title') ?? '')?.code ?? (/^\d{4}$/.test(s.get('schoolYear') ?? '') ? `${Number(s.get('schoolYear')) - 1}/${s.get('schoolYear')}` : undefined);
    if (code !== year.code) {
      sink.push({ ...at(s, 'schoolYear'), reason: `this package is for the school year ${code ?? '(unreadable)'}, but the journal's ${ctx.yearCode ? 'chosen' : 'current'} year is ${year.code}: set the year with --year or \`ezurnals year set … --current\`` });
    }
  }

  // People.
  const users = new Map<string, ORow>();
  const disabled = new Set<string>();
  for (const u of files.users.rows) {
    if (u.get('enabledUser')?.toLowerCase() === 'false') {
      disabled.add(u.get('sourcedId')!);
      skipped.disabledUsers++;
    } else users.set(u.get('sourcedId')!, u);
  }
  const roleOf = (id: string) => users.get(id)?.get('role')?.toLowerCase();

  // Classes and who is in them.
  const classes = new Map<string, ORow>();
  for (const c of files.classes.rows) classes.set(c.get('sourcedId')!, c);
  const isHomeroom = (c: ORow) => c.get('classType')?.toLowerCase() === 'homeroom';
  const courses = new Map<string, ORow>();
  for (const c of files.courses.rows) courses.set(c.get('sourcedId')!, c);
  const subjectCode = (course: ORow) => course.get('courseCode') || course.get('sourcedId')!;

  const homeroomOf = new Map<string, { cls: ORow; enrollment: ORow }>();
  const primaryTeacher = new Map<string, ORow>();
  const studentsIn = new Map<string, string[]>();
  const teachersIn = new Map<string, ORow[]>();
  for (const e of files.enrollments.rows) {
    const userId = e.get('userSourcedId')!;
    const classId = e.get('classSourcedId')!;
    if (disabled.has(userId)) continue;
    const cls = classes.get(classId);
    if (!users.has(userId)) sink.push({ ...at(e, 'userSourcedId'), reason: 'no such user in users.csv' });
    if (!cls) sink.push({ ...at(e, 'classSourcedId'), reason: 'no such class in classes.csv' });
    if (!users.has(userId) || !cls) continue;
    const role = e.get('role')?.toLowerCase();
    if (role === 'student') {
      if (isHomeroom(cls)) {
        const earlier = homeroomOf.get(userId);
        if (earlier) sink.push({ ...at(e, 'classSourcedId'), reason: `the student is already in homeroom ${earlier.cls.get('title')} (line ${earlier.enrollment.line}): one homeroom per student` });
        else homeroomOf.set(userId, { cls, enrollment: e });
      }
      studentsIn.set(classId, [...(studentsIn.get(classId) ?? []), userId]);
    } else if (role === 'teacher') {
      if (isHomeroom(cls) && isTrue(e.get('primary'))) {
        if (primaryTeacher.has(classId)) sink.push({ ...at(e, 'primary'), reason: `homeroom ${cls.get('title')} already has a primary teacher (line ${primaryTeacher.get(classId)!.line})` });
        else primaryTeacher.set(classId, e);
      }
      teachersIn.set(classId, [...(teachersIn.get(classId) ?? []), e]);
    }
  }
  const classTeachers = new Set([...primaryTeacher.values()].map((e) => e.get('userSourcedId')!));

  // subjects ← courses
  const subjects: Synthetic<'subjects'>[] = files.courses.rows.map((c) => ({
    values: { code: subjectCode(c), name: c.get('title') },
    origin: at(c),
    from: { code: at(c, c.get('courseCode') ? 'courseCode' : 'sourcedId'), name: at(c, 'title') },
  }));

  // staff, students, guardians ← users
  const staff: Synthetic<'staff'>[] = [];
  const students: Synthetic<'students'>[] = [];
  const guardians: Synthetic<'guardians'>[] = [];
  const codeOf = new Map<string, string>();
  const contact = (u: ORow) => ({ phone: u.get('sms') || u.get('phone'), email: u.get('email') });
  const contactFrom = (u: ORow) => ({ phone: at(u, u.get('sms') ? 'sms' : 'phone'), email: at(u, 'email') });
  const names = (u: ORow) => ({ first_name: at(u, 'givenName'), last_name: at(u, 'familyName') });
  for (const u of users.values()) {
    const role = u.get('role')!.toLowerCase();
    const id = u.get('sourcedId')!;
    const code = personCode(u);
    const codeFrom = at(u, u.get('identifier') ? 'identifier' : u.get('username') ? 'username' : 'sourcedId');
    if (role === 'student') {
      codeOf.set(id, code);
      const home = homeroomOf.get(id);
      students.push({
        values: { code, first_name: u.get('givenName'), last_name: u.get('familyName'), class: home?.cls.get('title'), ...contact(u) },
        origin: at(u),
        from: { code: codeFrom, ...names(u), ...contactFrom(u), ...(home && { class: at(home.enrollment, 'classSourcedId') }) },
      });
    } else if (STAFF_ROLES[role]) {
      codeOf.set(id, code);
      const roles = [STAFF_ROLES[role]!, ...(classTeachers.has(id) ? ['class-teacher'] : [])];
      staff.push({
        values: { code, first_name: u.get('givenName'), last_name: u.get('familyName'), roles: roles.join('|'), ...contact(u) },
        origin: at(u),
        from: { code: codeFrom, ...names(u), roles: at(u, 'role'), ...contactFrom(u) },
      });
    } else if (!GUARDIAN_ROLES[role]) skipped.otherRoles++;
  }
  // A parent is linked from either side: the student's agentSourcedIds (as the brief's packages do) or the parent's own.
  const links = new Map<string, Map<string, Origin>>();
  const link = (agent: string, student: string, origin: Origin) => {
    const mine = links.get(agent) ?? new Map<string, Origin>();
    if (!mine.has(student)) mine.set(student, origin);
    links.set(agent, mine);
  };
  for (const u of users.values()) {
    const role = u.get('role')!.toLowerCase();
    for (const other of list(u.get('agentSourcedIds'))) {
      if (disabled.has(other)) continue;
      if (!users.has(other)) {
        sink.push({ ...at(u, 'agentSourcedIds'), reason: `no such user ${other} in users.csv` });
        continue;
      }
      if (role === 'student' && GUARDIAN_ROLES[roleOf(other)!]) link(other, u.get('sourcedId')!, at(u, 'agentSourcedIds'));
      else if (GUARDIAN_ROLES[role] && roleOf(other) === 'student') link(u.get('sourcedId')!, other, at(u, 'agentSourcedIds'));
    }
  }
  for (const u of users.values()) {
    const relation = GUARDIAN_ROLES[u.get('role')!.toLowerCase()];
    if (!relation) continue;
    const mine = links.get(u.get('sourcedId')!);
    if (!mine) {
      skipped.otherRoles++;
      continue;
    }
    for (const [student, origin] of mine) {
      guardians.push({
        values: { student: codeOf.get(student), first_name: u.get('givenName'), last_name: u.get('familyName'), relation, ...contact(u) },
        origin: at(u),
        from: { student: { ...origin, value: student }, ...names(u), relation: at(u, 'role'), ...contactFrom(u) },
      });
    }
  }

  // classes ← homerooms
  const classRows: Synthetic<'classes'>[] = [];
  const homeroomTitles = new Set<string>();
  for (const c of classes.values()) {
    if (!isHomeroom(c)) continue;
    homeroomTitles.add(c.get('title')!);
    const teacher = primaryTeacher.get(c.get('sourcedId')!);
    const grade = list(c.get('grades'))[0];
    const level = (grade && /^\d{1,2}$/.test(grade) ? grade : /^(\d{1,2})\D/.exec(c.get('title') ?? '')?.[1]) ?? undefined;
    classRows.push({
      values: { code: c.get('title'), level: level === undefined ? undefined : String(Number(level)), class_teacher: teacher && codeOf.get(teacher.get('userSourcedId')!) },
      origin: at(c),
      from: { code: at(c, 'title'), level: at(c, c.get('grades') ? 'grades' : 'title'), ...(teacher && { class_teacher: at(teacher, 'userSourcedId') }) },
    });
  }

  /**
   * Which of our classes a scheduled class teaches: the homerooms of its
   * students; with no students yet, a title that starts with a homeroom's
   * title ("7.a matemātika"), the convention documented in the README.
   */
  const homeroomsOf = (c: ORow): string[] => {
    const fromStudents = new Set((studentsIn.get(c.get('sourcedId')!) ?? []).map((s) => homeroomOf.get(s)?.cls.get('title')).filter((t): t is string => !!t));
    if (fromStudents.size > 0) return [...fromStudents].sort();
    const first = (c.get('title') ?? '').split(/\s+/)[0] ?? '';
    return homeroomTitles.has(first) ? [first] : [];
  };
  const subjectOf = (c: ORow): { code?: string; from: Origin } => {
    const course = courses.get(c.get('courseSourcedId')!);
    return { code: course && subjectCode(course), from: at(c, 'courseSourcedId') };
  };
  const checkCourse = (c: ORow) => {
    if (!courses.has(c.get('courseSourcedId')!)) sink.push({ ...at(c, 'courseSourcedId'), reason: 'no such course in courses.csv' });
  };

  // assignments ← teachers of scheduled classes
  const assignments: Synthetic<'assignments'>[] = [];
  for (const c of classes.values()) checkCourse(c);
  for (const c of classes.values()) {
    if (isHomeroom(c) || !subjectOf(c).code) continue;
    const teachers = teachersIn.get(c.get('sourcedId')!) ?? [];
    if (teachers.length === 0) continue;
    const homerooms = homeroomsOf(c);
    if (homerooms.length === 0) {
      sink.push({ ...at(c, 'title'), reason: 'cannot tell which class this scheduled class teaches: no enrolled student has a homeroom, and the title does not start with a homeroom title (e.g. "7.a matemātika")' });
      continue;
    }
    const subject = subjectOf(c);
    for (const e of teachers) {
      for (const home of homerooms) {
        assignments.push({
          values: { class: home, subject: subject.code, teacher: codeOf.get(e.get('userSourcedId')!) },
          origin: at(e),
          from: { class: at(c, 'title'), subject: subject.from, teacher: at(e, 'userSourcedId') },
        });
      }
    }
  }

  // grades ← lineItems + results
  const lineItems = new Map<string, ORow>();
  for (const li of files.lineItems.rows) {
    if (!classes.has(li.get('classSourcedId')!)) sink.push({ ...at(li, 'classSourcedId'), reason: 'no such class in classes.csv' });
    else lineItems.set(li.get('sourcedId')!, li);
  }
  const grades: Synthetic<'grades'>[] = [];
  for (const r of files.results.rows) {
    const studentColumn = r.get('studentSourcedId') !== undefined ? 'studentSourcedId' : 'userSourcedId';
    const studentId = r.get(studentColumn) ?? '';
    if (disabled.has(studentId)) continue;
    if (!GRADED.has(r.get('scoreStatus')?.toLowerCase() ?? '')) {
      skipped.ungradedResults++;
      continue;
    }
    const li = lineItems.get(r.get('lineItemSourcedId')!);
    if (!li) {
      if (!files.lineItems.rows.some((x) => x.get('sourcedId') === r.get('lineItemSourcedId'))) sink.push({ ...at(r, 'lineItemSourcedId'), reason: 'no such line item in lineItems.csv' });
      continue;
    }
    if (roleOf(studentId) !== 'student') {
      sink.push({ ...at(r, studentColumn), reason: users.has(studentId) ? 'this user is not a student' : 'no such user in users.csv' });
      continue;
    }
    const cls = classes.get(li.get('classSourcedId')!)!;
    const home = homeroomOf.get(studentId);
    const subject = subjectOf(cls);
    if (!subject.code) continue; // reported on the class
    if (!home) {
      sink.push({ ...at(r, studentColumn), reason: 'the student is in no homeroom class, so the grade has no class in the journal' });
      continue;
    }
    const valueColumn = r.get('textScore') ? 'textScore' : 'score';
    const raw = r.get(valueColumn) ?? '';
    const value = raw === '' ? '' : gradeValue(raw);
    const dateColumn = r.get('scoreDate') ? 'scoreDate' : undefined;
    const note = [li.get('title'), r.get('comment')].filter(Boolean).join(': ');
    grades.push({
      values: {
        class: home.cls.get('title'),
        subject: subject.code,
        date: dateOnly(r.get('scoreDate') || li.get('dueDate')),
        student: codeOf.get(studentId),
        value,
        // Pass/fail is a credit work (ieskaite) in our scale; numbers are ordinary grades.
        work: value === 'i' || value === 'ni' ? 'credit' : undefined,
        note: note || undefined,
      },
      origin: at(r),
      from: {
        class: at(home.enrollment, 'classSourcedId'),
        subject: subject.from,
        date: dateColumn ? at(r, dateColumn) : at(li, 'dueDate'),
        student: at(r, studentColumn),
        value: at(r, valueColumn),
      },
    });
  }

  const rowsByKind: { [K in TransferKind]?: { file: string; rows: Synthetic<K>[] } } = {
    subjects: { file: files.courses.file, rows: subjects },
    staff: { file: files.users.file, rows: staff },
    classes: { file: files.classes.file, rows: classRows },
    students: { file: files.users.file, rows: students },
    guardians: { file: files.users.file, rows: guardians },
    assignments: { file: files.enrollments.file, rows: assignments },
    grades: { file: files.results.file, rows: grades },
  };
  const summary: KindSummary[] = [];
  for (const kind of IMPORT_ORDER) {
    const part = rowsByKind[kind];
    if (part) summary.push(await importRows(ctx, kind, part.file, part.rows as never, sink));
  }
  if (sink.length > 0) throw new ImportFailed(sink, summary);
  return { summary, ignored, skipped };
}
