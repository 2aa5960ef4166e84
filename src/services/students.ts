import { AppError } from '../errors.ts';
import type { SchoolYear, Student } from '../db/schema.ts';
import {
  endEnrollment,
  findStudentByCode,
  findStudentByPersonalCode,
  insertEnrollment,
  insertStudent,
  listStudents,
  placementInYear,
  placementsOf,
  updateStudent,
  type Placement,
  type StudentListRow,
} from '../db/repositories/students.ts';
import { findClassById } from '../db/repositories/classes.ts';
import { listGuardianViews, type GuardianView } from '../db/repositories/guardians.ts';
import { listGradeViews } from '../db/repositories/grades.ts';
import { listAbsenceViews } from '../db/repositories/absences.ts';
import { addDays, compareDates } from '../domain/dates.ts';
import { checkPersonalCode, looksLikePersonalCode, maskPersonalCode } from '../domain/personal-code.ts';
import { requireActor, requireRight, timestamp, type ServiceContext } from './context.ts';
import { optionalDate, optionalEmail, optionalName, optionalPhone, optionalText, requireName, requireText } from './input.ts';
import { resolveClass, resolveStudent, resolveYear } from './lookup.ts';
import { checkCode } from './staff.ts';
import { readingIn } from './reading.ts';
import { referenceDate } from './classes.ts';
import { studentProfile, syncProfile } from './account-provisioning.ts';
import { m as p } from '../i18n/messages/people.ts';

export interface StudentInput {
  firstName?: string;
  lastName?: string;
  personalCode?: string;
  birthDate?: string;
  sex?: string;
  class?: string;
  from?: string;
  phone?: string;
  email?: string;
  address?: string;
}

export type StudentView = StudentListRow;

export interface StudentFile extends StudentView {
  guardians: GuardianView[];
  classes: Omit<Placement, 'enrollment_id' | 'class_id'>[];
}

const SEX_ALIASES: Record<string, 'M' | 'F'> = { m: 'M', male: 'M', v: 'M', 'vīr': 'M', f: 'F', female: 'F', s: 'F', siev: 'F' };

function parseSex(value: string | undefined): 'M' | 'F' | null | undefined {
  const text = optionalText(value);
  if (text === undefined || text === null) return text;
  const sex = SEX_ALIASES[text.toLowerCase()];
  if (!sex) throw new AppError('usage', p.badSex(String(value)));
  return sex;
}

function validPersonalCode(code: string) {
  const check = checkPersonalCode(code);
  if (!check.ok) throw new AppError('invalid', p.badPersonalCode(code, check.reason));
  return check;
}

/**
 * Validates the personas kods (REFERENCE §5) and keeps the birth date consistent
 * with the code in force after the change (the given one, else the stored one).
 */
function personalData(input: StudentInput, stored?: Student): { personal_code?: string | null; birth_date?: string | null } {
  const result: { personal_code?: string | null; birth_date?: string | null } = {};
  const given = optionalText(input.personalCode);
  if (given !== undefined) result.personal_code = given === null ? null : validPersonalCode(given).normalized;
  const codeInForce = given !== undefined ? result.personal_code : stored?.personal_code;
  const check = codeInForce ? validPersonalCode(codeInForce) : null;
  const fromCode = check?.ok && check.form === 'legacy' ? check.birthDate : null;
  const birth = input.birthDate === '' ? null : optionalDate(input.birthDate, 'birth-date');
  if (birth && fromCode && birth !== fromCode) {
    throw new AppError('invalid', p.birthDateContradicts(birth, fromCode));
  }
  if (birth !== undefined) result.birth_date = birth;
  else if (given !== undefined && fromCode) result.birth_date = fromCode;
  return result;
}

function requireWithinYear(date: string, year: SchoolYear, flag: string): void {
  if (date < year.starts_on || date > year.ends_on) {
    throw new AppError('invalid', p.outsideYear(flag, date, year.code, year.starts_on, year.ends_on));
  }
}

async function ensurePersonalCodeFree(ctx: ServiceContext, personalCode: string | null | undefined, exceptId?: number): Promise<void> {
  if (!personalCode) return;
  const other = await findStudentByPersonalCode(ctx.db, ctx.school.id, personalCode);
  if (other && other.id !== exceptId) throw new AppError('conflict', p.personalCodeTaken(maskPersonalCode(personalCode), `${other.first_name} ${other.last_name} (${other.code})`));
}

