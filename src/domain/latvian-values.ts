// Latvian words for the values of CSV files saved from a school's Excel
// (issue 18): roles, kinds of work, short dates. Each word means exactly one
// of ours, or is listed as ambiguous with the values it could mean, which the
// importer then names instead of guessing. Words are matched lower-cased,
// with spaces collapsed, a trailing full stop dropped and with or without
// diacritics ("kartejais" = "kārtējais"), as exporters strip them.
import { ROLES, type Role } from './roles.ts';
import { WORK_KINDS, type WorkKind } from './grade-scale.ts';
import { toIsoDate, type IsoDate } from './dates.ts';

/** A word's meaning: one value, or the values an ambiguous word could mean. */
export type WordMeaning<T> = { ok: true; value: T } | { ok: false; choices: readonly T[] };

/** Lower case, one space between words, no trailing full stop, no diacritics. */
export function foldWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '');
}

/** A table of words, checked once: two spellings that fold alike must mean the same. */
function wordTable<T>(entries: Record<string, T | readonly T[]>): ReadonlyMap<string, T | readonly T[]> {
  const table = new Map<string, T | readonly T[]>();
  for (const [word, meaning] of Object.entries(entries)) {
    const key = foldWord(word);
    if (table.has(key) && JSON.stringify(table.get(key)) !== JSON.stringify(meaning)) throw new Error(`word table: "${word}" means two things`);
    table.set(key, meaning);
  }
  return table;
}

function lookUp<T>(table: ReadonlyMap<string, T | readonly T[]>, own: readonly T[], text: string): WordMeaning<T> | undefined {
  const key = foldWord(text);
  // Our own names first (`teacher`, `state-exam`), in any case.
  const exact = own.find((v) => String(v) === key);
  if (exact !== undefined) return { ok: true, value: exact };
  const meaning = table.get(key);
  if (meaning === undefined) return undefined;
  return Array.isArray(meaning) ? { ok: false, choices: meaning as readonly T[] } : { ok: true, value: meaning as T };
}

/** Staff roles as a Latvian staff list writes them. */
export const ROLE_WORDS = wordTable<Role>({
  skolotājs: 'teacher',
  skolotāja: 'teacher',
  'priekšmeta skolotājs': 'teacher',
  'priekšmeta skolotāja': 'teacher',
  'klases audzinātājs': 'class-teacher',
  'klases audzinātāja': 'class-teacher',
  audzinātājs: 'class-teacher',
  audzinātāja: 'class-teacher',
  'direktora vietnieks': 'deputy',
  'direktora vietniece': 'deputy',
  'direktores vietnieks': 'deputy',
  'direktores vietniece': 'deputy',
  'dir. vietn': 'deputy',
  vietnieks: 'deputy',
  vietniece: 'deputy',
  administrators: 'admin',
  administratore: 'admin',
  'e-žurnāla administrators': 'admin',
  'e-žurnāla administratore': 'admin',
  'sistēmas administrators': 'admin',
  medmāsa: 'nurse',
  'medicīnas māsa': 'nurse',
  'skolas māsa': 'nurse',
  'sociālais pedagogs': 'social-pedagogue',
  'sociālā pedagoģe': 'social-pedagogue',
  viesis: 'guest',
  viese: 'guest',
  // Ambiguous: the journal has no director's role, and "pedagogs" is any teacher.
  direktors: ['deputy', 'admin'],
  direktore: ['deputy', 'admin'],
  pedagogs: ['teacher', 'social-pedagogue'],
  pedagoģe: ['teacher', 'social-pedagogue'],
});

/** The Latvian name an export writes for each role (`--excel`); each reads back as the same role. */
export const ROLE_LABELS_LV: Readonly<Record<Role, string>> = {
  admin: 'administrators',
  deputy: 'direktora vietnieks',
  'class-teacher': 'klases audzinātājs',
  teacher: 'skolotājs',
  nurse: 'medmāsa',
  'social-pedagogue': 'sociālais pedagogs',
  guest: 'viesis',
};

export function roleOfWord(text: string): WordMeaning<Role> | undefined {
  return lookUp(ROLE_WORDS, ROLES, text);
}

