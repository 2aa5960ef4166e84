// What one row of each kind means: its natural key (for duplicates in the
// file and for matching stored records on re-import), and how it goes in —
// create through the `add` use case, update through `set`/`correct` only the
// fields that differ, or nothing when the stored record already says the same.
import type { Holiday, SchoolYear, Student, Subject, SchoolClass } from '../db/schema.ts';
import { findHoliday } from '../db/repositories/holidays.ts';
import { findSubjectByCode } from '../db/repositories/subjects.ts';
import { findStaffByCode, listStaff, type StaffWithRoles } from '../db/repositories/staff.ts';
import { findClassByCode } from '../db/repositories/classes.ts';
import { findStudentByCode, findStudentByPersonalCode, listStudentCodes, listStudents, placementInYear } from '../db/repositories/students.ts';
import { listGuardianViews } from '../db/repositories/guardians.ts';
import { findAssignment } from '../db/repositories/assignments.ts';
import { findLessonsOn } from '../db/repositories/lessons.ts';
import { findAbsencesOfLesson } from '../db/repositories/absences.ts';
import { listGradeViews } from '../db/repositories/grades.ts';
import { parseDateInput, type IsoDate } from '../domain/dates.ts';
import { checkPersonalCode, looksLikePersonalCode, maskPersonalCode, shownStudentCode } from '../domain/personal-code.ts';
import { studentCodeGenerator } from '../domain/student-code.ts';
import { ROLES, type Role } from '../domain/roles.ts';
import { checkGrade, WORK_KINDS, type WorkKind } from '../domain/grade-scale.ts';
import { parseShortDate, ROLE_LABELS_LV, roleOfWord, subjectOfName, WORK_LABELS_LV, workOfWord } from '../domain/latvian-values.ts';
import { listSubjects } from '../db/repositories/subjects.ts';
import { ABSENCE_CODES } from '../domain/absence.ts';
import { AppError } from '../errors.ts';
import type { ServiceContext } from '../services/context.ts';
import { optionalEmail, optionalPhone, optionalText, requireInteger } from '../services/input.ts';
import { loadCalendar, resolveClass, resolveStudent, resolveSubject, resolveYear } from '../services/lookup.ts';
import type { WorkingCalendar } from '../domain/calendar.ts';
import { lessonLateness } from '../domain/late-entries.ts';
import { localDateOf } from '../domain/dates.ts';
import { addSubject, setSubject } from '../services/subjects.ts';
import { addStaff, setStaff } from '../services/staff.ts';
import { addClass, setClass, referenceDate } from '../services/classes.ts';
import { addStudent, moveStudent, setStudent } from '../services/students.ts';
import { addGuardian, linkGuardianToStudents, parseRelation, setGuardian } from '../services/guardians.ts';
import { addAssignment } from '../services/assignments.ts';
import { addHoliday, removeHoliday } from '../services/holidays.ts';
import { addLesson, LESSON_NUMBERS, resolveLesson, setLesson } from '../services/lessons.ts';
import { justifyAbsences, markAbsences } from '../services/absences.ts';
import { correctGrade, enterGrades } from '../services/grades.ts';
import { setTimetableSlot } from '../services/timetable.ts';
import { addGroup, addGroupMembers, resolveGroup, setGroup } from '../services/groups.ts';
import { endGroupMember, findGroupByCode, groupMemberships, listGroupViews } from '../db/repositories/groups.ts';
import { parseWeekday } from '../domain/timetable.ts';
import { entryTimestamp } from '../services/entry-time.ts';
import type { KIND_COLUMNS, TransferKind } from './columns.ts';
import type { Row } from './import.ts';
import { m as t } from '../i18n/messages/files-import.ts';
import { m as vocab } from '../i18n/messages/words.ts';

export type Outcome = 'created' | 'updated' | 'unchanged';
export type FieldOf<K extends TransferKind> = (typeof KIND_COLUMNS)[K]['fields'][number];

export interface NaturalKey<F extends string> {
  key: string;
  /** The column a duplicate is reported on. */
  field: F;
  /** How the duplicate is named: "code S001"; given the student's name (null: none found) and code when the key names a student. */
  label: string | ((name: string | null, code: string) => string);
  /** The student the key names, by the file's reference: a duplicate names them "Jānis Bērziņš (S001)" (issue 18 §4). */
  student?: string;
}

export interface KindHandler<F extends string> {
  /**
   * Registry kinds are the admin's or deputy's whatever the rows say; checked
   * once up front, since an unchanged row calls no use case that would check it.
   */
  registry?: true;
  /**
   * The key may stand on several rows (two grades of one kind on one day):
   * the n-th such row then matches the n-th stored record, instead of being a duplicate.
   */
  repeatable?: true;
  /** Repeatable kinds: the cells besides the key; a row whose key and rest equal an earlier row's is a duplicate. */
  rest?(row: Row<F>): string;
  /** Null when the row has no usable key (its problems are reported by `apply`). */
  key(row: Row<F>): NaturalKey<F> | null;
  /** Null when the row had problems (reported on `row`). */
  apply(row: Row<F>, refs: Refs): Promise<Outcome | null>;
  /** After the file's last row: a warning about the file as a whole, or null. */
  finish?(refs: Refs): Promise<string | null>;
}