export async function studentView(ctx: ServiceContext, student: Student, options: { revealPersonalCode?: boolean } = {}): Promise<StudentView> {
  const year = await resolveYear(ctx);
  const placement = await placementInYear(ctx.db, student.id, year.id);
  return {
    id: student.id,
    code: student.code,
    first_name: student.first_name,
    last_name: student.last_name,
    class: placement?.class ?? null,
    personal_code: student.personal_code && !options.revealPersonalCode ? maskPersonalCode(student.personal_code) : student.personal_code,
    birth_date: student.birth_date,
    sex: student.sex,
    phone: student.phone,
    email: student.email,
    address: student.address,
  };
}

export async function addStudent(ctx: ServiceContext, codeInput: string, input: StudentInput): Promise<StudentView> {
  const actor = requireRight(ctx, 'manage-registry');
  const code = checkCode(codeInput, 'Student');
  // A code shows in every list and message; a personas kods may show only masked (issue 14).
  if (looksLikePersonalCode(code)) {
    throw new AppError('invalid', p.codeIsPersonalCode(maskPersonalCode(code)));
  }
  const existing = await findStudentByCode(ctx.db, ctx.school.id, code);
  if (existing) throw new AppError('conflict', p.studentExists(`${existing.first_name} ${existing.last_name}`, code));
  const personal = personalData(input);
  await ensurePersonalCodeFree(ctx, personal.personal_code);
  const at = timestamp(ctx);
  const student = await insertStudent(ctx.db, {
    school_id: ctx.school.id,
    code,
    first_name: requireName(input.firstName, 'first-name'),
    last_name: requireName(input.lastName, 'last-name'),
    personal_code: personal.personal_code ?? null,
    birth_date: personal.birth_date ?? null,
    sex: parseSex(input.sex) ?? null,
    phone: optionalPhone(input.phone) ?? null,
    email: optionalEmail(input.email) ?? null,
    address: optionalText(input.address) ?? null,
    created_at: at,
    updated_at: at,
  });
  if (input.class) {
    const year = await resolveYear(ctx);
    const schoolClass = await resolveClass(ctx, year, input.class);
    const from = optionalDate(input.from, 'from') ?? year.starts_on;
    requireWithinYear(from, year, '--from');
    await insertEnrollment(ctx.db, { student_id: student.id, class_id: schoolClass.id, from_date: from, created_at: at, created_by: actor.id });
  }
  await syncProfile(ctx, studentProfile(student));
  return studentView(ctx, student, { revealPersonalCode: true });
}

const CONTACT_FIELDS = ['phone', 'email', 'address'] as const;

/** Contact data is the class teacher's to keep current (§14); names and the personas kods are the registry's. */
export async function setStudent(ctx: ServiceContext, code: string, input: StudentInput): Promise<StudentView> {
  const student = await resolveStudent(ctx, code);
  const touched = Object.entries(input).filter(([, v]) => v !== undefined).map(([k]) => k);
  if (touched.length === 0) throw new AppError('usage', p.nothingToChange);
  if (touched.includes('class')) throw new AppError('usage', p.useMove);
  const onlyContact = touched.every((k) => (CONTACT_FIELDS as readonly string[]).includes(k));
  if (onlyContact) {
    const year = await resolveYear(ctx);
    const placement = await placementInYear(ctx.db, student.id, year.id);
    const schoolClass = placement ? await findClassById(ctx.db, placement.class_id) : undefined;
    requireRight(ctx, 'edit-student-contact', { target: placement?.class, classTeacher: !!schoolClass && schoolClass.class_teacher_id === requireActor(ctx).id });
  } else {
    requireRight(ctx, 'manage-registry');
  }
  const personal = personalData(input, student);
  await ensurePersonalCodeFree(ctx, personal.personal_code, student.id);
  const firstName = optionalName(input.firstName, 'first-name');
  const lastName = optionalName(input.lastName, 'last-name');
  if (firstName === null || lastName === null) throw new AppError('invalid', p.emptyName);
  const updated = await updateStudent(ctx.db, student.id, {
    first_name: firstName,
    last_name: lastName,
    ...personal,
    sex: parseSex(input.sex),
    phone: optionalPhone(input.phone),
    email: optionalEmail(input.email),
    address: optionalText(input.address),
    updated_at: timestamp(ctx),
  });
  await syncProfile(ctx, studentProfile(updated));
  return studentView(ctx, updated, { revealPersonalCode: true });
}