/** Kinds of work as Latvian grade sheets name them (E-klase's words, and the regulation's). */
export const WORK_WORDS = wordTable<WorkKind>({
  kārtējais: 'regular',
  'kārtējais vērtējums': 'regular',
  ikdienas: 'regular',
  'ikdienas vērtējums': 'regular',
  'stundas vērtējums': 'regular',
  ieskaite: 'credit',
  'ieskaites darbs': 'credit',
  'i/ni': 'credit',
  'pārbaudes darbs': 'test',
  kontroldarbs: 'test',
  tests: 'test',
  pd: 'test',
  'noslēguma darbs': 'large',
  'apjomīgs pārbaudes darbs': 'large',
  'lielais darbs': 'large',
  'radošais darbs': 'large',
  'lielais vai radošais darbs': 'large',
  'lielais/radošais darbs': 'large',
  projekts: 'large',
  'projekta darbs': 'large',
  referāts: 'large',
  sacerējums: 'large',
  rd: 'large',
  '1. semestris': 'semester1',
  '1. semestra': 'semester1',
  '1. semestra vērtējums': 'semester1',
  '1.semestris': 'semester1',
  'i semestris': 'semester1',
  'i semestra': 'semester1',
  'i sem': 'semester1',
  '1. sem': 'semester1',
  'pirmais semestris': 'semester1',
  '2. semestris': 'semester2',
  '2. semestra': 'semester2',
  '2. semestra vērtējums': 'semester2',
  '2.semestris': 'semester2',
  'ii semestris': 'semester2',
  'ii semestra': 'semester2',
  'ii sem': 'semester2',
  '2. sem': 'semester2',
  'otrais semestris': 'semester2',
  gada: 'annual',
  'gada vērtējums': 'annual',
  'gada atzīme': 'annual',
  'valsts pārbaudes darbs': 'state-exam',
  'valsts pārbaudījums': 'state-exam',
  'valsts eksāmens': 'state-exam',
  'centralizētais eksāmens': 'state-exam',
  eksāmens: 'state-exam',
  pēcpārbaudījums: 'makeup',
  'papildu pārbaudījums': 'makeup',
  papildu: 'makeup',
  // Ambiguous: which semester, which examination, which work.
  semestra: ['semester1', 'semester2'],
  semestris: ['semester1', 'semester2'],
  'semestra vērtējums': ['semester1', 'semester2'],
  sem: ['semester1', 'semester2'],
  pārbaudījums: ['state-exam', 'makeup'],
  noslēguma: ['large', 'annual'],
  darbs: ['test', 'large'],
});

/** The Latvian name an export writes for each kind of work (`--excel`); each reads back as the same kind. */
export const WORK_LABELS_LV: Readonly<Record<WorkKind, string>> = {
  regular: 'kārtējais',
  credit: 'ieskaite',
  test: 'pārbaudes darbs',
  large: 'noslēguma darbs',
  semester1: '1. semestris',
  semester2: '2. semestris',
  annual: 'gada',
  'state-exam': 'valsts pārbaudes darbs',
  makeup: 'pēcpārbaudījums',
};

export function workOfWord(text: string): WordMeaning<WorkKind> | undefined {
  return lookUp(WORK_WORDS, WORK_KINDS, text);
}

/** The choices of an ambiguous word, for its message: `semester1 (1. semestris) or semester2 (2. semestris)`. */
export function choicesText<T extends string>(choices: readonly T[], labels: Readonly<Record<T, string>>): string {
  const named = choices.map((c) => `${c} (${labels[c]})`);
  return named.length <= 2 ? named.join(' or ') : `${named.slice(0, -1).join(', ')} or ${named.at(-1)}`;
}

/**
 * A subject named by its name instead of its code (`Matemātika`, `matematika`):
 * the one subject of that name, or the several that share it.
 */
export function subjectOfName<S extends { code: string; name: string }>(name: string, subjects: readonly S[]): WordMeaning<S> | undefined {
  const key = foldWord(name);
  const found = subjects.filter((s) => foldWord(s.name) === key);
  if (found.length === 0) return undefined;
  return found.length === 1 ? { ok: true, value: found[0]! } : { ok: false, choices: found };
}

const SHORT_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{2})$/;

/**
 * A date as Latvian Excel shortens it: `3.11.26` or `03.11.26`, a year of two
 * digits in 2000–2099 (a journal's dates and its students' births are all
 * there). Null for anything else, or a day that does not exist.
 */
export function parseShortDate(text: string): IsoDate | null {
  const match = SHORT_DATE.exec(text.trim());
  if (!match) return null;
  try {
    return toIsoDate(2000 + Number(match[3]), Number(match[2]), Number(match[1]));
  } catch {
    return null;
  }
}

/** An ISO date as Latvian spreadsheets show it: DD.MM.YYYY. */
export function latvianDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : date;
}

/** A school-local ISO timestamp (`2026-10-05T17:03:09+03:00`) as `05.10.2026 17:03:09`, which the importer reads back as the same instant. */
export function latvianTimestamp(timestamp: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(timestamp);
  return match ? `${latvianDate(match[1]!)} ${match[2]}` : timestamp;
}
