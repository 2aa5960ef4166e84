import type { SchoolYear } from '../db/schema.ts';
import { classesLedInYear } from '../db/repositories/classes.ts';
import { childrenOf, classesGrantedOn, classesOfStudentsInYear, classesTaughtInYear } from '../db/repositories/reading-facts.ts';
import { placementsOf } from '../db/repositories/students.ts';
import { localDateOf } from '../domain/dates.ts';
import { mayEverRead, type ReadRight, type ReadScope } from '../domain/reading.ts';
import { mayRead, requireReadRight, type ServiceContext } from './context.ts';

/** What is read, in the year's terms: the classes it is filed under (any one suffices) and whose it is. */
export interface ReadTarget {
  classes?: readonly (string | null)[];
  /** The student's code, when the record is about one student. */
  student?: string | null;
  /** A class-wide record that shows no student's data (a lesson, a note to the whole class). */
  classWide?: boolean;
  /** Label for the refusal message; defaults to the student or the classes. */
  label?: string;
}

/** The acting person's standing in one school year, gathered once per command. */
export interface ReadingFacts {
  taught: ReadonlySet<string>;
  led: ReadonlySet<string>;
  granted: ReadonlySet<string>;
  ownStudents: ReadonlySet<string>;
  ownClasses: ReadonlySet<string>;
}

const NO_FACTS: ReadingFacts = { taught: new Set(), led: new Set(), granted: new Set(), ownStudents: new Set(), ownClasses: new Set() };

async function gatherFacts(ctx: ServiceContext, year: SchoolYear): Promise<ReadingFacts> {
  const actor = ctx.actor;
  if (!actor) return NO_FACTS;
  if (actor.kind === 'staff') {
    const [taught, led, granted] = await Promise.all([
      classesTaughtInYear(ctx.db, year.id, actor.id),
      classesLedInYear(ctx.db, year.id, actor.id),
      actor.roles.includes('guest') ? classesGrantedOn(ctx.db, year.id, actor.id, localDateOf(ctx.now)) : Promise.resolve([]),
    ]);
    return { ...NO_FACTS, taught: new Set(taught), led: new Set(led.map((c) => c.code)), granted: new Set(granted) };
  }
  const students = actor.kind === 'student' ? [{ id: actor.id, code: actor.code }] : await childrenOf(ctx.db, actor.id);
  const classes = await classesOfStudentsInYear(ctx.db, year.id, students.map((s) => s.id));
  return { ...NO_FACTS, ownStudents: new Set(students.map((s) => s.code)), ownClasses: new Set(classes) };
}

/**
 * The reading rules of one command: explicit targets are checked (exit 5),
 * unfiltered listings keep only the rows the person may read.
 */
export class Reading {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly year: SchoolYear,
    private readonly facts: ReadingFacts,
  ) {}

  scope(at: ReadTarget): ReadScope {
    const classes = (at.classes ?? []).filter((c): c is string => !!c);
    const any = (set: ReadonlySet<string>) => classes.some((c) => set.has(c));
    return {
      target: at.label ?? (at.student ? `${at.student}${classes.length > 0 ? ` in ${classes.join(', ')}` : ''}` : classes.join(', ') || undefined),
      teachesClass: any(this.facts.taught),
      classTeacher: any(this.facts.led),
      granted: any(this.facts.granted),
      own: !!at.student && this.facts.ownStudents.has(at.student),
      ownClass: !!at.classWide && any(this.facts.ownClasses),
    };
  }

  may(right: ReadRight, at: ReadTarget): boolean {
    return mayRead(this.ctx, right, this.scope(at));
  }

  require(right: ReadRight, at: ReadTarget): void {
    requireReadRight(this.ctx, right, this.scope(at));
  }

  /**
   * A listing's explicit filters, checked as asked: naming another student or
   * a class one may not read is refused (exit 5), not answered with nothing.
   */
  async requireNamed(right: ReadRight, named: { student?: { id: number; code: string }; schoolClass?: { code: string }; classWide?: boolean }): Promise<void> {
    if (named.student) this.require(right, await studentTarget(this.ctx, this.year, named.student));
    if (named.schoolClass) this.require(right, { classes: [named.schoolClass.code], classWide: named.classWide });
  }

  /**
   * The rows of which the person may read at least one of the targets. One
   * whose roles never give the right is refused outright: a nurse asking for
   * grades is told no, not shown an empty list.
   */
  filter<T>(right: ReadRight, rows: readonly T[], at: (row: T) => ReadTarget | readonly ReadTarget[]): T[] {
    if (!this.ctx.actor) return [...rows];
    if (!mayEverRead(this.ctx.actor, right)) requireReadRight(this.ctx, right);
    return rows.filter((row) => {
      const targets = at(row);
      return (Array.isArray(targets) ? targets : [targets as ReadTarget]).some((t) => this.may(right, t));
    });
  }
}

export async function readingIn(ctx: ServiceContext, year: SchoolYear): Promise<Reading> {
  return new Reading(ctx, year, await gatherFacts(ctx, year));
}

/** A student named on the command line, with the classes they were in that year: the target of a per-student read. */
export async function studentTarget(ctx: ServiceContext, year: SchoolYear, student: { id: number; code: string }): Promise<ReadTarget> {
  const classes = (await placementsOf(ctx.db, student.id)).filter((p) => p.year === year.code).map((p) => p.class);
  return { student: student.code, classes };
}