/** Names a few known values, so that a typo can be fixed from the message alone. */
function known(values: readonly string[]): string {
  if (values.length === 0) return vocab.noneDefinedYet;
  const shown = values.slice(0, 12).join(', ');
  return values.length > 12 ? t.moreKnown(shown, values.length - 12) : shown;
}

/**
 * References by code, looked up once per file: a file names the same class
 * or teacher on most of its rows. Only hits are kept, so a miss is always
 * reported with the values known at that moment.
 */
export class Refs {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(private readonly ctx: ServiceContext) {}

  private memo<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key) as Promise<T> | undefined;
    if (hit) return hit;
    const loaded = load();
    this.cache.set(key, loaded);
    loaded.catch(() => this.cache.delete(key));
    return loaded;
  }

  year(): Promise<SchoolYear> {
    return this.memo('year', () => resolveYear(this.ctx));
  }

  async class(code: string): Promise<SchoolClass> {
    const year = await this.year();
    return this.memo(`class:${code}`, () => resolveClass(this.ctx, year, code));
  }

  /** A subject by its code, or by its name as Latvian sheets write it (`Matemātika`; issue 18). */
  subject(ref: string): Promise<Subject> {
    return this.memo(`subject:${ref}`, async () => {
      try {
        return await resolveSubject(this.ctx, ref);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
        const subjects = await listSubjects(this.ctx.db, this.ctx.school.id);
        const byName = subjectOfName(ref, subjects);
        if (!byName) throw error;
        if (!byName.ok) throw new AppError('invalid', t.subjectNameShared(ref, byName.choices.length, byName.choices.map((c) => c.code).join(t.or)));
        return byName.value;
      }
    });
  }

  staff(code: string, what: 'teacher' | 'class teacher' = 'teacher'): Promise<StaffWithRoles> {
    return this.memo(`staff:${code}`, async () => {
      const found = await findStaffByCode(this.ctx.db, this.ctx.school.id, code);
      if (found) return found;
      const codes = (await listStaff(this.ctx.db, this.ctx.school.id)).map((s) => s.code);
      throw new AppError('not_found', t.unknownStaff(what, code, known(codes)));
    });
  }

  private nextGenerated: (() => string) | undefined;

  /** New lessons of this file entered "now" (no entered_at) that the deadline rules count as late (issue 14). */
  readonly lateLessons = { count: 0, mostDays: 0, earlierYear: 0 };

  calendar(): Promise<WorkingCalendar> {
    return this.memo('calendar', () => loadCalendar(this.ctx));
  }

  /**
   * A code for a new student of a file without a code column, made as
   * src/domain/student-code.ts says (S001, S002, …; never a personas kods).
   */
  async newStudentCode(): Promise<string> {
    this.nextGenerated ??= studentCodeGenerator(await listStudentCodes(this.ctx.db, this.ctx.school.id));
    for (;;) {
      const code = this.nextGenerated();
      // A code an earlier row of this import took is skipped.
      if (!(await findStudentByCode(this.ctx.db, this.ctx.school.id, code))) return code;
    }
  }

  /** The student a file's reference names, for a message: their name and code, or the reference as written when it names no one. */
  async studentNamed(ref: string): Promise<{ name: string | null; code: string }> {
    try {
      const student = await this.student(ref);
      return { name: `${student.first_name} ${student.last_name}`, code: shownStudentCode(student.code) };
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return { name: null, code: ref };
      throw error;
    }
  }

  student(ref: string): Promise<Student> {
    return this.memo(`student:${ref}`, async () => {
      try {
        return await resolveStudent(this.ctx, ref);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
        const year = await this.year();
        const codes = (await listStudents(this.ctx.db, this.ctx.school.id, year.id, referenceDate(this.ctx, year))).map((s) => shownStudentCode(s.code));
        throw new AppError('not_found', t.unknownStudent(shownStudentCode(ref), known(codes)));
      }
    });
  }
}

// --- Cell parsers: each throws an AppError that Row.check puts on the column ---

const invalid = (message: string) => new AppError('invalid', message);

/** A date cell: YYYY-MM-DD, DD.MM.YYYY, D.M.YYYY, or as Latvian Excel shortens it, D.M.YY (issue 18). */
export function importDate(value: string): IsoDate | null {
  return parseDateInput(value) ?? parseShortDate(value);
}

