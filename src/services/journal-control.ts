import type { SchoolYear } from '../db/schema.ts';
import { requireReadRight, type ServiceContext } from './context.ts';
import { readingIn } from './reading.ts';

/** What a control report (late entries, missing lessons, inspections) is asked about. */
export interface ControlTarget {
  teacher?: { id: number; code: string };
  classes?: readonly { code: string }[];
}

/**
 * The deputy's control reports (§11, §17, §22) over the whole school are the
 * deputies' and admins'; a teacher may ask about their own entries and a class
 * teacher about the class they lead.
 */
export async function requireJournalControl(ctx: ServiceContext, year: SchoolYear, target: ControlTarget): Promise<void> {
  if (!ctx.actor) return;
  if (target.teacher) {
    const self = ctx.actor.kind === 'staff' && ctx.actor.id === target.teacher.id;
    requireReadRight(ctx, 'read-journal-control', { target: target.teacher.code, self });
    return;
  }
  if (!target.classes || target.classes.length === 0) {
    requireReadRight(ctx, 'read-journal-control', { target: 'the whole school' });
    return;
  }
  const reading = await readingIn(ctx, year);
  for (const schoolClass of target.classes) reading.require('read-journal-control', { classes: [schoolClass.code] });
}
