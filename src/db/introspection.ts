// The schema as the database itself describes it, for the features that must
// cover tables other migrations add without being told of them: the audit
// triggers, `student export-data`, `person anonymize`, the dump and the copy
// of a school. Read once through the dialect (SQLite's pragmas, PostgreSQL's
// catalog), then held as plain data.
import type { Db } from './connection.ts';
import { dialectOf } from './dialect.ts';

export interface Reference {
  table: string;
  column: string;
}

export interface ColumnInfo {
  name: string;
  /** The declared type ("" when none), lower case. */
  type: string;
  /** Position in the primary key from 1; 0 when not part of it. */
  pk: number;
  /** The declared default as the catalog shows it, or null. */
  defaultValue?: string | null;
}

export interface ForeignKey {
  /** The referenced table. */
  table: string;
  from: string;
  /** The referenced column; null: its primary key. */
  to: string | null;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  foreignKeys: ForeignKey[];
}

/**
 * Internal tables that are not the journal: the database's own, Kysely's
 * bookkeeping, and ezurnals' per-school head row on PostgreSQL.
 */
export function isJournalTable(name: string): boolean {
  return !/^(sqlite_|kysely_|ezurnals_)/.test(name);
}

export class Schema {
  private readonly byName: Map<string, TableInfo>;

  constructor(tables: readonly TableInfo[]) {
    this.byName = new Map([...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((t) => [t.name, t]));
  }

  /** The journal's tables, by name. */
  tables(): string[] {
    return [...this.byName.keys()];
  }

  has(table: string): boolean {
    return this.byName.has(table);
  }

  columns(table: string): ColumnInfo[] {
    return this.byName.get(table)?.columns ?? [];
  }

  foreignKeys(table: string): ForeignKey[] {
    return this.byName.get(table)?.foreignKeys ?? [];
  }

  /** The table's column that references `target`'s id, if any (the first one). */
  referenceFrom(table: string, target: string): string | null {
    return this.foreignKeys(table).find((k) => k.table === target && (k.to === null || k.to === 'id'))?.from ?? null;
  }

  /** Every (table, column) with a foreign key to `target`'s id. */
  referencesTo(target: string): Reference[] {
    const found: Reference[] = [];
    for (const table of this.tables()) for (const key of this.foreignKeys(table)) if (key.table === target && (key.to === null || key.to === 'id')) found.push({ table, column: key.from });
    return found;
  }

  /** The primary key's columns in order; the table's every column when it has none. */
  keyColumns(table: string): string[] {
    const columns = this.columns(table);
    const keys = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    return (keys.length > 0 ? keys : columns).map((c) => c.name);
  }

  /** Tables in an order where each comes after the tables it references (for copying into empty tables). */
  insertOrder(): string[] {
    const done = new Set<string>();
    const order: string[] = [];
    const visit = (table: string, path: Set<string>) => {
      if (done.has(table) || path.has(table) || !this.byName.has(table)) return;
      path.add(table);
      for (const key of this.foreignKeys(table)) if (key.table !== table) visit(key.table, path);
      path.delete(table);
      done.add(table);
      order.push(table);
    };
    for (const table of this.tables()) visit(table, new Set());
    return order;
  }
}

export async function loadSchema(db: Db): Promise<Schema> {
  return dialectOf(db).loadSchema(db);
}