export function isoDate(value: string | undefined): IsoDate | undefined {
  if (!value) return undefined;
  const date = importDate(value);
  if (!date) throw invalid(t.notADate);
  return date;
}

const SEX: Record<string, 'M' | 'F'> = { m: 'M', v: 'M', 'vīr': 'M', 'vīrietis': 'M', male: 'M', f: 'F', s: 'F', siev: 'F', sieviete: 'F', female: 'F' };

function sex(value: string | undefined): 'M' | 'F' | null | undefined {
  if (value === undefined || value === '') return value === '' ? null : undefined;
  const parsed = SEX[value.toLowerCase()];
  if (!parsed) throw invalid(t.badSex);
  return parsed;
}

function personalCode(value: string | undefined): string | null | undefined {
  if (value === undefined || value === '') return value === '' ? null : undefined;
  const check = checkPersonalCode(value);
  if (!check.ok) throw invalid(t.badPersonalCode(check.reason));
  return check.normalized;
}

/** `deputy (direktora vietnieks) or admin (administrators)`, joined in the run's language ("vai" in Latvian). */
function choicesIn<T extends string>(choices: readonly T[], labels: Readonly<Record<T, string>>): string {
  const named = choices.map((c) => `${c} (${labels[c]})`);
  return named.length <= 2 ? named.join(t.or) : `${named.slice(0, -1).join(', ')}${t.or}${named.at(-1)}`;
}

/**
 * Roles as Latvian staff lists write them: `teacher|class-teacher`, or with `,`
 * or `;`, in our words or theirs (`skolotājs, klases audzinātājs`; issue 18).
 */
function roles(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const words = [...new Set(value.split(/[|,;]/).map((r) => r.trim()).filter(Boolean))];
  const list: Role[] = [];
  const unknown: string[] = [];
  for (const word of words) {
    const meaning = roleOfWord(word);
    if (!meaning) unknown.push(word);
    else if (!meaning.ok) throw invalid(t.ambiguousWord(word, choicesIn(meaning.choices, ROLE_LABELS_LV)));
    else list.push(meaning.value);
  }
  if (unknown.length > 0) throw invalid(t.unknownRole(unknown.join(', '), ROLES.join(', ')));
  return [...new Set(list)].sort();
}

/** A journal row's historic entry time, stored as the school-local timestamp; empty: the import's own time. */
export function enteredAtCell(ctx: ServiceContext, value: string | undefined): string | undefined {
  return value ? entryTimestamp(ctx, value) : undefined;
}

/** A kind of work in our words or the Latvian ones (src/domain/latvian-values.ts); an ambiguous word is refused with its choices. */
export function work(value: string | undefined): WorkKind {
  if (!value) return 'regular';
  const meaning = workOfWord(value);
  if (!meaning) throw invalid(t.unknownWork(WORK_KINDS.join(', ')));
  if (!meaning.ok) throw invalid(t.ambiguousWord(value, choicesIn(meaning.choices, WORK_LABELS_LV)));
  return meaning.value;
}

const HOLIDAY_KINDS: Record<string, string> = { brīvlaiks: 'school-break', 'svētku diena': 'holiday', brīvdiena: 'holiday', 'darba diena': 'working-day' };

/** The fields of `wanted` that are given and differ from `stored`. */
function changed<T extends object>(stored: object, wanted: T): Partial<T> {
  const out: Record<string, unknown> = {};
  const before = stored as Record<string, unknown>;
  for (const [field, value] of Object.entries(wanted)) {
    if (value !== undefined && value !== before[field]) out[field] = value;
  }
  return out as Partial<T>;
}

const isEmpty = (o: object) => Object.keys(o).length === 0;
/** A cell for a service that treats '' as "clear" and undefined as "leave alone". */
const cell = (v: string | null | undefined) => (v === null ? '' : v);
const lower = (...parts: (string | undefined)[]) => parts.map((p) => (p ?? '').toLowerCase()).join('\u0000');

// --- The kinds -------------------------------------------------------------------

const subjects: KindHandler<FieldOf<'subjects'>> = {
  registry: true,
  key: (row) => ({ key: row.get('code')!, field: 'code', label: t.labelCode(row.get('code')!) }),
  async apply(row) {
    const { ctx } = row;
    const code = row.get('code')!;
    const name = row.get('name')!;
    const stored = await findSubjectByCode(ctx.db, ctx.school.id, code);
    if (!stored) return (await addSubject(ctx, code, { name }), 'created');
    if (stored.name === name) return 'unchanged';
    return (await setSubject(ctx, code, { name }), 'updated');
  },
};

