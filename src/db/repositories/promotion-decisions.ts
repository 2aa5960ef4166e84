import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import type { PromotionDecisionTable } from '../schema.ts';
import type { RecordedDecision } from '../../domain/promotion.ts';

export interface StoredDecision {
  id: number;
  student_id: number;
  class_id: number;
  decision: RecordedDecision;
  basis: 'proposal' | 'council';
  reason: string | null;
  decided_by: string;
  decided_at: string;
}

/** The current (not replaced) decisions of a year, of some students or all. */
export async function currentDecisions(db: Db, yearId: number, studentIds?: readonly number[]): Promise<Map<number, StoredDecision>> {
  if (studentIds && studentIds.length === 0) return new Map();
  let query = db
    .selectFrom('promotion_decision as d')
    .innerJoin('staff as s', 's.id', 'd.decided_by')
    .select(['d.id', 'd.student_id', 'd.class_id', 'd.decision', 'd.basis', 'd.reason', 's.code as decided_by', 'd.decided_at'])
    .where('d.school_year_id', '=', yearId)
    .where('d.replaced_at', 'is', null);
  if (studentIds) query = query.where('d.student_id', 'in', [...studentIds]);
  const rows = await query.execute();
  return new Map(
    rows.map((r) => [r.student_id, { ...r, decision: JSON.parse(r.decision) as RecordedDecision }]),
  );
}

export async function insertDecision(
  db: Db,
  row: Omit<Insertable<PromotionDecisionTable>, 'kind' | 'decision' | 'replaced_at' | 'replaced_by'> & { decision: RecordedDecision },
): Promise<void> {
  await db
    .insertInto('promotion_decision')
    .values({ ...row, kind: row.decision.kind, decision: JSON.stringify(row.decision), replaced_at: null, replaced_by: null })
    .execute();
}

export async function markDecisionReplaced(db: Db, id: number, at: string, by: number): Promise<void> {
  await db.updateTable('promotion_decision').set({ replaced_at: at, replaced_by: by }).where('id', '=', id).execute();
}

/** Every decision of a student in a year, the current one last: the history. */
export async function decisionHistory(db: Db, yearId: number, studentId: number) {
  return db
    .selectFrom('promotion_decision as d')
    .innerJoin('staff as s', 's.id', 'd.decided_by')
    .select(['d.kind', 'd.decision', 'd.basis', 'd.reason', 's.code as decided_by', 'd.decided_at', 'd.replaced_at'])
    .where('d.school_year_id', '=', yearId)
    .where('d.student_id', '=', studentId)
    .orderBy('d.id')
    .execute();
}
