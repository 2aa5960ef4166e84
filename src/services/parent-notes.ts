import { AppError } from '../errors.ts';
import { m as t } from '../i18n/messages/journal-notes.ts';
import type { SchoolYear } from '../db/schema.ts';
import { findParentNote, insertParentNote, listParentNoteViews, markParentNoteRemoved, type ParentNoteView } from '../db/repositories/parent-notes.ts';
import { findClassById } from '../db/repositories/classes.ts';
import { placementsOf } from '../db/repositories/students.ts';
import { localDateOf } from '../domain/dates.ts';
import { requireActor, timestamp, type ServiceContext } from './context.ts';
import { optionalDate, requireDayInYear, requireId, requireText } from './input.ts';
import { resolveClass, resolveStudent, resolveStudentClass, resolveYear } from './lookup.ts';
import { requireClassTeacherRight } from './journal-scope.ts';
import { readingIn } from './reading.ts';

export interface NoteInput {
  student?: string;
  class?: string;
  text?: string;
  from?: string;
  until?: string;
}

export async function addNote(ctx: ServiceContext, input: NoteInput): Promise<ParentNoteView> {
  const actor = requireActor(ctx);
  if (!!input.student === !!input.class) throw new AppError('usage', t.studentOrClass);
  const year = await resolveYear(ctx);
  const from = requireDayInYear(optionalDate(input.from, 'from') ?? localDateOf(ctx.now), 'from', year);
  const until = optionalDate(input.until, 'until') ?? null;
  if (until !== null && until < from) throw new AppError('invalid', t.untilBeforeFrom(until, from));
  const student = input.student ? await resolveStudent(ctx, input.student) : null;
  const schoolClass = student ? await resolveStudentClass(ctx, student, year, from) : await resolveClass(ctx, year, input.class!);
  requireClassTeacherRight(ctx, schoolClass);
  const note = await insertParentNote(ctx.db, {
    school_id: ctx.school.id,
    student_id: student?.id ?? null,
    class_id: schoolClass.id,
    text: requireText(input.text, 'text'),
    valid_from: from,
    valid_until: until,
    created_at: timestamp(ctx),
    created_by: actor.id,
    removed_at: null,
    removed_by: null,
  });
  return (await listParentNoteViews(ctx.db, { ids: [note.id] }))[0]!;
}

/** Withdraws a note: it no longer shows or goes into extracts, but stays recorded with who removed it and when. */
export async function removeNote(ctx: ServiceContext, idInput: string | number | undefined): Promise<ParentNoteView> {
  const actor = requireActor(ctx);
  const id = requireId(idInput, 'note');
  const note = await findParentNote(ctx.db, ctx.school.id, id);
  if (!note) throw new AppError('not_found', t.noNote(id));
  requireClassTeacherRight(ctx, (await findClassById(ctx.db, note.class_id))!);
  if (note.removed_at !== null) throw new AppError('conflict', t.noteRemoved(id, note.removed_at));
  await markParentNoteRemoved(ctx.db, id, { removed_by: actor.id, removed_at: timestamp(ctx) });
  return (await listParentNoteViews(ctx.db, { ids: [id], includeRemoved: true }))[0]!;
}

export interface NoteListFilter {
  student?: string;
  class?: string;
  on?: string;
  includeRemoved?: boolean;
}

/** Notes of the year (or valid on --on): a student's list shows their own and their classes' whole-class notes. */
export async function listNotes(ctx: ServiceContext, filter: NoteListFilter = {}): Promise<ParentNoteView[]> {
  const year = await resolveYear(ctx);
  const on = optionalDate(filter.on, 'on');
  const period = on ? { from: on, to: on } : { from: year.starts_on, to: year.ends_on };
  const common = { schoolId: ctx.school.id, includeRemoved: filter.includeRemoved, ...period };
  const reading = await readingIn(ctx, year);
  // A note to the whole class shows no student's data: the class's students and their guardians read it too.
  const readable = (rows: ParentNoteView[]) => reading.filter('read-journal', rows, (n) => ({ classes: [n.class], student: n.student, classWide: n.student === null }));
  if (filter.student) {
    const student = await resolveStudent(ctx, filter.student);
    await reading.requireNamed('read-journal', { student });
    const classIds = await classIdsInYear(ctx, student.id, year);
    return readable(await listParentNoteViews(ctx.db, { ...common, studentIds: [student.id], wholeClassIds: classIds }));
  }
  if (filter.class) {
    const schoolClass = await resolveClass(ctx, year, filter.class);
    await reading.requireNamed('read-journal', { schoolClass });
    return listParentNoteViews(ctx.db, { ...common, classId: schoolClass.id });
  }
  return readable(await listParentNoteViews(ctx.db, common));
}

async function classIdsInYear(ctx: ServiceContext, studentId: number, year: SchoolYear): Promise<number[]> {
  return (await placementsOf(ctx.db, studentId)).filter((p) => p.year === year.code).map((p) => p.class_id);
}