const staff: KindHandler<FieldOf<'staff'>> = {
  registry: true,
  key: (row) => ({ key: row.get('code')!, field: 'code', label: t.labelCode(row.get('code')!) }),
  async apply(row) {
    const { ctx } = row;
    const code = row.get('code')!;
    const wanted = {
      first_name: row.get('first_name'),
      last_name: row.get('last_name'),
      roles: (await row.check('roles', roles))?.join('|'),
      phone: await row.check('phone', optionalPhone),
      email: await row.check('email', optionalEmail),
    };
    if (row.failed) return null;
    const input = (w: Partial<typeof wanted>) => ({
      firstName: w.first_name,
      lastName: w.last_name,
      roles: w.roles?.split('|'),
      phone: w.phone === undefined ? undefined : cell(w.phone),
      email: w.email === undefined ? undefined : cell(w.email),
    });
    const stored = await findStaffByCode(ctx.db, ctx.school.id, code);
    if (!stored) return (await addStaff(ctx, code, input(wanted)), 'created');
    const diff = changed({ ...stored, roles: [...stored.roles].sort().join('|') }, wanted);
    if (isEmpty(diff)) return 'unchanged';
    return (await setStaff(ctx, code, input(diff)), 'updated');
  },
};

const classes: KindHandler<FieldOf<'classes'>> = {
  registry: true,
  key: (row) => ({ key: row.get('code')!, field: 'code', label: t.labelClass(row.get('code')!) }),
  async apply(row, refs) {
    const { ctx } = row;
    const code = row.get('code')!;
    const level = await row.check('level', (v) => (v ? requireInteger(v, 'level', 1, 12) : undefined));
    const teacher = await row.check('class_teacher', async (v) => (v ? (await refs.staff(v, 'class teacher')).id : v === '' ? null : undefined));
    if (row.failed) return null;
    const year = await refs.year();
    const stored = await findClassByCode(ctx.db, year.id, code);
    const teacherCode = row.get('class_teacher');
    if (!stored) return (await addClass(ctx, code, { level, classTeacher: teacherCode || undefined }), 'created');
    const diff = changed(stored, { level, class_teacher_id: teacher });
    if (isEmpty(diff)) return 'unchanged';
    await setClass(ctx, code, { level: diff.level, classTeacher: diff.class_teacher_id === undefined ? undefined : (teacherCode ?? '') });
    return 'updated';
  },
};

/**
 * Who a row is: the code column, else (issue 3) the normalised personas kods,
 * which identifies the student but never becomes their code (issue 14). A
 * personas kods in the code column (an older export, a school's habit) is
 * taken as the personas kods it is.
 */
function studentCode(row: Row<FieldOf<'students'>>): { code: string; field: FieldOf<'students'>; label: string; byPersonalCode: boolean } | null {
  const code = row.get('code');
  if (code && !looksLikePersonalCode(code)) return { code, field: 'code', label: t.labelCode(code), byPersonalCode: false };
  const personal = row.get('personal_code') || code;
  const check = personal ? checkPersonalCode(personal) : null;
  if (check?.ok) return { code: check.normalized, field: row.get('personal_code') ? 'personal_code' : 'code', label: t.labelPersonalCode(maskPersonalCode(check.normalized)), byPersonalCode: true };
  return null;
}

const students: KindHandler<FieldOf<'students'>> = {
  registry: true,
  key(row) {
    const id = studentCode(row);
    return id && { key: id.code, field: id.field, label: id.label };
  },
  async apply(row, refs) {
    const { ctx } = row;
    const wanted = {
      first_name: row.get('first_name'),
      last_name: row.get('last_name'),
      personal_code: await row.check('personal_code', personalCode),
      // An empty birth date is "not given": the personas kods may supply it.
      birth_date: (await row.check('birth_date', isoDate)) || undefined,
      sex: await row.check('sex', sex),
      phone: await row.check('phone', optionalPhone),
      email: await row.check('email', optionalEmail),
      address: optionalText(row.get('address')),
    };
    const className = row.get('class') || undefined;
    if (className) await row.check('class', (v) => refs.class(v!));
    const id = studentCode(row);
    const code = row.get('code');
    if (!id && !row.failed) {
      const check = code && looksLikePersonalCode(code) ? checkPersonalCode(code) : null;
      if (check && !check.ok) row.fail('code', t.personalCodeShape(check.reason));
      else row.fail(row.has('code') ? 'code' : 'personal_code', t.studentNeedsCode);
    }
    if (row.failed || !id) return null;
    // A personas kods given only in the code column is the student's personas kods.
    if (id.byPersonalCode && code && !row.get('personal_code')) wanted.personal_code = id.code;
    // Without a code the personas kods identifies the student (issue 3): a known one keeps their code, a new one gets a generated code.
    if (id.byPersonalCode) {
      const known = await findStudentByPersonalCode(ctx.db, ctx.school.id, id.code);
      id.code = known ? known.code : await refs.newStudentCode();
    }
    const input = (w: Partial<typeof wanted>) => ({
      firstName: w.first_name,
      lastName: w.last_name,
      personalCode: w.personal_code === undefined ? undefined : cell(w.personal_code),
      birthDate: w.birth_date,
      sex: w.sex === undefined ? undefined : cell(w.sex),
      phone: w.phone === undefined ? undefined : cell(w.phone),
      email: w.email === undefined ? undefined : cell(w.email),
      address: w.address === undefined ? undefined : cell(w.address),
    });
    const stored = await findStudentByCode(ctx.db, ctx.school.id, id.code);
    if (!stored) return (await addStudent(ctx, id.code, { ...input(wanted), class: className }), 'created');
    const diff = changed(stored, wanted);
    if (!isEmpty(diff)) await setStudent(ctx, id.code, input(diff));
    let moved = false;
    if (className) {
      const placement = await placementInYear(ctx.db, stored.id, (await refs.year()).id);
      if (placement?.class !== className || placement.to_date !== null) {
        await moveStudent(ctx, id.code, { class: className });
        moved = true;
      }
    }
    return isEmpty(diff) && !moved ? 'unchanged' : 'updated';
  },
};

