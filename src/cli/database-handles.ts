// Where a command gets its database and how its writes commit. A process runs
// one command: it opens the file, writes in one transaction, closes. `batch`
// runs many commands in one process: the file is opened once for all of them,
// and with --atomic every line's writes join one outer transaction.
import { resolve } from 'node:path';
import { isPostgresUrl } from '../db/location.ts';
import { sql } from 'kysely';
import { AppError } from '../errors.ts';
import { inTransaction, openDatabase, type AuditAuthor, type Db } from '../db/connection.ts';
import type { WriteOptions } from '../db/dialect.ts';
import { isYearLockError, yearLockError } from '../db/year-lock.ts';
import { m as d } from '../i18n/messages/db.ts';

export interface DatabaseHandles {
  /** The database at `path`, opened (or kept open) for one command. */
  open(path: string): Promise<Db>;
  /** The command is done with it. */
  release(db: Db): Promise<void>;
  /** One command's writes: all or nothing. */
  write<T>(db: Db, work: (trx: Db) => Promise<T>, author: AuditAuthor, options?: WriteOptions): Promise<T>;
}

/** A process's one command: its own connection and its own transaction. */
export const perCommand: DatabaseHandles = {
  open: (path) => openDatabase(path),
  release: (db) => db.destroy(),
  write: (db, work, author, options) => inTransaction(db, work, author, options),
};

/** Ends the outer transaction of an atomic batch without committing. */
class RollBack {}

/** An atomic batch's one transaction, held open across its lines. */
interface Outer {
  path: string;
  conn: Db;
  actor: string | null;
  /** Settles the outer transaction: true commits. */
  finish(commit: boolean): void;
  /** The outer transaction's end: resolved after the commit or rollback. */
  ended: Promise<void>;
}

/**
 * The handles of one `batch`: each database file opened once, closed at the end.
 *
 * Without `atomic`, each line commits on its own (a bad line changes nothing and
 * the others go on), exactly as a process of its own would.
 *
 * With `atomic`, the first writing line begins one transaction (`inTransaction`,
 * so it is sealed in the audit log like any command's); each line's writes run
 * in a savepoint of it, so a failed line leaves no half of itself behind and the
 * next lines see a consistent journal; `finish(false)` rolls the whole back.
 * The audit log seals the transaction once, naming one actor and the batch's own
 * command line: so every writing line must act as the same person, and write the
 * same database file.
 */
export class BatchDatabases implements DatabaseHandles {
  private readonly opened = new Map<string, Promise<Db>>();
  /** Which file each open handle is. */
  private readonly paths = new Map<Db, string>();
  private outer: Outer | undefined;

  constructor(
    private readonly atomic: boolean,
    /** The audit log's command for an atomic batch: `ezurnals batch --atomic FILE`. */
    private readonly command: string,
  ) {}

  open(path: string): Promise<Db> {
    const key = isPostgresUrl(path) ? path : resolve(path);
    // Inside the outer transaction every read goes through its connection: SQLite's one
    // connection is held by it, and a read must see the batch's own writes.
    if (this.outer?.path === key) return Promise.resolve(this.outer.conn);
    let db = this.opened.get(key);
    if (!db) {
      db = openDatabase(path).then((d) => {
        this.paths.set(d, key);
        return d;
      });
      // A file that failed to open is tried again by the next line that names it.
      db.catch(() => this.opened.delete(key));
      this.opened.set(key, db);
    }
    return db;
  }

  async release(): Promise<void> {
    // Closed at the end of the batch.
  }

  async write<T>(db: Db, work: (trx: Db) => Promise<T>, author: AuditAuthor, options?: WriteOptions): Promise<T> {
    // A line of an atomic batch runs in the outer transaction as it was begun (a bulk load's options are for a transaction of its own).
    if (!this.atomic) return inTransaction(db, work, author, options);
    const conn = await this.outerFor(db, author.actor ?? null);
    // Savepoints are standard SQL (SQLite and PostgreSQL alike).
    await sql`savepoint ezurnals_line`.execute(conn);
    try {
      const result = await work(conn);
      await sql`release savepoint ezurnals_line`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback to savepoint ezurnals_line`.execute(conn);
      await sql`release savepoint ezurnals_line`.execute(conn);
      if (isYearLockError(error)) throw await yearLockError(conn);
      throw error;
    }
  }

  /** The outer transaction's connection, begun by the first writing line. */
  private async outerFor(db: Db, actor: string | null): Promise<Db> {
    if (this.outer) {
      if (db !== this.outer.conn) throw new AppError('usage', d.atomicOneFile);
      if (actor !== this.outer.actor)
        throw new AppError('usage', d.atomicOnePerson(actor ?? d.theOperator, this.outer.actor ?? d.theOperator));
      return this.outer.conn;
    }
    let finish!: (commit: boolean) => void;
    const decided = new Promise<boolean>((r) => (finish = r));
    let begun!: (conn: Db) => void;
    const started = new Promise<Db>((r) => (begun = r));
    const ended = inTransaction(
      db,
      async (conn) => {
        begun(conn);
        if (!(await decided)) throw new RollBack();
      },
      { actor, command: this.command },
    ).catch((error) => {
      if (!(error instanceof RollBack)) throw error;
    });
    // A failure to begin (a read-only database) reaches the line that began it.
    const conn = await Promise.race([started, ended.then(() => Promise.reject(new Error('the batch transaction ended before it began')))]);
    this.outer = { path: this.paths.get(db) ?? '', conn, actor, finish, ended };
    return conn;
  }

  /**
   * The end of the batch: an atomic batch commits when `commit`, else rolls
   * back; then every file is closed. A failed commit is thrown.
   */
  async finish(commit: boolean): Promise<void> {
    try {
      if (this.outer) {
        this.outer.finish(commit);
        await this.outer.ended;
      }
    } finally {
      this.outer = undefined;
      for (const db of this.opened.values()) await db.then((d) => d.destroy()).catch(() => undefined);
      this.opened.clear();
    }
  }
}
