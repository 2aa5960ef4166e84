import type { Db } from '../db/connection.ts';
import type { School } from '../db/schema.ts';
import { authorize, type Actor, type Right, type Scope } from '../domain/permissions.ts';
import { localTimestamp } from '../domain/dates.ts';
import { AppError } from '../errors.ts';

/** Everything a use case needs: the transaction, whose school, who acts, and when. */
export interface ServiceContext {
  db: Db;
  school: School;
  actor: Actor | null;
  now: Date;
  /** `--year` as given; services fall back to the school's current year. */
  yearCode?: string;
}

export function timestamp(ctx: ServiceContext): string {
  return localTimestamp(ctx.now);
}

export function requireActor(ctx: ServiceContext): Actor {
  if (!ctx.actor) {
    throw new AppError('usage', 'This command changes the journal: say who you are with --as STAFF_CODE or EZURNALS_USER.');
  }
  return ctx.actor;
}

export function requireRight(ctx: ServiceContext, right: Right, scope: Scope = {}): Actor {
  const actor = requireActor(ctx);
  const decision = authorize(actor, right, scope);
  if (!decision.allowed) throw new AppError('forbidden', decision.reason);
  return actor;
}