const guardians: KindHandler<FieldOf<'guardians'>> = {
  key: (row) => ({
    key: lower(row.get('student'), row.get('first_name'), row.get('last_name')),
    field: 'last_name',
    student: row.get('student'),
    label: (name, code) => t.labelGuardian(`${row.get('first_name')} ${row.get('last_name')}`, name, code),
  }),
  async apply(row, refs) {
    const { ctx } = row;
    const student = await row.check('student', (v) => refs.student(v!));
    const relation = await row.check('relation', parseRelation);
    const wanted = {
      phone: await row.check('phone', optionalPhone),
      email: await row.check('email', optionalEmail),
      address: optionalText(row.get('address')),
    };
    if (row.failed || !student || !relation) return null;
    const firstName = row.get('first_name')!;
    const lastName = row.get('last_name')!;
    const input = (w: Partial<typeof wanted>) => ({
      phone: w.phone === undefined ? undefined : cell(w.phone),
      email: w.email === undefined ? undefined : cell(w.email),
      address: w.address === undefined ? undefined : cell(w.address),
    });
    const sameName = (g: { first_name: string; last_name: string }) => lower(g.first_name, g.last_name) === lower(firstName, lastName);
    const mine = (await listGuardianViews(ctx.db, ctx.school.id, { studentIds: [student.id] })).find(sameName);
    if (mine) {
      const diff = changed(mine, wanted);
      if (isEmpty(diff)) return 'unchanged';
      return (await setGuardian(ctx, mine.id, input(diff)), 'updated');
    }
    // Siblings share parents: the same name with the same phone or e-mail is the same person, linked once more.
    const contact = (g: { phone: string | null; email: string | null }) =>
      (!!wanted.phone && g.phone === wanted.phone) || (!!wanted.email && g.email === wanted.email);
    const sibling = (await listGuardianViews(ctx.db, ctx.school.id)).find((g) => sameName(g) && contact(g));
    if (sibling) return (await linkGuardianToStudents(ctx, sibling.id, { students: [student.code], relation }), 'updated');
    await addGuardian(ctx, { students: [student.code], firstName, lastName, relation, ...input(wanted) });
    return 'created';
  },
};

const assignments: KindHandler<FieldOf<'assignments'>> = {
  registry: true,
  key: (row) => ({
    key: lower(row.get('class'), row.get('subject'), row.get('teacher')),
    field: 'teacher',
    label: t.labelAssignment(row.get('teacher')!, row.get('subject')!, row.get('class')!),
  }),
  async apply(row, refs) {
    const { ctx } = row;
    const schoolClass = await row.check('class', (v) => refs.class(v!));
    const subject = await row.check('subject', (v) => refs.subject(v!));
    const teacher = await row.check('teacher', (v) => refs.staff(v!));
    if (row.failed || !schoolClass || !subject || !teacher) return null;
    if (await findAssignment(ctx.db, schoolClass.id, subject.id, teacher.id)) return 'unchanged';
    await addAssignment(ctx, { class: schoolClass.code, subject: subject.code, teacher: teacher.code });
    return 'created';
  },
};

function holidayKind(value: string | undefined): string {
  if (!value) return 'school-break';
  return HOLIDAY_KINDS[value.toLowerCase()] ?? value.toLowerCase();
}

