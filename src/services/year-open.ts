import { AppError } from '../errors.ts';
import type { SchoolYear } from '../db/schema.ts';
import { currentDecisions } from '../db/repositories/promotion-decisions.ts';
import { reportClasses, rosterInPeriod, subjectsByIds, type ReportClass } from '../db/repositories/report-data.ts';
import { assignmentsOfClasses, insertAssignment } from '../db/repositories/assignments.ts';
import { findClassByCode, insertClass } from '../db/repositories/classes.ts';
import { findSchoolYear, clearCurrentSchoolYear, updateSchoolYear } from '../db/repositories/school-years.ts';
import { listStaff, type StaffWithRoles } from '../db/repositories/staff.ts';
import { insertEnrollment } from '../db/repositories/students.ts';
import { byKeys } from '../domain/latvian-order.ts';
import { classCodeAtLevel, nextYearMove, type RecordedKind } from '../domain/promotion.ts';
import { parseYearCode } from '../domain/school-year.ts';
import { requireRight, timestamp, type ServiceContext } from './context.ts';
import { requireText } from './input.ts';
import { resolveYear } from './lookup.ts';
import { createSchoolYear } from './years.ts';
import { m as t } from '../i18n/messages/calendar-years.ts';

export interface OpenYearInput {
  from?: string;
  carryAssignments?: boolean;
  dryRun?: boolean;
  current?: boolean;
}

export interface PlannedStudent {
  code: string;
  first_name: string;
  last_name: string;
  /** The class in the year before. */
  from_class: string;
  decision: RecordedKind;
}

export interface PlannedClass {
  code: string;
  level: number;
  /** The class whose students move up into it (its class teacher and assignments come along with --carry-assignments). */
  promoted_from: string | null;
  class_teacher: string | null;
  students: PlannedStudent[];
  assignments: { subject: string; teacher: string }[];
}

export interface YearOpenPlan {
  year: string;
  from: string;
  dry_run: boolean;
  /** False when the year had been added before (`year add`) and only its classes are new. */
  year_created: boolean;
  classes: PlannedClass[];
  /** Graduates and those receiving a certificate: in no class of the new year. */
  leaving: PlannedStudent[];
  /** What --carry-assignments left behind, and why. */
  not_carried: string[];
}

interface Member {
  student_id: number;
  code: string;
  first_name: string;
  last_name: string;
  schoolClass: ReportClass;
}

/** Everybody in a class of the year on its last day. */
async function yearEndMembers(ctx: ServiceContext, year: SchoolYear, classes: readonly ReportClass[]): Promise<Member[]> {
  const byId = new Map(classes.map((c) => [c.id, c]));
  const roster = await rosterInPeriod(ctx.db, [...byId.keys()], year.ends_on, year.ends_on);
  const seen = new Set<number>();
  const members: Member[] = [];
  for (const r of roster) {
    if (seen.has(r.student_id)) continue;
    seen.add(r.student_id);
    members.push({ student_id: r.student_id, code: r.code, first_name: r.first_name, last_name: r.last_name, schoolClass: byId.get(r.class_id)! });
  }
  return members.sort(byKeys((m) => m.schoolClass.level, (m) => m.schoolClass.code, (m) => m.last_name, (m) => m.first_name, (m) => m.code));
}

/** A student as the year end's messages name them: "Jānis Bērziņš (S001, 7.a)". */
const who = (s: Member) => `${s.first_name} ${s.last_name} (${s.code}, ${s.schoolClass.code})`;

/** The new year's classes from the old year's recorded decisions; refuses while any decision is missing or pending. */
/** Ids behind the codes a plan shows. */
interface PlanIds {
  students: Map<string, number>;
  staff: Map<string, number>;
  subjects: Map<string, number>;
}

