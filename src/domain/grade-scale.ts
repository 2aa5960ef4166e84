import { m as t } from '../i18n/messages/journal-grades.ts';

export type GradeScale = 'points' | 'credit' | 'descriptive' | 'mastery' | 'no-grade' | 'exempt' | 'percent';

export const WORK_KINDS = [
  'regular',
  'credit',
  'test',
  'large',
  'semester1',
  'semester2',
  'annual',
  'state-exam',
  'makeup',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export const TERM_WORK_KINDS: readonly WorkKind[] = ['semester1', 'semester2', 'annual'];

export function isWorkKind(s: string): s is WorkKind {
  return (WORK_KINDS as readonly string[]).includes(s);
}

export type GradeCheck = { ok: true; value: string; scale: GradeScale } | { ok: false; reason: string };

const MEANINGS: Readonly<Record<string, string>> = {
  '10': 'izcili',
  '9': 'teicami',
  '8': 'ļoti labi',
  '7': 'labi',
  '6': 'gandrīz labi',
  '5': 'viduvēji',
  '4': 'gandrīz viduvēji',
  '3': 'vāji',
  '2': 'ļoti vāji',
  '1': 'ļoti, ļoti vāji',
  i: 'ieskaitīts',
  ni: 'neieskaitīts',
  '+': 'apguvis',
  '-': 'vēl jāmācās',
  '/': 'daļēji apguvis',
  S: 'sācis apgūt',
  T: 'turpina apgūt',
  A: 'apguvis',
  P: 'apguvis padziļināti',
  nv: 'nav vērtējuma',
  a: 'atbrīvots',
};

/** What each work kind is called in a message, read in the running language. */
const WORK_LABELS: Readonly<Record<WorkKind, () => string>> = {
  regular: () => t.workRegular,
  credit: () => t.workCredit,
  test: () => t.workTest,
  large: () => t.workLarge,
  semester1: () => t.workSemester1,
  semester2: () => t.workSemester2,
  annual: () => t.workAnnual,
  'state-exam': () => t.workStateExam,
  makeup: () => t.workMakeup,
};

/** Normalizes a raw value and tells which scale it belongs to, ignoring work kind and level. */
function classify(raw: string): { value: string; scale: GradeScale } | null {
  const v = raw.trim();
  const lower = v.toLowerCase();
  if (lower === 'i' || lower === 'ni') return { value: lower, scale: 'credit' };
  if (lower === 'nv') return { value: lower, scale: 'no-grade' };
  // Case matters for the rest: lower-case "a" is exempt, capital "A" is the mastery level.
  if (v === 'a') return { value: v, scale: 'exempt' };
  if (v === 'S' || v === 'T' || v === 'A' || v === 'P') return { value: v, scale: 'mastery' };
  if (v === '+' || v === '-' || v === '/') return { value: v, scale: 'descriptive' };
  // State tests and exams (§8) give a percentage: 0–100 %, written 65% or 65 %.
  const percent = /^(\d{1,3})\s?%$/.exec(v);
  if (percent) {
    const n = Number(percent[1]);
    return n <= 100 ? { value: `${n}%`, scale: 'percent' } : null;
  }
  if (/^\d{1,2}$/.test(v)) {
    const n = Number(v);
    if (n >= 1 && n <= 10) return { value: String(n), scale: 'points' };
  }
  return null;
}

function isValidLevel(level: number): boolean {
  return Number.isInteger(level) && level >= 1 && level <= 12;
}

/** Why a scale is refused for this work and level, or null when it is allowed. */
function refusal(scale: GradeScale, work: WorkKind, level: number | null): string | null {
  const term = TERM_WORK_KINDS.includes(work);
  const examLike = work === 'state-exam' || work === 'makeup';
  switch (scale) {
    case 'credit':
    case 'no-grade':
      return null;
    case 'percent':
      return work === 'state-exam' ? null : t.percentOnlyExam;
    case 'exempt':
      return term ? null : t.exemptOnlyTerm;
    case 'points':
      if (work === 'credit') return t.creditOnly;
      if (level !== null && level < 4) return t.pointsFrom4;
      return null;
    case 'mastery':
    case 'descriptive': {
      const what = scale === 'mastery' ? t.masteryLevels : t.descriptiveGrades;
      if (work === 'credit') return t.creditOnly;
      if (examLike) return t.notUsedFor(what, WORK_LABELS[work]());
      if (level !== null && level > 6) return t.onlyLevels1to6(what);
      return null;
    }
  }
}

const SCALE_ORDER: readonly { scale: GradeScale; text: string | (() => string) }[] = [
  { scale: 'points', text: '1–10' },
  { scale: 'descriptive', text: '+, -, /' },
  { scale: 'mastery', text: 'S, T, A, P' },
  { scale: 'percent', text: '0%–100%' },
  { scale: 'credit', text: 'i, ni' },
  { scale: 'no-grade', text: 'nv' },
  { scale: 'exempt', text: () => t.exemptWithCertificate },
];

/** The values accepted for this work and level, for messages: "1–10, i, ni, nv". */
export function describeAcceptedValues(work: WorkKind, level?: number | null): string {
  const lvl = level ?? null;
  return SCALE_ORDER.filter(({ scale }) => refusal(scale, work, lvl) === null)
    .map(({ text }) => (typeof text === 'string' ? text : text()))
    .join(', ');
}

function context(work: WorkKind, level: number | null): string {
  return level === null ? WORK_LABELS[work]() : t.inLevel(WORK_LABELS[work](), level);
}

/**
 * Checks one grade against the scale its work kind and class level allow.
 * Level rules apply only when the level is known; every work kind follows them.
 */
export function checkGrade(input: {
  value: string;
  work: WorkKind;
  level?: number | null;
  exemptCertificate?: string | null;
}): GradeCheck {
  const { work } = input;
  const level = input.level ?? null;
  if (!isWorkKind(work)) {
    return { ok: false, reason: t.unknownWork(String(work), WORK_KINDS.join(', ')) };
  }
  if (level !== null && !isValidLevel(level)) {
    return { ok: false, reason: t.badLevel(level) };
  }
  const accepted = t.accepted(context(work, level), describeAcceptedValues(work, level));
  const shown = input.value.trim();
  const found = classify(input.value);
  if (found === null) {
    const hint = /^[stp]$/.test(shown) ? t.masteryHint : '';
    const what = shown === '' ? t.gradeEmpty : t.notOnScale(shown, hint);
    return { ok: false, reason: `${what}; ${accepted}` };
  }
  const why = refusal(found.scale, work, level);
  if (why !== null) {
    return { ok: false, reason: `${why}; ${accepted}` };
  }
  if (found.scale === 'exempt' && !input.exemptCertificate?.trim()) {
    return { ok: false, reason: t.needsCertificate };
  }
  return { ok: true, value: found.value, scale: found.scale };
}

/** Latvian meaning of a grade value, or null when it is not a grade. */
export function gradeMeaning(value: string): string | null {
  const found = classify(value);
  return found === null ? null : (MEANINGS[found.value] ?? null);
}

/** Mean of the 1–10 values only, rounded to 2 decimals; null when there are none. */
export function pointsAverage(values: readonly string[]): number | null {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    const found = classify(v);
    if (found?.scale === 'points') {
      sum += Number(found.value);
      count += 1;
    }
  }
  // Rounding sum*100/count (not mean*100) keeps the only division last, avoiding 1.005-style drift.
  return count === 0 ? null : Math.round((sum * 100) / count) / 100;
}