const holidays: KindHandler<FieldOf<'holidays'>> = {
  registry: true,
  key(row) {
    const from = importDate(row.get('from')!) ?? row.get('from')!;
    const to = importDate(row.get('to') || row.get('from')!) ?? row.get('to')!;
    const kind = holidayKind(row.get('kind'));
    return { key: lower(from, to, kind), field: 'from', label: t.labelCalendar(from, to, kind) };
  },
  async apply(row) {
    const { ctx } = row;
    const from = await row.check('from', isoDate);
    const to = (await row.check('to', isoDate)) ?? from;
    const kind = holidayKind(row.get('kind'));
    const name = row.get('name')!;
    if (row.failed || !from || !to) return null;
    const stored = await findHoliday(ctx.db, ctx.school.id, { starts_on: from, ends_on: to, kind: kind as Holiday['kind'] });
    if (stored?.name === name) return 'unchanged';
    // Entries have no rename: the named one replaces the old (the calendar keeps no history of names).
    if (stored) await removeHoliday(ctx, stored.id);
    await addHoliday(ctx, { from, to, kind, name });
    return stored ? 'updated' : 'created';
  },
};

function weekdayCell(value: string | undefined): number {
  const day = value ? parseWeekday(value) : null;
  if (day === null) throw invalid(t.badWeekday);
  return day;
}

/** A lesson of the weekly timetable: set through `timetable set`, from the `from` day (default: today). */
const timetable: KindHandler<FieldOf<'timetable'>> = {
  registry: true,
  key(row) {
    const weekday = parseWeekday(row.get('weekday') ?? '') ?? row.get('weekday');
    const from = importDate(row.get('from') ?? '') ?? row.get('from');
    return {
      key: lower(row.get('class'), String(weekday), row.get('number'), from, row.get('group')),
      field: 'number',
      label: t.labelTimetable(row.get('class')!, String(weekday), row.get('number')!, from ?? ''),
    };
  },
  async apply(row, refs) {
    const { ctx } = row;
    const schoolClass = await row.check('class', (v) => refs.class(v!));
    const weekday = await row.check('weekday', weekdayCell);
    const number = await row.check('number', (v) => requireInteger(v, 'number', LESSON_NUMBERS.min, LESSON_NUMBERS.max));
    const subject = await row.check('subject', (v) => refs.subject(v!));
    const teacher = await row.check('teacher', (v) => (v ? refs.staff(v) : undefined));
    const from = await row.check('from', isoDate);
    if (row.failed || !schoolClass || weekday === undefined || number === undefined || !subject) return null;
    const group = await row.check('group', async (v) => (v ? resolveGroup(ctx, await refs.year(), v) : undefined));
    if (row.failed) return null;
    const { outcome } = await setTimetableSlot(ctx, { class: schoolClass.code, weekday, number, subject: subject.code, teacher: teacher?.code, from, group: group?.code });
    return outcome === 'replaced' ? 'updated' : outcome;
  },
};

type PlaceField = 'class' | 'subject' | 'date' | 'number';
/** The part of a row that names a place in the journal (method syntax: any kind's row with these columns fits). */
interface PlaceRow {
  get(field: PlaceField): string | undefined;
  check<T>(field: PlaceField, parse: (value: string | undefined) => T | Promise<T>): Promise<T | undefined>;
}

/** Class, subject, date and lesson number: how lessons, absences and grades name their place in the journal. */
async function journalPlace(row: PlaceRow, refs: Refs, numberRequired: boolean) {
  const schoolClass = await row.check('class', (v) => refs.class(v!));
  const subject = await row.check('subject', (v) => refs.subject(v!));
  const date = await row.check('date', isoDate);
  const number = await row.check('number', (v) => (v || numberRequired ? requireInteger(v, 'number', LESSON_NUMBERS.min, LESSON_NUMBERS.max) : undefined));
  return { schoolClass, subject, date, number };
}

const placeKey = (row: PlaceRow) =>
  [row.get('class'), row.get('subject'), importDate(row.get('date') ?? '') ?? row.get('date'), row.get('number')];