/** Moves a student to another class from a date; the old class keeps the lessons before it. */
export async function moveStudent(ctx: ServiceContext, code: string, input: { class?: string; date?: string }): Promise<StudentFile> {
  const actor = requireRight(ctx, 'manage-registry');
  const student = await resolveStudent(ctx, code);
  const year = await resolveYear(ctx);
  const target = await resolveClass(ctx, year, requireText(input.class, 'class'));
  const date = optionalDate(input.date, 'date') ?? referenceDate(ctx, year);
  requireWithinYear(date, year, '--date');
  const current = await placementInYear(ctx.db, student.id, year.id);
  const who = `${student.first_name} ${student.last_name} (${student.code})`;
  if (current && current.to_date === null) {
    if (current.class_id === target.id) throw new AppError('conflict', p.alreadyInClass(who, target.code));
    if (compareDates(date, current.from_date) <= 0) {
      throw new AppError('invalid', p.moveBeforeJoin(who, current.class, current.from_date));
    }
    await endEnrollment(ctx.db, current.enrollment_id, addDays(date, -1));
  }
  await insertEnrollment(ctx.db, { student_id: student.id, class_id: target.id, from_date: date, created_at: timestamp(ctx), created_by: actor.id });
  return showStudent(ctx, student.code);
}

/**
 * Ends the student's open placement of the year on `lastDay` (default: today),
 * for one who leaves without joining another class. Refused while the class
 * holds the student's grades or absences after that day: they would belong
 * to no placement.
 */
export async function leaveClass(ctx: ServiceContext, code: string, input: { lastDay?: string } = {}): Promise<StudentFile> {
  requireRight(ctx, 'manage-registry');
  const student = await resolveStudent(ctx, code);
  const year = await resolveYear(ctx);
  const current = await placementInYear(ctx.db, student.id, year.id);
  const who = `${student.first_name} ${student.last_name} (${student.code})`;
  if (!current || current.to_date !== null) throw new AppError('conflict', p.inNoClass(who, year.code));
  const lastDay = optionalDate(input.lastDay, 'date') ?? referenceDate(ctx, year);
  requireWithinYear(lastDay, year, '--date');
  if (compareDates(lastDay, current.from_date) < 0) {
    throw new AppError('invalid', p.leaveBeforeJoin(who, current.class, current.from_date));
  }
  const after = { yearId: year.id, studentId: student.id, classId: current.class_id, from: addDays(lastDay, 1) };
  const grades = (await listGradeViews(ctx.db, after)).length;
  const absences = (await listAbsenceViews(ctx.db, after)).length;
  if (grades + absences > 0) {
    throw new AppError('conflict', p.leaveWithRecords(`${student.first_name} ${student.last_name}`, student.code, grades, absences, current.class, lastDay));
  }
  await endEnrollment(ctx.db, current.enrollment_id, lastDay);
  return showStudent(ctx, student.code);
}

export async function showStudent(ctx: ServiceContext, code: string): Promise<StudentFile> {
  const student = await resolveStudent(ctx, code);
  const view = await studentView(ctx, student, { revealPersonalCode: true });
  const guardians = await listGuardianViews(ctx.db, ctx.school.id, { studentIds: [student.id] });
  const classes = (await placementsOf(ctx.db, student.id)).map(({ enrollment_id: _e, class_id: _c, ...rest }) => rest);
  return { ...view, guardians, classes };
}

export async function listStudentViews(ctx: ServiceContext, filter: { class?: string } = {}): Promise<StudentView[]> {
  const year = await resolveYear(ctx);
  const reading = await readingIn(ctx, year);
  const schoolClass = filter.class ? await resolveClass(ctx, year, filter.class) : undefined;
  if (schoolClass) reading.require('read-registry', { classes: [schoolClass.code] });
  const rows = await listStudents(ctx.db, ctx.school.id, year.id, referenceDate(ctx, year), { classId: schoolClass?.id });
  const readable = reading.filter('read-registry', rows, (r) => ({ classes: [r.class], student: r.code }));
  return readable.map((r) => ({ ...r, personal_code: r.personal_code ? maskPersonalCode(r.personal_code) : null }));
}
