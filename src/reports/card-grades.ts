import type { ReportGrade } from '../db/repositories/report-data.ts';
import type { StoredDecision } from '../db/repositories/promotion-decisions.ts';
import { promotionDecision, type PromotionDecision } from '../domain/promotion.ts';

/**
 * The grades that end a term or a year, per student and subject: what report
 * cards and the summary journal print. Each is entered at most once per year
 * and subject (the grade service refuses a second one).
 */
export interface TermGrades {
  semester1: string | null;
  semester2: string | null;
  annual: string | null;
  state_exam: string | null;
  makeup: string | null;
}

const FIELD_OF_WORK: Readonly<Record<string, keyof TermGrades>> = {
  semester1: 'semester1',
  semester2: 'semester2',
  annual: 'annual',
  'state-exam': 'state_exam',
  makeup: 'makeup',
};

export const TERM_GRADE_WORKS = Object.keys(FIELD_OF_WORK);

export function emptyTermGrades(): TermGrades {
  return { semester1: null, semester2: null, annual: null, state_exam: null, makeup: null };
}

/** A student's place in one class: a student who moved class within the year has two. */
export function placementKey(studentId: number, classId: number): string {
  return `${studentId}:${classId}`;
}

/** Term grades by placement, then by subject id. */
export function indexTermGrades(grades: readonly ReportGrade[]): Map<string, Map<number, TermGrades>> {
  const index = new Map<string, Map<number, TermGrades>>();
  for (const g of grades) {
    const field = FIELD_OF_WORK[g.work];
    if (!field) continue;
    const key = placementKey(g.student_id, g.class_id);
    let bySubject = index.get(key);
    if (!bySubject) index.set(key, (bySubject = new Map()));
    let entry = bySubject.get(g.subject_id);
    if (!entry) bySubject.set(g.subject_id, (entry = emptyTermGrades()));
    entry[field] = g.value;
  }
  return index;
}

/**
 * The promotion proposal from a student's subjects: those taught in the class
 * and any other with an annual grade or a make-up exam. A subject with only a
 * state examination is not one the class studies, so it does not count.
 */
export function promotionOf(level: number, subjects: readonly { name: string; taught: boolean; grades: TermGrades }[]): PromotionDecision {
  return promotionDecision(
    level,
    subjects.filter((s) => s.taught || s.grades.annual !== null || s.grades.makeup !== null).map((s) => ({ subject: s.name, annual: s.grades.annual, makeup: s.grades.makeup })),
  );
}

/** Who recorded the decision a document prints, and on what basis; null when it prints the proposal. */
export interface PromotionRecord {
  basis: 'proposal' | 'council';
  decided_by: string;
  decided_at: string;
}

/** The recorded decision when there is one, else the rule's proposal. */
export function promotionShown(proposal: PromotionDecision, stored: StoredDecision | undefined): { promotion: PromotionDecision; promotion_record: PromotionRecord | null } {
  if (!stored) return { promotion: proposal, promotion_record: null };
  return { promotion: stored.decision, promotion_record: { basis: stored.basis, decided_by: stored.decided_by, decided_at: stored.decided_at } };
}
