// Substitutions set in advance (issue 13): who teaches one lesson of a class
// instead of its teacher. Only a deputy, an admin or the class teacher sets
// one; a teacher cannot make themselves the substitute of anybody's lesson.
import { AppError } from '../errors.ts';
import { teacherIdsFor } from '../db/repositories/assignments.ts';
import { findSubstitution, insertSubstitution, type Substitution } from '../db/repositories/substitutions.ts';
import { requireActor, requireRight, timestamp, type ServiceContext } from './context.ts';
import { requireDate, requireInteger, requireText } from './input.ts';
import { resolveClass, resolveStaff, resolveSubject, resolveYear } from './lookup.ts';
import { LESSON_NUMBERS } from './lessons.ts';
import { m } from '../i18n/messages/calendar-timetable.ts';
import { m as g } from '../i18n/messages/calendar-groups.ts';

export interface SubstitutionInput {
  class?: string;
  subject?: string;
  date?: string;
  number?: string | number;
  /** The substitute. */
  teacher?: string;
  /** The teacher substituted; by default the one assigned to the class and subject. */
  for?: string;
}

export interface SubstitutionView {
  id: number;
  class: string;
  subject: string;
  date: string;
  number: number;
  teacher: string;
  for: string;
  /** The two teachers' names, for the messages that name them (issue 18 §4). */
  teacher_name: string;
  for_name: string;
}

export async function addSubstitution(ctx: ServiceContext, input: SubstitutionInput): Promise<SubstitutionView> {
  const actor = requireActor(ctx);
  const year = await resolveYear(ctx);
  const schoolClass = await resolveClass(ctx, year, requireText(input.class, 'class'));
  requireRight(ctx, 'set-substitution', { target: schoolClass.code, classTeacher: schoolClass.class_teacher_id === actor.id });
  const subject = await resolveSubject(ctx, requireText(input.subject, 'subject'));
  const date = requireDate(input.date, 'date');
  const number = requireInteger(input.number, 'number', LESSON_NUMBERS.min, LESSON_NUMBERS.max);
  const substitute = await resolveStaff(ctx, requireText(input.teacher, 'teacher'), 'teacher');
  if (!substitute.roles.includes('teacher')) throw new AppError('invalid', m.cannotSubstitute(staffName(substitute)));
  const assigned = await teacherIdsFor(ctx.db, schoolClass.id, subject.id);
  const replaced = input.for ? await resolveStaff(ctx, input.for, 'teacher') : null;
  const replacedId = replaced?.id ?? assigned[0];
  if (replacedId === undefined) throw new AppError('invalid', m.nobodyToSubstitute(subject.code, schoolClass.code));
  if (!assigned.includes(replacedId)) throw new AppError('invalid', m.doesNotTeach(staffName(replaced!), subject.code, schoolClass.code));
  if (replacedId === substitute.id) throw new AppError('invalid', g.selfSubstitute);
  if (await findSubstitution(ctx.db, schoolClass.id, date, number)) {
    throw new AppError('conflict', m.substitutionExists(schoolClass.code, number, date));
  }
  const row = await insertSubstitution(ctx.db, {
    class_id: schoolClass.id,
    subject_id: subject.id,
    date,
    number,
    substitute_id: substitute.id,
    replaced_id: replacedId,
    set_by: actor.id,
    set_at: timestamp(ctx),
  });
  const replacedStaff = replaced ?? (await staffById(ctx, replacedId));
  return {
    id: row.id,
    class: schoolClass.code,
    subject: subject.code,
    date,
    number,
    teacher: substitute.code,
    for: replacedStaff.code,
    teacher_name: `${substitute.first_name} ${substitute.last_name}`,
    for_name: `${replacedStaff.first_name} ${replacedStaff.last_name}`,
  };
}

/** A teacher as a message names them: "Anna Kalniņa (T01)". */
const staffName = (s: { code: string; first_name: string; last_name: string }) => `${s.first_name} ${s.last_name} (${s.code})`;

async function staffById(ctx: ServiceContext, id: number): Promise<{ code: string; first_name: string; last_name: string }> {
  return ctx.db.selectFrom('staff').select(['code', 'first_name', 'last_name']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** The substitution set for this lesson slot, if it names this subject. */
export async function substitutionFor(ctx: ServiceContext, classId: number, subjectId: number, date: string, number: number): Promise<Substitution | undefined> {
  const found = await findSubstitution(ctx.db, classId, date, number);
  return found && found.subject_id === subjectId ? found : undefined;
}