const lessons: KindHandler<FieldOf<'lessons'>> = {
  key(row) {
    const [cls, subject, date, number] = placeKey(row);
    const group = row.get('group');
    return { key: lower(cls, subject, date, number, group), field: 'number', label: t.labelLesson(cls!, subject!, date!, number!, group ?? '') };
  },
  async apply(row, refs) {
    const { ctx } = row;
    const { schoolClass, subject, date, number } = await journalPlace(row, refs, true);
    const teacher = await row.check('teacher', (v) => (v ? refs.staff(v) : undefined));
    const substituted = await row.check('substitute_for', (v) => (v ? refs.staff(v) : undefined));
    const enteredAt = await row.check('entered_at', (v) => enteredAtCell(ctx, v));
    const group = await row.check('group', async (v) => (v ? resolveGroup(ctx, await refs.year(), v) : undefined));
    if (row.failed || !schoolClass || !subject || !date || number === undefined) return null;
    const place = { class: schoolClass.code, subject: subject.code, date, number };
    const wanted = { topic: row.get('topic'), homework: optionalText(row.get('homework')) };
    // A group's lesson across classes is one row per class in an export: the first creates them all.
    const stored = (await findLessonsOn(ctx.db, schoolClass.id, subject.id, date)).find((l) => l.number === number && l.group_id === (group?.id ?? null));
    if (!stored) {
      await addLesson(ctx, { ...place, topic: wanted.topic, homework: row.get('homework'), teacher: teacher?.code, substituteFor: substituted?.code, enteredAt, group: group?.code });
      if (enteredAt === undefined) {
        // Entered "now": a lesson of last year or of weeks ago is then late by the deadline rules.
        const late = lessonLateness(date, ctx.now, await refs.calendar());
        if (late) {
          refs.lateLessons.count++;
          refs.lateLessons.mostDays = Math.max(refs.lateLessons.mostDays, late.working_days_late);
          if ((await refs.year()).ends_on < localDateOf(ctx.now)) refs.lateLessons.earlierYear++;
        }
      }
      return 'created';
    }
    const diff = changed(stored, wanted);
    if (isEmpty(diff)) return 'unchanged';
    await setLesson(ctx, { lesson: stored.id }, { topic: diff.topic, homework: diff.homework === undefined ? undefined : cell(diff.homework), enteredAt });
    return 'updated';
  },
  async finish(refs) {
    const { count, mostDays, earlierYear } = refs.lateLessons;
    if (count === 0) return null;
    const year = (await refs.year()).code;
    return t.lateLessons(count, earlierYear, year, mostDays);
  },
};

const absences: KindHandler<FieldOf<'absences'>> = {
  key(row) {
    const [cls, subject, date, number] = placeKey(row);
    return {
      key: lower(cls, subject, date, number, row.get('student')),
      field: 'student',
      // Code only, as the bulk path (bulk.ts) names it: the two paths say the same.
      label: t.labelAbsence(row.get('student')!, cls!, subject!, date!, number ?? ''),
    };
  },
  async apply(row, refs) {
    const { ctx } = row;
    const { schoolClass, subject, date, number } = await journalPlace(row, refs, false);
    const student = await row.check('student', (v) => refs.student(v!));
    const code = await row.check('code', (v) => {
      const c = v!.toLowerCase();
      if (!(ABSENCE_CODES as readonly string[]).includes(c)) throw invalid(t.badAbsenceCode);
      return c as (typeof ABSENCE_CODES)[number];
    });
    const enteredAt = await row.check('entered_at', (v) => enteredAtCell(ctx, v));
    if (row.failed || !schoolClass || !subject || !date || !student || !code) return null;
    // Two groups of the class may have the lesson: the student's group decides.
    const place = { class: schoolClass.code, subject: subject.code, date, number, students: [student.code] };
    const lesson = await row.check('date', async () => (await resolveLesson(ctx, place)).lesson);
    if (!lesson) return null;
    const [stored] = await findAbsencesOfLesson(ctx.db, lesson.id, [student.id]);
    const current = stored && stored.removed !== 1 ? stored.code : undefined;
    if (current === code) return 'unchanged';
    // A justified absence is a class teacher's decision on a mark: the mark first, then the decision.
    const mark = code === 'ns' || code === 'nc' ? 'n' : code;
    if (current !== mark) await markAbsences(ctx, { lesson: lesson.id, students: [student.code], code: mark, enteredAt });
    if (mark !== code) await justifyAbsences(ctx, { student: student.code, from: date, to: date, reason: code === 'ns' ? 'illness' : 'other' });
    return stored ? 'updated' : 'created';
  },
};

/** The problem for a grade row that repeats an earlier one cell for cell (the per-row and the bulk path say the same). */
export function sameRowReason(label: string, line: number): string {
  return t.sameRow(label, line);
}

const grades: KindHandler<FieldOf<'grades'>> = {
  repeatable: true,
  rest: (row) => [row.get('value'), row.get('note'), row.get('entered_at')].map((v) => v ?? '').join('\u0000'),
  key(row) {
    const [cls, subject, date] = placeKey(row as never);
    const kind = (() => {
      try {
        return work(row.get('work'));
      } catch {
        return row.get('work');
      }
    })();
    return {
      key: lower(cls, subject, date, row.get('student'), kind),
      field: 'student',
      // Code only, as the bulk path (bulk.ts) names it: the two paths say the same.
      label: t.labelGrade(row.get('student')!, cls!, subject!, date ?? '', String(kind)),
    };
  },
  async apply(row, refs) {
    const { ctx } = row;
    const schoolClass = await row.check('class', (v) => refs.class(v!));
    const subject = await row.check('subject', (v) => refs.subject(v!));
    const date = await row.check('date', isoDate);
    const student = await row.check('student', (v) => refs.student(v!));
    const kind = await row.check('work', work);
    const value = kind && schoolClass ? await row.check('value', (v) => {
      const check = checkGrade({ value: v!, work: kind, level: schoolClass.level, exemptCertificate: null });
      if (!check.ok) throw invalid(check.reason);
      return check.value;
    }) : undefined;
    const enteredAt = await row.check('entered_at', (v) => enteredAtCell(ctx, v));
    if (row.failed || !schoolClass || !subject || !student || !kind || value === undefined) return null;
    const year = await refs.year();
    const sameKey = await listGradeViews(ctx.db, { yearId: year.id, classId: schoolClass.id, subjectId: subject.id, studentId: student.id, from: date, to: date, work: kind });
    const stored = sameKey[row.occurrence];
    if (stored?.value === value) return 'unchanged';
    const note = row.get('note');
    if (stored) {
      // Through `grade correct`, so the old value and the reason stay in the history (issue 3).
      await correctGrade(ctx, stored.id, { value, reason: `Imports: ${row.file}`, note });
      return 'updated';
    }
    await enterGrades(ctx, { class: schoolClass.code, subject: subject.code, date, students: [student.code], value, work: kind, note, enteredAt });
    return 'created';
  },
};

