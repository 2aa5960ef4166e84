import type { Db } from '../db/connection.ts';
import type { School } from '../db/schema.ts';
import { authorize, mayWriteAtAll, readerKind, type Actor, type Right, type Scope } from '../domain/permissions.ts';
import { authorizeRead, type ReadRight, type ReadScope } from '../domain/reading.ts';
import { localTimestamp } from '../domain/dates.ts';
import { AppError } from '../errors.ts';
import { m as t } from '../i18n/messages/rights.ts';

/** Everything a use case needs: the transaction, whose school, who acts, and when. */
export interface ServiceContext {
  db: Db;
  school: School;
  actor: Actor | null;
  now: Date;
  /** `--year` as given; services fall back to the school's current year. */
  yearCode?: string;
  /**
   * The command only reads (set by the CLI's runtime for every read command):
   * refusals then speak of reading, never of changing the journal.
   */
  reading?: boolean;
}

export function timestamp(ctx: ServiceContext): string {
  return localTimestamp(ctx.now);
}

export function requireActor(ctx: ServiceContext): Actor {
  if (!ctx.actor) {
    // A read reaching here shows only what its reader may see (or records who read), so it needs to know who.
    if (ctx.reading) throw new AppError('usage', t.sayWhoReading);
    throw new AppError('usage', t.sayWhoWriting);
  }
  const actor = ctx.actor;
  if (!mayWriteAtAll(actor)) {
    if (ctx.reading) throw new AppError('forbidden', t.mayNotRead(actor.code, actor.name, readerKind(actor)));
    throw new AppError('forbidden', t.mayNotChange(actor.code, actor.name, readerKind(actor)));
  }
  return actor;
}

export function requireRight(ctx: ServiceContext, right: Right, scope: Scope = {}): Actor {
  if (!ctx.actor) return requireActor(ctx);
  const decision = authorize(ctx.actor, right, scope, { reading: ctx.reading });
  if (!decision.allowed) throw new AppError('forbidden', decision.reason);
  return ctx.actor;
}

/**
 * A read guarded by a right of the write table (the audit log, the profiles,
 * a whole registry export). A read with no identity is the system operator's:
 * the runtime let it through only for the owner of the database file, who may
 * read everything, so it is not told that the command "changes the journal".
 */
export function requireRightToRead(ctx: ServiceContext, right: Right, scope: Scope = {}): void {
  if (ctx.actor) requireRight(ctx, right, scope);
}

/**
 * Whether the acting person may read under the right. A read with no identity
 * is the system operator's: the runtime let it through only for the owner of
 * the database file, who may read everything.
 */
export function mayRead(ctx: ServiceContext, right: ReadRight, scope: ReadScope = {}): boolean {
  return !ctx.actor || authorizeRead(ctx.actor, right, scope).allowed;
}

/** The one check of every reading use case: exit 5 naming the missing right. */
export function requireReadRight(ctx: ServiceContext, right: ReadRight, scope: ReadScope = {}): void {
  if (!ctx.actor) return;
  const decision = authorizeRead(ctx.actor, right, scope);
  if (!decision.allowed) throw new AppError('forbidden', decision.reason);
}
