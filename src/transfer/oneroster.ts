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
import { type WorkKind } from '../domain/grade-scale.ts';
import { AppError, notFound, usageError } from '../errors.ts';
import { listAbsences } from '../services/absences.ts';
import { listAssignments, removeAssignment } from '../services/assignments.ts';
import { listClasses, setClass } from '../services/classes.ts';
import { requireActor, type ServiceContext } from '../services/context.ts';
import { listGrades } from '../services/grades.ts';
import { listLessons } from '../services/lessons.ts';
import { resolveYear } from '../services/lookup.ts';
import { listStaffViews, setStaff } from '../services/staff.ts';
import { leaveClass, listStudentViews, showStudent } from '../services/students.ts';
import { IMPORT_ORDER, KIND_COLUMNS, type TransferKind } from './columns.ts';
import type { FieldOf } from './import-kinds.ts';
import { ImportFailed, Row, RowApplier, type KindSummary } from './import.ts';
import { countCsvValues, isZip, readZip, ZIP_LIMITS } from './zip.ts';
import { m as t } from '../i18n/messages/files-oneroster.ts';
import { m as w } from '../i18n/messages/words.ts';

// --- The package -------------------------------------------------------------------

/** The files this importer reads; any other file in the package is named as ignored. */
const USED = ['manifest', 'orgs', 'academicSessions', 'categories', 'courses', 'classes', 'users', 'enrollments', 'lineItems', 'results'] as const;
type UsedFile = (typeof USED)[number];

