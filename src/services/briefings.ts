import { AppError } from '../errors.ts';
import { m as t } from '../i18n/messages/journal-notes.ts';
import { insertBriefing, listBriefingViews, type BriefingView } from '../db/repositories/briefings.ts';
import { studentsAbsentOn } from '../db/repositories/absences.ts';
import { classMembersOn } from '../db/repositories/students.ts';
import { localDateOf } from '../domain/dates.ts';
import { requireActor, timestamp, type ServiceContext } from './context.ts';
import { optionalDate, requireDayDone, requireText } from './input.ts';
import { resolveClass, resolveStudents, resolveYear } from './lookup.ts';
import { requireEnrolled } from './absences.ts';
import { requireClassTeacherRight } from './journal-scope.ts';
import { readingIn } from './reading.ts';

export interface BriefingInput {
  class?: string;
  date?: string;
  topic?: string;
  students?: string[];
  /** Everybody in the class that day who was not absent from one of its lessons. */
  allPresent?: boolean;
}

/** A safety briefing (instruktāža, regulation §15.1), kept by the class teacher. */
export async function addBriefing(ctx: ServiceContext, input: BriefingInput): Promise<BriefingView> {
  const actor = requireActor(ctx);
  const year = await resolveYear(ctx);
  const schoolClass = await resolveClass(ctx, year, requireText(input.class, 'class'));
  const today = localDateOf(ctx.now);
  const date = requireDayDone(input.date, 'date', year, today);
  const topic = requireText(input.topic, 'topic');
  const codes = input.students ?? [];
  if ((codes.length > 0) === !!input.allPresent) throw new AppError('usage', t.nameWhoWasBriefed);
  requireClassTeacherRight(ctx, schoolClass);

  let studentIds: number[];
  if (input.allPresent) {
    const members = await classMembersOn(ctx.db, schoolClass.id, date);
    if (members.length === 0) throw new AppError('invalid', t.nobodyInClass(schoolClass.code, date));
    const absent = await studentsAbsentOn(ctx.db, schoolClass.id, date);
    studentIds = members.filter((m) => !absent.has(m.id)).map((m) => m.id);
    if (studentIds.length === 0) throw new AppError('invalid', t.everybodyAbsent(schoolClass.code, date));
  } else {
    // Naming somebody twice (by code and by personas kods, say) still briefs them once.
    const students = [...new Map((await resolveStudents(ctx, codes)).map((s) => [s.id, s])).values()];
    await requireEnrolled(ctx, schoolClass.id, schoolClass.code, date, students);
    studentIds = students.map((s) => s.id);
  }
  const briefing = await insertBriefing(
    ctx.db,
    { school_id: ctx.school.id, class_id: schoolClass.id, date, topic, created_at: timestamp(ctx), created_by: actor.id },
    studentIds,
  );
  return (await listBriefingViews(ctx.db, { ids: [briefing.id] }))[0]!;
}

export async function listBriefings(ctx: ServiceContext, filter: { class?: string; from?: string; to?: string } = {}): Promise<BriefingView[]> {
  const year = await resolveYear(ctx);
  const schoolClass = filter.class ? await resolveClass(ctx, year, filter.class) : undefined;
  const reading = await readingIn(ctx, year);
  await reading.requireNamed('read-journal', { schoolClass });
  const rows = await listBriefingViews(ctx.db, {
    yearId: year.id,
    classId: schoolClass?.id,
    from: optionalDate(filter.from, 'from'),
    to: optionalDate(filter.to, 'to'),
  });
  // A briefing lists who was and was not briefed: a class record with other students' data.
  return reading.filter('read-journal', rows, (b) => ({ classes: [b.class] }));
}
