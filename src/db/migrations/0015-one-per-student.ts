import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The one-per-student rules as unique indexes, on every dialect (issue 15):
 * one semester, annual, state-exam or make-up grade per student, subject and
 * year, and one standing promotion decision per student and year. The
 * services check these before writing and each school has one writer at a
 * time, so the indexes only guard what the checks already keep; a database
 * whose data breaks them (written behind the tool) fails this migration,
 * which names the index, rather than being silently left unguarded.
 */
export const onePerStudent: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createIndex('grade_term_one_per_student')
      .on('grade')
      .columns(['school_year_id', 'student_id', 'subject_id', 'work'])
      .unique()
      .where(sql.ref('work'), 'in', ['semester1', 'semester2', 'annual', 'state-exam', 'makeup'])
      .execute();
    await db.schema
      .createIndex('promotion_decision_one_standing')
      .on('promotion_decision')
      .columns(['school_year_id', 'student_id'])
      .unique()
      .where(sql.ref('replaced_at'), 'is', null)
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('promotion_decision_one_standing').execute();
    await db.schema.dropIndex('grade_term_one_per_student').execute();
  },
};