/** Required columns (OneRoster 1.1 CSV, as far as we use them); results name the student either way, checked separately. */
const REQUIRED: Record<UsedFile, readonly string[]> = {
  manifest: ['propertyName', 'value'],
  orgs: ['sourcedId', 'name', 'type'],
  academicSessions: ['sourcedId', 'title', 'type', 'startDate', 'endDate', 'schoolYear'],
  categories: ['sourcedId', 'title'],
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
    throw notFound(t.noSuchPath(path));
  }
  const files = new Map<string, { file: string; bytes: Uint8Array }>();
  if (stat.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      if (name.startsWith('.') || !statSync(full).isFile()) continue;
      files.set(name, { file: full, bytes: readFileSync(full) });
    }
  } else {
    // A file bigger than a package may unzip to is refused before it is read into memory.
    if (stat.size > ZIP_LIMITS.totalBytes) throw new AppError('invalid', t.tooBig(path, Math.round(stat.size / 1024 / 1024), ZIP_LIMITS.totalBytes / 1024 / 1024));
    const bytes = readFileSync(path);
    if (!isZip(bytes)) throw new AppError('invalid', t.notFolderOrZip(path));
    const entries = readZip(bytes, path);
    const values = entries.reduce((n, e) => n + countCsvValues(e.bytes), 0);
    if (values > ZIP_LIMITS.csvValues) {
      throw new AppError('invalid', t.tooManyValues(path, values, ZIP_LIMITS.csvValues));
    }
    // Zips made by "compress folder" put everything under one folder; macOS adds __MACOSX/ shadows.
    for (const entry of entries) {
      if (entry.name.startsWith('__MACOSX/') || basename(entry.name).startsWith('.')) continue;
      files.set(basename(entry.name), { file: `${path}/${entry.name}`, bytes: entry.bytes });
    }
  }
  if (!files.has('manifest.csv')) {
    throw new AppError('invalid', t.noManifest(path, [...files.keys()].join(', ')));
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
      reason: t.requiredColumn(near ? near.trim() : '', table.header.join(', ')),
    });
  }
  if (missing.length > 0) return empty;
  const rows = table.rows.map((r) => new ORow(source.file, r.line, r.cells, header));
  if (name !== 'manifest') {
    const seen = new Map<string, number>();
    for (const row of rows) {
      const id = row.get('sourcedId');
      if (!id) sink.push({ ...at(row, 'sourcedId'), reason: w.valueRequired });
      else if (seen.has(id)) sink.push({ ...at(row, 'sourcedId'), reason: t.duplicateId(seen.get(id)!) });
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

// --- Reading the package -----------------------------------------------------------

/** Whether a row's status is usable; a deletion belongs in a delta file only (a bulk file is the whole set). */
function statusOk(row: ORow, mode: string, sink: ImportProblem[]): boolean {
  const status = row.get('status')?.toLowerCase() ?? '';
  if (status === '' || status === 'active') return true;
  if (status !== 'tobedeleted') sink.push({ ...at(row, 'status'), reason: t.badStatus });
  else if (mode !== 'delta') sink.push({ ...at(row, 'status'), reason: t.deleteNotDelta(mode) });
  else return true;
  return false;
}

const isDeletion = (row: ORow) => row.get('status')?.toLowerCase() === 'tobedeleted';
const idOf = (row: ORow) => row.get('sourcedId')!;

/** The files by name (absent ones empty), with every row whose status is usable; and the files not read. */
function readPackage(pkg: OneRosterPackage, sink: ImportProblem[]): { files: Record<UsedFile, OFile>; ignored: string[] } {
  const ignored: string[] = [];
  const files = {} as Record<UsedFile, OFile>;
  files.manifest = parseFile('manifest', pkg.files.get('manifest.csv')!, sink);
  const modes = new Map<string, { mode: string; row: ORow }>();
  for (const row of files.manifest.rows) {
    const property = row.get('propertyName') ?? '';
    if (!property.startsWith('file.')) continue;
    const mode = (row.get('value') ?? '').toLowerCase();
    if (!['bulk', 'delta', 'absent'].includes(mode)) sink.push({ ...at(row, 'value'), reason: t.badMode });
    modes.set(`${property.slice(5)}.csv`, { mode, row });
  }
  for (const name of pkg.files.keys()) {
    const used = (USED as readonly string[]).includes(name.replace(/\.csv$/, '')) && name.endsWith('.csv');
    if (!used || modes.get(name)?.mode === 'absent') {
      if (name !== 'manifest.csv') ignored.push(name);
    }
  }
  for (const [name, { mode, row }] of modes) {
    if (mode !== 'absent' && !pkg.files.has(name)) sink.push({ ...at(row, 'value'), reason: t.fileMissing(name, mode) });
  }
  for (const name of USED) {
    if (name === 'manifest') continue;
    const source = pkg.files.get(`${name}.csv`);
    if (!source || ignored.includes(`${name}.csv`)) {
      files[name] = { file: `${pkg.path}/${name}.csv`, rows: [] };
      continue;
    }
    const parsed = parseFile(name, source, sink);
    // A file the manifest does not list is read as bulk: the whole set, nothing to delete.
    const mode = modes.get(`${name}.csv`)?.mode ?? 'bulk';
    parsed.rows = parsed.rows.filter((r) => statusOk(r, mode, sink));
    files[name] = parsed;
  }
  return { files, ignored };
}

// --- Our school among the orgs -----------------------------------------------------

/**
 * Our school's sourcedId: --org, else the only org of type school. A package
 * without orgs.csv (a delta often has none) is taken as ours whole.
 */
function chooseSchool(orgs: OFile, wanted: string | undefined): string | undefined {
  const schools = orgs.rows.filter((o) => o.get('type')?.toLowerCase() === 'school');
  const named = schools.map((o) => `${idOf(o)} (${o.get('name')})`).join(', ') || t.noSchools;
  if (wanted !== undefined) {
    if (orgs.rows.length > 0 && !schools.some((o) => idOf(o) === wanted)) throw usageError(t.orgNotSchool(wanted, orgs.file, named));
    return wanted;
  }
  if (orgs.rows.length === 0) return undefined;
  if (schools.length === 1) return idOf(schools[0]!);
  throw usageError(t.chooseSchool(orgs.file, schools.length, named));
}

/**
 * Drops, and counts, the rows of other schools before anything is
 * translated: classes and enrollments by schoolSourcedId, users by
 * orgSourcedIds, and what hangs on them (their enrollments, line items,
 * results, and courses no class of ours uses). A parent is ours when linked
 * with a student of ours, whatever org they carry (often the district's).
 * Returns the dropped users, so that a link to one is not taken for a typo.
 */
function ourSchoolOnly(files: Record<UsedFile, OFile>, school: string, skipped: OneRosterSkipped): Set<string> {
  const keep = (file: OFile, ours: (r: ORow) => boolean) => {
    file.rows = file.rows.filter((r) => ours(r) || (skipped.otherSchools++, false));
  };
  const foreignIds = (file: OFile, ours: (r: ORow) => boolean) => new Set(file.rows.filter((r) => !ours(r)).map(idOf));

  const classOurs = (c: ORow) => c.get('schoolSourcedId') === school;
  const foreignClasses = foreignIds(files.classes, classOurs);
  keep(files.classes, classOurs);
  const usedCourses = new Set(files.classes.rows.map((c) => c.get('courseSourcedId')));
  keep(files.courses, (c) => c.get('orgSourcedId') === school || usedCourses.has(idOf(c)));

  const inSchool = (u: ORow) => list(u.get('orgSourcedIds')).includes(school);
  const ourStudents = files.users.rows.filter((u) => inSchool(u) && u.get('role')?.toLowerCase() === 'student');
  const linked = new Set(ourStudents.flatMap((u) => list(u.get('agentSourcedIds'))));
  const studentIds = new Set(ourStudents.map(idOf));
  const userOurs = (u: ORow) =>
    inSchool(u) || (!!GUARDIAN_ROLES[u.get('role')?.toLowerCase() ?? ''] && (linked.has(idOf(u)) || list(u.get('agentSourcedIds')).some((s) => studentIds.has(s))));
  const foreignUsers = foreignIds(files.users, userOurs);
  keep(files.users, userOurs);

  keep(files.enrollments, (e) => e.get('schoolSourcedId') === school && !foreignClasses.has(e.get('classSourcedId')!) && !foreignUsers.has(e.get('userSourcedId')!));
  const lineItemOurs = (li: ORow) => !foreignClasses.has(li.get('classSourcedId')!);
  const foreignLineItems = foreignIds(files.lineItems, lineItemOurs);
  keep(files.lineItems, lineItemOurs);
  keep(files.results, (r) => !foreignLineItems.has(r.get('lineItemSourcedId')!) && !foreignUsers.has(r.get('studentSourcedId') ?? r.get('userSourcedId') ?? ''));
  return foreignUsers;
}

// --- Grades: kinds of work and scores ------------------------------------------------

/**
 * Our kind of work for a category title (categories.csv), the first rule
 * that matches (README): a semester without a number is the 1st from
 * August to December, else the 2nd, by the grade's date.
 */
export function workOfCategory(title: string, date: string | undefined): WorkKind {
  const t = title.toLowerCase();
  if (/pēcpārbaud|make-?up|re-?take|papildu/.test(t)) return 'makeup';
  if (/valsts|state|eksām|exam/.test(t)) return 'state-exam';
  if (/semest|pusgad/.test(t)) {
    if (/\b(2|ii)\b|second|otr/.test(t)) return 'semester2';
    if (/\b(1|i)\b|first|pirm/.test(t)) return 'semester1';
    return date && Number(date.slice(5, 7)) >= 8 ? 'semester1' : 'semester2';
  }
  if (/gada|annual|final|year/.test(t)) return 'annual';
  if (/ieskait|credit|pass|fail/.test(t)) return 'credit';
  if (/noslēguma|apjomīg|projekt|project|referāt|sacerējum|essay|creative|radoš/.test(t)) return 'large';
  if (/pārbaud|kontroldarb|test|quiz|assessment/.test(t)) return 'test';
  return 'regular';
}

/** The lowest percentage of each grade when a score out of another maximum becomes 1–10 (README). */
const PERCENT_BANDS: readonly (readonly [number, number])[] = [
  [95, 10], [87, 9], [80, 8], [70, 7], [58, 6], [46, 5], [33, 4], [20, 3], [10, 2], [0, 1],
];

/**
 * A result's score on our scale, given its line item's resultValueMin/Max
 * (README): pass/fail words are i/ni; without a range a whole number is
 * kept; a 0–1 range is pass/fail; a range up to 10 keeps the score,
 * rounded half up; any other range goes by percentage. A value the scale
 * cannot hold is passed on for the grade check to refuse by name; an
 * unusable range or a score outside it is a problem.
 */
export function scoreValue(raw: string, min: string | undefined, max: string | undefined): { value: string } | { problem: string } {
  const pass = PASS[raw.toLowerCase()];
  if (pass) return { value: pass };
  const number = /^-?\d+([.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : NaN;
  if (Number.isNaN(number)) return { value: raw };
  if (!max) return { value: Number.isInteger(number) ? String(number) : raw };
  const lo = min ? Number(min) : 0;
  const hi = Number(max);
  if (Number.isNaN(lo) || Number.isNaN(hi) || hi <= lo) return { problem: t.badRange(min ?? '', max) };
  if (number < lo || number > hi) return { problem: t.outsideRange(lo, hi) };
  if (lo === 0 && hi === 1) {
    if (number === 0 || number === 1) return { value: number === 1 ? 'i' : 'ni' };
    return { problem: t.passFail };
  }
  if (hi === 10 && lo <= 1) return { value: String(Math.floor(number + 0.5)) };
  const percent = ((number - lo) / (hi - lo)) * 100;
  // A hair below a band's bound is float noise (87/100*100), not a lower grade.
  return { value: String(PERCENT_BANDS.find(([bound]) => percent >= bound - 1e-9)![1]) };
}

// --- Translation -------------------------------------------------------------------

export interface OneRosterOptions {
  /** Our school's sourcedId in orgs.csv, when it holds several schools. */
  org?: string;
}

export interface OneRosterSkipped {
  /** users with enabledUser=false (and their enrollments and results). */
  disabledUsers: number;
  /** users whose role we have no use for (aide, proctor, student without a class…). */
  otherRoles: number;
  /** results whose scoreStatus is not "fully graded" or "submitted". */
  ungradedResults: number;
  /** delta rows with status=tobedeleted that change nothing: already so, or nothing the journal removes (README). */
  deletions: number;
  /** rows of other schools or of the district (see ourSchoolOnly). */
  otherSchools: number;
}

/** What the delta rows with status=tobedeleted changed. */
export interface OneRosterDeleted {
  /** students whose placement in their class ended. */
  placements: number;
  assignments: number;
  /** homerooms whose class teacher was cleared. */
  classTeachers: number;
  /** staff made inactive. */
  staff: number;
}

export interface OneRosterResult {
  summary: KindSummary[];
  /** Files in the package this importer does not read (or the manifest calls absent), by name. */
  ignored: string[];
  skipped: OneRosterSkipped;
  deleted: OneRosterDeleted;
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
/** Rows name a user who is not in users.csv: in a delta too, since the journal keeps no OneRoster ids. */

/**
 * Imports the package into the context's transaction. Throws ImportFailed
 * (exit 4) with every problem, from any file, when anything is wrong; a
 * package with several schools and no --org is a usage error.
 */
export async function importOneRoster(ctx: ServiceContext, pkg: OneRosterPackage, options: OneRosterOptions = {}): Promise<OneRosterResult> {
  requireActor(ctx);
  const sink: ImportProblem[] = [];
  const skipped: OneRosterSkipped = { disabledUsers: 0, otherRoles: 0, ungradedResults: 0, deletions: 0, otherSchools: 0 };
  const { files, ignored } = readPackage(pkg, sink);
  const school = chooseSchool(files.orgs, options.org);
  const foreignUsers = school === undefined ? new Set<string>() : ourSchoolOnly(files, school, skipped);
  // Deletions are set aside and applied after everything else, so that a replacement in the same package is in place first.
  const deletions = {} as Record<UsedFile, ORow[]>;
  for (const name of USED) {
    deletions[name] = files[name].rows.filter(isDeletion);
    files[name].rows = files[name].rows.filter((r) => !isDeletion(r));
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
      sink.push({ ...at(s, 'schoolYear'), reason: t.otherYear(code ?? '', !!ctx.yearCode, year.code) });
    }
  }

  // People.
  const users = new Map<string, ORow>();
  const disabled = new Set<string>();
  for (const u of files.users.rows) {
    if (u.get('enabledUser')?.toLowerCase() === 'false') {
      disabled.add(idOf(u));
      skipped.disabledUsers++;
    } else users.set(idOf(u), u);
  }
  const goneUsers = new Map(deletions.users.map((u) => [idOf(u), u]));
  const roleOf = (id: string) => users.get(id)?.get('role')?.toLowerCase();

  // Classes and who is in them.
  const classes = new Map<string, ORow>();
  for (const c of files.classes.rows) classes.set(idOf(c), c);
  const goneClasses = new Map(deletions.classes.map((c) => [idOf(c), c]));
  const isHomeroom = (c: ORow) => c.get('classType')?.toLowerCase() === 'homeroom';
  const courses = new Map<string, ORow>();
  for (const c of files.courses.rows) courses.set(idOf(c), c);
  const subjectCode = (course: ORow) => course.get('courseCode') || idOf(course);

  const homeroomOf = new Map<string, { cls: ORow; enrollment: ORow }>();
  const primaryTeacher = new Map<string, ORow>();
  const studentsIn = new Map<string, string[]>();
  const teachersIn = new Map<string, ORow[]>();
  for (const e of files.enrollments.rows) {
    const userId = e.get('userSourcedId')!;
    const classId = e.get('classSourcedId')!;
    if (disabled.has(userId)) continue;
    const cls = classes.get(classId);
    if (!users.has(userId)) sink.push({ ...at(e, 'userSourcedId'), reason: t.noUser });
    if (!cls) sink.push({ ...at(e, 'classSourcedId'), reason: t.noClass });
    if (!users.has(userId) || !cls) continue;
    const role = e.get('role')?.toLowerCase();
    if (role === 'student') {
      if (isHomeroom(cls)) {
        const earlier = homeroomOf.get(userId);
        if (earlier) sink.push({ ...at(e, 'classSourcedId'), reason: t.twoHomerooms(earlier.cls.get('title') ?? '', earlier.enrollment.line) });
        else homeroomOf.set(userId, { cls, enrollment: e });
      }
      studentsIn.set(classId, [...(studentsIn.get(classId) ?? []), userId]);
    } else if (role === 'teacher') {
      if (isHomeroom(cls) && isTrue(e.get('primary'))) {
        if (primaryTeacher.has(classId)) sink.push({ ...at(e, 'primary'), reason: t.twoPrimaryTeachers(cls.get('title') ?? '', primaryTeacher.get(classId)!.line) });
        else primaryTeacher.set(classId, e);
      }
      teachersIn.set(classId, [...(teachersIn.get(classId) ?? []), e]);
    }
  }
  const classTeachers = new Set([...primaryTeacher.values()].map((e) => e.get('userSourcedId')!));
  const storedClasses = year ? await listClasses(ctx) : [];
  // A primary homeroom enrollment grants the class-teacher role, and no import takes it (a delta need not repeat the enrollment): `staff set` does.
  const leaders = new Set((await listStaffViews(ctx, { role: 'class-teacher' })).map((m) => m.code));

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
    const id = idOf(u);
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
      const roles = [STAFF_ROLES[role]!, ...(classTeachers.has(id) || leaders.has(code) ? ['class-teacher'] : [])];
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
      if (disabled.has(other) || foreignUsers.has(other)) continue;
      if (!users.has(other)) {
        sink.push({ ...at(u, 'agentSourcedIds'), reason: t.noSuchAgent(other) });
        continue;
      }
      if (role === 'student' && GUARDIAN_ROLES[roleOf(other)!]) link(other, idOf(u), at(u, 'agentSourcedIds'));
      else if (GUARDIAN_ROLES[role] && roleOf(other) === 'student') link(idOf(u), other, at(u, 'agentSourcedIds'));
    }
  }
  for (const u of users.values()) {
    const relation = GUARDIAN_ROLES[u.get('role')!.toLowerCase()];
    if (!relation) continue;
    const mine = links.get(idOf(u));
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
  // A delta may name a scheduled class of a homeroom imported earlier: the journal's classes count too.
  const homeroomTitles = new Set<string>(storedClasses.map((c) => c.code));
  for (const c of classes.values()) {
    if (!isHomeroom(c)) continue;
    homeroomTitles.add(c.get('title')!);
    const teacher = primaryTeacher.get(idOf(c));
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
    const fromStudents = new Set((studentsIn.get(idOf(c)) ?? []).map((s) => homeroomOf.get(s)?.cls.get('title')).filter((t): t is string => !!t));
    if (fromStudents.size > 0) return [...fromStudents].sort();
    const first = (c.get('title') ?? '').split(/\s+/)[0] ?? '';
    return homeroomTitles.has(first) ? [first] : [];
  };
  const subjectOf = (c: ORow): { code?: string; from: Origin } => {
    const course = courses.get(c.get('courseSourcedId')!);
    return { code: course && subjectCode(course), from: at(c, 'courseSourcedId') };
  };
  const NO_HOMEROOM = t.noHomeroom;

  // assignments ← teachers of scheduled classes
  const assignments: Synthetic<'assignments'>[] = [];
  for (const c of [...classes.values(), ...goneClasses.values()]) {
    if (!courses.has(c.get('courseSourcedId')!)) sink.push({ ...at(c, 'courseSourcedId'), reason: t.noCourse });
  }
  for (const c of classes.values()) {
    if (isHomeroom(c) || !subjectOf(c).code) continue;
    const teachers = teachersIn.get(idOf(c)) ?? [];
    if (teachers.length === 0) continue;
    const homerooms = homeroomsOf(c);
    if (homerooms.length === 0) {
      sink.push({ ...at(c, 'title'), reason: NO_HOMEROOM });
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

  // groups ← scheduled classes that are not one whole homeroom: a split class, or a class across homerooms (issue 19)
  const groupRows: Synthetic<'groups'>[] = [];
  const memberRows: Synthetic<'group_members'>[] = [];
  const homeroomSize = new Map<string, number>();
  for (const { cls } of homeroomOf.values()) homeroomSize.set(cls.get('title')!, (homeroomSize.get(cls.get('title')!) ?? 0) + 1);
  const groupCodeOf = (c: ORow) => {
    const code = (c.get('title') ?? '').trim().replace(/\s+/g, '-').replace(/[^\p{L}\p{N}._-]/gu, '').replace(/^[._-]+/, '').slice(0, 40);
    return code || idOf(c).replace(/[^\p{L}\p{N}._-]/gu, '').slice(0, 40);
  };
  for (const c of classes.values()) {
    if (isHomeroom(c) || !subjectOf(c).code) continue;
    const members = [...new Set((studentsIn.get(idOf(c)) ?? []).filter((s) => homeroomOf.has(s)))];
    const homerooms = homeroomsOf(c);
    const teachers = (teachersIn.get(idOf(c)) ?? []).map((e) => codeOf.get(e.get('userSourcedId')!)).filter((t): t is string => !!t);
    if (members.length === 0 || teachers.length === 0) continue;
    if (homerooms.length === 1 && members.length === homeroomSize.get(homerooms[0]!)) continue;
    const code = groupCodeOf(c);
    const subject = subjectOf(c);
    groupRows.push({
      values: { code, subject: subject.code, teachers: teachers.join('|'), classes: homerooms.join('|'), name: c.get('title') },
      origin: at(c),
      from: { code: at(c, 'title'), subject: subject.from, teachers: at(c, 'sourcedId'), classes: at(c, 'title'), name: at(c, 'title') },
    });
    for (const student of members) {
      const enrollment = files.enrollments.rows.find((e) => e.get('classSourcedId') === idOf(c) && e.get('userSourcedId') === student);
      const where = enrollment ? at(enrollment, 'userSourcedId') : at(c, 'sourcedId');
      memberRows.push({ values: { group: code, student: codeOf.get(student) }, origin: enrollment ? at(enrollment) : at(c), from: { group: at(c, 'title'), student: where } });
    }
  }

  // grades ← lineItems (+ categories) + results
  const categories = new Map(files.categories.rows.map((c) => [idOf(c), c]));
  const lineItems = new Map<string, ORow>();
  for (const li of [...files.lineItems.rows, ...deletions.lineItems]) {
    const category = li.get('categorySourcedId');
    if (!classes.has(li.get('classSourcedId')!) && !goneClasses.has(li.get('classSourcedId')!)) sink.push({ ...at(li, 'classSourcedId'), reason: t.noClass });
    else if (category && files.categories.rows.length > 0 && !categories.has(category)) sink.push({ ...at(li, 'categorySourcedId'), reason: t.noCategory });
    else lineItems.set(idOf(li), li);
  }
  /** The line item's kind of work, when its category says it (a category unknown to categories.csv is reported above). */
  const workOf = (li: ORow, date: string | undefined): WorkKind | undefined => {
    const category = categories.get(li.get('categorySourcedId') ?? '');
    return category && workOfCategory(category.get('title') ?? '', date);
  };
  const studentColumnOf = (r: ORow) => (r.get('studentSourcedId') !== undefined ? 'studentSourcedId' : 'userSourcedId');
  /**
   * Where a result goes in the journal: the student's homeroom in the
   * package, else (a delta) their class in the journal. Null, reported when
   * it is a problem, when nowhere.
   */
  const placeOf = async (r: ORow) => {
    const studentColumn = studentColumnOf(r);
    const studentId = r.get(studentColumn) ?? '';
    const li = lineItems.get(r.get('lineItemSourcedId')!);
    if (!li) {
      if (![...files.lineItems.rows, ...deletions.lineItems].some((x) => idOf(x) === r.get('lineItemSourcedId'))) sink.push({ ...at(r, 'lineItemSourcedId'), reason: t.noLineItem });
      return null;
    }
    // A deleted student's result may be deleted with them.
    const person = users.get(studentId) ?? goneUsers.get(studentId);
    if (person?.get('role')?.toLowerCase() !== 'student') {
      sink.push({ ...at(r, studentColumn), reason: person ? t.notStudent : t.noUser });
      return null;
    }
    const code = personCode(person);
    const liClass = li.get('classSourcedId')!;
    const subject = subjectOf((classes.get(liClass) ?? goneClasses.get(liClass))!);
    if (!subject.code) return null; // reported on the class
    const enrollment = homeroomOf.get(studentId);
    const home = enrollment
      ? { title: enrollment.cls.get('title'), from: at(enrollment.enrollment, 'classSourcedId') }
      : { title: (await unlessUnknown(() => showStudent(ctx, code)))?.class ?? undefined, from: at(r, studentColumn) };
    if (!home.title) {
      sink.push({ ...at(r, studentColumn), reason: t.studentNoHomeroom });
      return null;
    }
    const date = dateOnly(r.get('scoreDate') || li.get('dueDate'));
    return { li, home, subject, code, studentColumn, date };
  };
  const grades: Synthetic<'grades'>[] = [];
  for (const r of files.results.rows) {
    if (disabled.has(r.get(studentColumnOf(r)) ?? '')) continue;
    if (!GRADED.has(r.get('scoreStatus')?.toLowerCase() ?? '')) {
      skipped.ungradedResults++;
      continue;
    }
    const place = await placeOf(r);
    if (!place) continue;
    const { li, home, subject, code, studentColumn, date } = place;
    const valueColumn = r.get('textScore') ? 'textScore' : 'score';
    const raw = r.get(valueColumn) ?? '';
    const score = raw === '' ? { value: '' } : scoreValue(raw, li.get('resultValueMin'), li.get('resultValueMax'));
    if ('problem' in score) {
      sink.push({ ...at(r, valueColumn), reason: `${score.problem} (${li.file}:${li.line})` });
      continue;
    }
    const note = [li.get('title'), r.get('comment')].filter(Boolean).join(': ');
    grades.push({
      values: {
        class: home.title,
        subject: subject.code,
        date,
        student: code,
        value: score.value,
        // The category says the kind; without one, pass/fail is a credit work (ieskaite) and numbers are lesson grades.
        work: workOf(li, date) ?? (score.value === 'i' || score.value === 'ni' ? 'credit' : undefined),
        note: note || undefined,
      },
      origin: at(r),
      from: {
        class: home.from,
        subject: subject.from,
        date: r.get('scoreDate') ? at(r, 'scoreDate') : at(li, 'dueDate'),
        student: at(r, studentColumn),
        value: at(r, valueColumn),
        work: at(li, 'categorySourcedId'),
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
    groups: { file: files.classes.file, rows: groupRows },
    group_members: { file: files.enrollments.file, rows: memberRows },
    grades: { file: files.results.file, rows: grades },
  };
  const summary: KindSummary[] = [];
  for (const kind of IMPORT_ORDER) {
    const part = rowsByKind[kind];
    if (part) summary.push(await importRows(ctx, kind, part.file, part.rows as never, sink));
  }

  const deleted = await applyDeletions(
    {
      ctx,
      sink,
      skipped,
      deleted: { placements: 0, assignments: 0, classTeachers: 0, staff: 0 },
      user: (id) => users.get(id) ?? goneUsers.get(id),
      disabled,
      cls: (id) => classes.get(id) ?? goneClasses.get(id),
      isHomeroom,
      homeroomsOf,
      subjectOf,
      noHomeroom: NO_HOMEROOM,
      rehomed: new Set(homeroomOf.keys()),
      teachersOf: (classId) => [...(teachersIn.get(classId) ?? []), ...deletions.enrollments.filter((e) => e.get('classSourcedId') === classId && e.get('role')?.toLowerCase() === 'teacher')],
      gradeOf: async (r) => {
        if (disabled.has(r.get(studentColumnOf(r)) ?? '')) return null;
        const place = await placeOf(r);
        return place && { student: place.code, class: place.home.title!, subject: place.subject.code!, date: place.date, work: workOf(place.li, place.date) };
      },
    },
    deletions,
  );
  if (sink.length > 0) throw new ImportFailed(sink, summary);
  return { summary, ignored, skipped, deleted };
}

// --- Deletions (delta rows with status=tobedeleted) ------------------------------------

/** What the deletions need to know of the translated package. */
interface Roster {
  ctx: ServiceContext;
  sink: ImportProblem[];
  skipped: OneRosterSkipped;
  deleted: OneRosterDeleted;
  /** A user of the package, kept or deleted. */
  user(id: string): ORow | undefined;
  disabled: ReadonlySet<string>;
  /** A class of the package, kept or deleted. */
  cls(id: string): ORow | undefined;
  isHomeroom(c: ORow): boolean;
  homeroomsOf(c: ORow): string[];
  subjectOf(c: ORow): { code?: string };
  noHomeroom: string;
  /** Students the package places in a homeroom: a deleted enrollment elsewhere was their move, done by the students kind. */
  rehomed: ReadonlySet<string>;
  /** Teacher enrollments of a class, kept or deleted. */
  teachersOf(classId: string): ORow[];
  /** Where a result's grade sits in the journal; null when nowhere (reported when it is a problem). */
  gradeOf(r: ORow): Promise<{ student: string; class: string; subject: string; date?: string; work?: WorkKind } | null>;
}

/** A reason in the problem list: why the deletion was not applied. */
function refused(r: Roster, row: ORow, column: string | undefined, reason: string): void {
  r.sink.push({ ...at(row, column), reason: t.notApplied(reason) });
}

/**
 * Runs a service; its refusal becomes a problem on the row (a refusal of
 * who acts is the whole import's, as for the kinds). Returns the service's
 * result, or null when it refused.
 */
async function attempt<T>(r: Roster, row: ORow, column: string | undefined, action: () => Promise<T>): Promise<T | null> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof AppError) || error.code === 'forbidden') throw error;
    refused(r, row, column, error.message);
    return null;
  }
}

/** A lookup by code that finds nothing: not in the journal, so there is nothing to delete. */
async function unlessUnknown<T>(lookup: () => Promise<T>): Promise<T | undefined> {
  try {
    return await lookup();
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return undefined;
    throw error;
  }
}

/** The code of a user a deletion names, or undefined after reporting that the package lacks them. */
function userCode(r: Roster, row: ORow, column: string): string | undefined {
  const user = r.user(row.get(column) ?? '');
  if (!user) refused(r, row, column, t.noUserDelta);
  return user && personCode(user);
}

/** Applies each deletion the journal can express safely; the rest are problems or, when harmless, counted as skipped (README). */
async function applyDeletions(r: Roster, deletions: Record<UsedFile, ORow[]>): Promise<OneRosterDeleted> {
  const skip = () => void r.skipped.deletions++;
  for (const e of deletions.enrollments) {
    const userId = e.get('userSourcedId')!;
    const cls = r.cls(e.get('classSourcedId')!);
    if (r.disabled.has(userId)) skip();
    else if (!cls) refused(r, e, 'classSourcedId', t.noClassDelta);
    else {
      const role = e.get('role')?.toLowerCase();
      const code = userCode(r, e, 'userSourcedId');
      if (!code) continue;
      if (role === 'student' && r.isHomeroom(cls)) await endPlacement(r, e, userId, code, cls.get('title'), dateOnly(e.get('endDate')) || dateOnly(e.get('dateLastModified')));
      else if (role === 'teacher' && r.isHomeroom(cls)) await clearClassTeacher(r, e, cls.get('title')!, code);
      else if (role === 'teacher') await removeTeaching(r, e, cls, [code]);
      // A student in a scheduled class: the journal keeps no subject groups, so there is nothing to end.
      else skip();
    }
  }
  for (const c of deletions.classes) {
    if (r.isHomeroom(c)) await refuseNonEmptyClass(r, c);
    else {
      const teachers = r.teachersOf(idOf(c)).map((e) => r.user(e.get('userSourcedId')!)).filter((u): u is ORow => !!u);
      await removeTeaching(r, c, c, teachers.length > 0 ? teachers.map(personCode) : undefined);
    }
  }
  for (const u of deletions.users) {
    const role = u.get('role')?.toLowerCase() ?? '';
    if (role === 'student') await removeStudent(r, u);
    else if (STAFF_ROLES[role]) await deactivateStaff(r, u);
    // Guardians hold contact data only, and no service removes one; other roles were never imported.
    else skip();
  }
  for (const result of deletions.results) await refuseStoredGrade(r, result);
  // Orgs, sessions, categories, courses and line items: nothing the journal removes (a subject may outlive its course); results say what goes.
  for (const name of ['orgs', 'academicSessions', 'categories', 'courses', 'lineItems'] as const) r.skipped.deletions += deletions[name].length;
  return r.deleted;
}

/**
 * A student's homeroom enrollment deleted: their placement ends on `lastDay`
 * (leaveClass refuses while grades or absences follow it). A student the
 * package places in another homeroom was moved instead; one not in that
 * class, or not in the journal, has nothing to end.
 */
async function endPlacement(r: Roster, row: ORow, userId: string, code: string, homeroom: string | undefined, lastDay: string | undefined): Promise<void> {
  if (r.rehomed.has(userId)) return void r.skipped.deletions++;
  const file = await unlessUnknown(() => showStudent(r.ctx, code));
  const year = await resolveYear(r.ctx);
  const open = file?.classes.find((p) => p.year === year.code && p.to_date === null);
  if (!open || (homeroom !== undefined && open.class !== homeroom)) return void r.skipped.deletions++;
  if (await attempt(r, row, homeroom === undefined ? 'sourcedId' : 'classSourcedId', () => leaveClass(r.ctx, code, { lastDay }))) r.deleted.placements++;
}

/** "Jānis Bērziņš (S101)": a OneRoster user named as the package names them, with their journal code (issue 18 §4). */
function personName(u: ORow, code: string): string {
  const name = [u.get('givenName'), u.get('familyName')].filter(Boolean).join(' ');
  return name ? `${name} (${code})` : code;
}

/** A deleted student user: refused while the journal holds their grades or absences this year, else their placement ends. */
async function removeStudent(r: Roster, u: ORow): Promise<void> {
  const code = personCode(u);
  const grades = await unlessUnknown(() => listGrades(r.ctx, { student: code }));
  if (grades === undefined) return void r.skipped.deletions++;
  const absences = await listAbsences(r.ctx, { student: code });
  if (grades.length + absences.length > 0) {
    return refused(r, u, 'sourcedId', t.studentKeeps(personName(u, code), grades.length, absences.length));
  }
  await endPlacement(r, u, idOf(u), code, undefined, dateOnly(u.get('dateLastModified')));
}

/** A deleted teacher or administrator becomes inactive: their lessons and grades keep their name. A class teacher needs a successor first. */
async function deactivateStaff(r: Roster, u: ORow): Promise<void> {
  const code = personCode(u);
  const member = (await listStaffViews(r.ctx)).find((s) => s.code === code);
  if (!member?.active) return void r.skipped.deletions++;
  const leads = (await listClasses(r.ctx)).filter((c) => c.class_teacher === code).map((c) => c.code);
  if (leads.length > 0) return refused(r, u, 'sourcedId', t.classTeacherOf(`${member.first_name} ${member.last_name} (${code})`, leads.join(', ')));
  if (await attempt(r, u, 'sourcedId', () => setStaff(r.ctx, code, { active: false }))) r.deleted.staff++;
}

/** A homeroom teacher enrollment deleted: the class loses its class teacher when it is still this one. */
async function clearClassTeacher(r: Roster, e: ORow, homeroom: string, code: string): Promise<void> {
  const stored = (await unlessUnknown(() => listClasses(r.ctx)))?.find((c) => c.code === homeroom);
  if (stored?.class_teacher !== code) return void r.skipped.deletions++;
  if (await attempt(r, e, 'userSourcedId', () => setClass(r.ctx, homeroom, { classTeacher: '' }))) r.deleted.classTeachers++;
}

/**
 * A scheduled class, or a teacher's enrollment in one, deleted: the
 * assignments it gave are removed, each only while its teacher has taught
 * no lesson of it (the journal keeps who taught). Teachers undefined: those
 * the journal assigns to the class's subject in its homerooms.
 */
async function removeTeaching(r: Roster, row: ORow, cls: ORow, teachers: string[] | undefined): Promise<void> {
  const subject = r.subjectOf(cls).code;
  const homerooms = r.homeroomsOf(cls);
  if (!subject) return; // reported on the class
  if (homerooms.length === 0) return refused(r, row, 'classSourcedId', r.noHomeroom);
  let removed = 0;
  for (const home of homerooms) {
    const stored = (await unlessUnknown(() => listAssignments(r.ctx, { class: home, subject }))) ?? [];
    for (const a of stored.filter((x) => teachers === undefined || teachers.includes(x.teacher))) {
      const lessons = await listLessons(r.ctx, { class: home, subject, teacher: a.teacher });
      if (lessons.length > 0) {
        refused(r, row, undefined, t.hasTaught(a.teacher, lessons.length, subject, home));
        continue;
      }
      if (await attempt(r, row, undefined, () => removeAssignment(r.ctx, { class: home, subject, teacher: a.teacher }))) removed++;
    }
  }
  r.deleted.assignments += removed;
  if (removed === 0) r.skipped.deletions++;
}

/** A homeroom deleted: no service removes a class, which is harmless while it is empty; one with students is a problem. */
async function refuseNonEmptyClass(r: Roster, c: ORow): Promise<void> {
  const title = c.get('title')!;
  const placed = (await unlessUnknown(() => listStudentViews(r.ctx, { class: title }))) ?? [];
  if (placed.length === 0) return void r.skipped.deletions++;
  refused(r, c, 'sourcedId', t.classHasStudents(title, placed.length));
}

/** A result deleted: the journal never deletes a grade on import, so a stored one is a problem; one never stored is skipped. */
async function refuseStoredGrade(r: Roster, result: ORow): Promise<void> {
  const place = await r.gradeOf(result);
  if (!place) return void r.skipped.deletions++;
  const stored = (await unlessUnknown(() => listGrades(r.ctx, { student: place.student, class: place.class, subject: place.subject, from: place.date, to: place.date, work: place.work }))) ?? [];
  if (stored.length === 0) return void r.skipped.deletions++;
  const ids = stored.map((g) => g.id).join(', ');
  refused(r, result, 'sourcedId', t.gradesKept(ids));
}
