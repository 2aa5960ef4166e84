// What `person anonymize` puts in place of a former student's (and their
// guardians') personal data, and how it takes the same values out of old
// audit entries. Pure: the service applies it.

export const ANONYMIZED_NAME = 'Anonimizēts';
/** What replaces a personal value inside an audit entry. */
export const ANONYMIZED_VALUE = '[anonimizēts]';

type Values = Record<string, string | null>;

/** The student keeps their code (grades statistics stay countable per student), sex and class history; the rest goes. */
export function studentPlaceholder(code: string): Values {
  return { first_name: ANONYMIZED_NAME, last_name: code, personal_code: null, birth_date: null, phone: null, email: null, address: null };
}

export function guardianPlaceholder(id: number): Values {
  return { first_name: ANONYMIZED_NAME, last_name: `G${id}`, phone: null, email: null, address: null };
}

export function isAnonymized(row: Record<string, unknown>, placeholder: Values): boolean {
  return Object.entries(placeholder).every(([column, value]) => row[column] === value);
}

/**
 * One audit entry's values JSON with the placeholder's columns emptied of
 * personal values: a value that is neither null nor the placeholder's own
 * becomes ANONYMIZED_VALUE. Returns the input itself when nothing changed.
 */
export function redactValues(json: string | null, placeholder: Values): string | null {
  if (json === null) return null;
  const values = JSON.parse(json) as Record<string, unknown>;
  let changed = false;
  for (const [column, replacement] of Object.entries(placeholder)) {
    const value = values[column];
    if (value === undefined || value === null || value === replacement || value === ANONYMIZED_VALUE) continue;
    values[column] = ANONYMIZED_VALUE;
    changed = true;
  }
  return changed ? JSON.stringify(values) : json;
}

export interface Enrollment {
  to_date: string | null;
  /** The last day of the class's school year: an open enrollment in an old year's class ended with that year. */
  year_ends_on: string;
}

/** The day a student left the school: the end of their last class (or of its school year); null when they never were in one. */
export function leftOn(enrollments: readonly Enrollment[]): string | null {
  if (enrollments.length === 0) return null;
  return enrollments.map((e) => (e.to_date !== null && e.to_date < e.year_ends_on ? e.to_date : e.year_ends_on)).sort().at(-1)!;
}