/** A list cell: codes separated by |, "," or ; (teachers and classes of a group). */
function codeList(value: string | undefined): string[] {
  return [...new Set((value ?? '').split(/[|,;]/).map((v) => v.trim()).filter(Boolean))];
}

const groups: KindHandler<FieldOf<'groups'>> = {
  registry: true,
  key: (row) => ({ key: lower(row.get('code')), field: 'code', label: t.labelGroup(row.get('code')!) }),
  async apply(row, refs) {
    const { ctx } = row;
    const subject = await row.check('subject', (v) => refs.subject(v!));
    const teachers = await row.check('teachers', async (v) => {
      const codes = codeList(v);
      if (codes.length === 0) throw invalid(t.groupNeedsTeacher);
      for (const code of codes) await refs.staff(code);
      return codes;
    });
    const classes = await row.check('classes', async (v) => {
      const codes = codeList(v);
      for (const code of codes) await refs.class(code);
      return codes;
    });
    const code = row.get('code')!;
    if (row.failed || !subject || !teachers) return null;
    const year = await refs.year();
    const stored = await findGroupByCode(ctx.db, year.id, code);
    if (!stored) {
      await row.check('code', () => addGroup(ctx, code, { subject: subject.code, teachers, classes, name: row.get('name') }));
      return row.failed ? null : 'created';
    }
    const view = (await listGroupViews(ctx.db, year.id, referenceDate(ctx, year), { code: stored.code }))[0]!;
    const sameTeachers = [...view.teachers].sort().join('|') === [...teachers].sort().join('|');
    const newClasses = (classes ?? []).filter((c) => !view.classes.includes(c));
    const name = row.get('name') === undefined ? undefined : optionalText(row.get('name')) ?? null;
    const sameName = name === undefined || name === view.name;
    if (view.subject === subject.code && sameTeachers && newClasses.length === 0 && sameName) return 'unchanged';
    await row.check('code', () => setGroup(ctx, code, { subject: subject.code, teachers, classes: newClasses, name: name === undefined ? undefined : cell(name) }));
    return row.failed ? null : 'updated';
  },
};

const groupMembers: KindHandler<FieldOf<'group_members'>> = {
  registry: true,
  key: (row) => ({
    key: lower(row.get('group'), row.get('student'), parseDateInput(row.get('from') ?? '') ?? row.get('from')),
    field: 'student',
    student: row.get('student'),
    label: (name, code) => t.labelMembership(name, code, row.get('group')!, row.get('from') ?? ''),
  }),
  async apply(row, refs) {
    const { ctx } = row;
    const year = await refs.year();
    const group = await row.check('group', (v) => resolveGroup(ctx, year, v!));
    const student = await row.check('student', (v) => refs.student(v!));
    // Empty: from today (before the year begins, its first day), as `group member add` does.
    const from = (await row.check('from', isoDate)) ?? referenceDate(ctx, year);
    const to = await row.check('to', isoDate);
    if (row.failed || !group || !student) return null;
    const stored = (await groupMemberships(ctx.db, group.id)).find((m) => m.student_id === student.id && m.from_date === from);
    if (stored && stored.to_date === (to ?? null)) return 'unchanged';
    if (stored) {
      // Only the end moves: a membership ends (or ends later) as the file says.
      if (to === undefined) return 'unchanged';
      await endGroupMember(ctx.db, stored.id, to);
      return 'updated';
    }
    await row.check('student', () => addGroupMembers(ctx, group.code, { students: [student.code], from, to }));
    return row.failed ? null : 'created';
  },
};

export const HANDLERS: { [K in TransferKind]: KindHandler<FieldOf<K>> } = {
  groups,
  group_members: groupMembers,
  subjects,
  staff,
  classes,
  students,
  guardians,
  assignments,
  timetable,
  holidays,
  lessons,
  absences,
  grades,
};