async function planYear(ctx: ServiceContext, source: SchoolYear, code: string, input: OpenYearInput): Promise<{ plan: YearOpenPlan; ids: PlanIds }> {
  const classes = await reportClasses(ctx.db, source.id);
  const members = await yearEndMembers(ctx, source, classes);
  const decisions = await currentDecisions(ctx.db, source.id, members.map((m) => m.student_id));
  const undecided = members.filter((m) => !decisions.has(m.student_id));
  if (undecided.length > 0) {
    throw new AppError(
      'invalid',
      t.undecided(undecided.length, source.code),
      undecided.map(who),
    );
  }
  const pending = members.filter((m) => nextYearMove(decisions.get(m.student_id)!.decision).move === 'pending');
  if (pending.length > 0) {
    throw new AppError(
      'invalid',
      t.pendingMakeup(pending.length, source.code),
      pending.map((m) => {
        const move = nextYearMove(decisions.get(m.student_id)!.decision);
        return `${who(m)}: ${move.move === 'pending' ? move.subjects.join(', ') : ''}`;
      }),
    );
  }

  const staff = new Map<number, StaffWithRoles>((await listStaff(ctx.db, ctx.school.id)).map((s) => [s.id, s]));
  const assignments = input.carryAssignments ? await assignmentsOfClasses(ctx.db, classes.map((c) => c.id)) : [];
  const subjectCodes = new Map((await subjectsByIds(ctx.db, [...new Set(assignments.map((a) => a.subject_id))])).map((s) => [s.id, s.code]));
  const planned = new Map<string, PlannedClass>();
  const leaving: PlannedStudent[] = [];
  const notCarried: string[] = [];
  const classFor = (targetCode: string, level: number): PlannedClass => {
    let target = planned.get(targetCode);
    if (!target) planned.set(targetCode, (target = { code: targetCode, level, promoted_from: null, class_teacher: null, students: [], assignments: [] }));
    return target;
  };

  for (const schoolClass of classes) {
    const promotedCode = schoolClass.level < 12 ? classCodeAtLevel(schoolClass.code, schoolClass.level, schoolClass.level + 1) : null;
    const moving = members.filter((m) => m.schoolClass.id === schoolClass.id && nextYearMove(decisions.get(m.student_id)!.decision).move === 'next-level');
    if (moving.length > 0 && !promotedCode) {
      throw new AppError('invalid', t.classNameUnclear(schoolClass.code, schoolClass.level));
    }
    if (!promotedCode || moving.length === 0) continue;
    const target = classFor(promotedCode, schoolClass.level + 1);
    target.promoted_from = schoolClass.code;
    if (!input.carryAssignments) continue;
    const teacher = [...staff.values()].find((s) => s.code === schoolClass.class_teacher_code);
    if (teacher?.active === 1) target.class_teacher = teacher.code;
    else if (teacher) notCarried.push(t.notCarriedClassTeacher(teacher.code, schoolClass.code));
    for (const a of assignments.filter((x) => x.class_id === schoolClass.id)) {
      const teacher = staff.get(a.teacher_id)!;
      if (teacher.active === 1) target.assignments.push({ subject: subjectCodes.get(a.subject_id)!, teacher: teacher.code });
      else notCarried.push(t.notCarriedAssignment(subjectCodes.get(a.subject_id)!, schoolClass.code, teacher.code));
    }
  }
  for (const m of members) {
    const decision = decisions.get(m.student_id)!.decision;
    const student: PlannedStudent = { code: m.code, first_name: m.first_name, last_name: m.last_name, from_class: m.schoolClass.code, decision: decision.kind };
    const move = nextYearMove(decision);
    if (move.move === 'leaves') leaving.push(student);
    else if (move.move === 'same-level') classFor(m.schoolClass.code, m.schoolClass.level).students.push(student);
    else if (move.move === 'next-level') classFor(classCodeAtLevel(m.schoolClass.code, m.schoolClass.level, move.level)!, move.level).students.push(student);
  }
  for (const target of planned.values()) target.students.sort(byKeys((s) => s.last_name, (s) => s.first_name, (s) => s.code));
  return {
    plan: {
      year: code,
      from: source.code,
      dry_run: !!input.dryRun,
      year_created: false,
      classes: [...planned.values()].sort(byKeys((c) => c.level, (c) => c.code)),
      leaving,
      not_carried: notCarried,
    },
    ids: {
      students: new Map(members.map((m) => [m.code, m.student_id])),
      staff: new Map([...staff.values()].map((t) => [t.code, t.id])),
      subjects: new Map([...subjectCodes].map(([id, subjectCode]) => [subjectCode, id])),
    },
  };
}

/**
 * `year open`: the new school year (with the usual dates, unless it was added
 * before) and its classes from the promotion decisions: promoted students one
 * grade up (7.a → 8.a), repeaters in the class of their grade, graduates gone.
 * With --carry-assignments a promoted class keeps its class teacher and its
 * teachers. New first-grade classes are not made here: they are admitted.
 */
export async function openYear(ctx: ServiceContext, codeInput: string, input: OpenYearInput): Promise<YearOpenPlan> {
  const actor = requireRight(ctx, 'close-year');
  const parsed = parseYearCode(requireText(codeInput, 'year'));
  if (!parsed) throw new AppError('invalid', t.badYearCode(codeInput, '2027/2028'));
  const source = await resolveYear(ctx, input.from ?? `${parsed.startYear - 1}/${parsed.startYear}`);
  if (source.code >= parsed.code) throw new AppError('invalid', t.notAfter(parsed.code, source.code));
  const { plan, ids } = await planYear(ctx, source, parsed.code, input);
  let year = await findSchoolYear(ctx.db, ctx.school.id, parsed.code);
  for (const planned of year ? plan.classes : []) {
    if (await findClassByCode(ctx.db, year!.id, planned.code)) throw new AppError('conflict', t.classExists(planned.code, parsed.code));
  }
  if (input.dryRun) return plan;

  const at = timestamp(ctx);
  if (!year) {
    year = await createSchoolYear(ctx.db, ctx.school.id, { code: parsed.code, current: input.current }, ctx.now, actor.id);
    plan.year_created = true;
  } else if (input.current) {
    await clearCurrentSchoolYear(ctx.db, ctx.school.id);
    year = await updateSchoolYear(ctx.db, year.id, { is_current: 1 });
  }
  for (const planned of plan.classes) {
    const schoolClass = await insertClass(ctx.db, {
      school_id: ctx.school.id,
      school_year_id: year.id,
      code: planned.code,
      level: planned.level,
      class_teacher_id: planned.class_teacher ? ids.staff.get(planned.class_teacher)! : null,
      created_at: at,
    });
    for (const s of planned.students) await insertEnrollment(ctx.db, { student_id: ids.students.get(s.code)!, class_id: schoolClass.id, from_date: year.starts_on, created_at: at, created_by: actor.id });
    for (const a of planned.assignments) {
      await insertAssignment(ctx.db, { school_id: ctx.school.id, class_id: schoolClass.id, subject_id: ids.subjects.get(a.subject)!, teacher_id: ids.staff.get(a.teacher)!, created_at: at });
    }
  }
  return plan;
}
