// Header → field mapping. Each importable column has an English and a
// Latvian name (issue 3); real headers vary in case, spacing, underscores,
// and some exporters strip diacritics ("Vards", "Talrunis"), so matching is
// forgiving in exactly those ways and no others: a header that could mean two
// fields, or a required field nowhere, is an error naming what was found.
import { CsvError, type ImportProblem } from './errors.ts';
import { m as t } from '../i18n/messages/files-csv.ts';
import { language as runLanguage } from '../i18n/language.ts';

export interface ColumnDef {
  /** English name, as documented (e.g. 'first_name'). */
  en: string;
  /** Latvian name(s), with diacritics as documented (e.g. 'Vārds'). */
  lv: string | readonly string[];
  required?: boolean;
  /** Other accepted names (e.g. 'e-mail'). */
  aliases?: readonly string[];
}

export interface ColumnSpec<F extends string> {
  readonly fields: readonly F[];
  readonly defs: Readonly<Record<F, ColumnDef>>;
  /** Normalised name → field (case, spaces, '_' and '-' ignored). */
  readonly exact: ReadonlyMap<string, F>;
  /** The same without diacritics; names two fields share this way are left out. */
  readonly folded: ReadonlyMap<string, F>;
  /** Normalised Latvian names, to tell which language a header is in. */
  readonly latvian: ReadonlySet<string>;
}

export interface HeaderMapping<F extends string> {
  file: string;
  /** Column index of each field, undefined when the file has no such column. */
  index: Record<F, number | undefined>;
  /** The header text of each mapped field, as the file spells it (for messages). */
  names: Record<F, string | undefined>;
  /** Header names that match no field (ext_… and empty ones excepted). */
  unknown: string[];
  /** The language most matched names are in; messages use it for absent columns. */
  language: 'en' | 'lv';
}

/** Lower case, no surrounding spaces, and no spaces, '_' or '-' inside: `First_Name` = `first name` = `firstname`. */
function normalizeName(name: string): string {
  return name.normalize('NFC').trim().toLowerCase().replace(/[\s_-]+/g, '');
}

/** Without diacritics: every Latvian letter decomposes into a base letter and a mark. */
function foldName(normalized: string): string {
  return normalized.normalize('NFD').replace(/\p{M}/gu, '');
}

const lvNames = (def: ColumnDef): readonly string[] => (typeof def.lv === 'string' ? [def.lv] : def.lv);

/**
 * Check a column spec once, when the importer module loads: two fields with
 * the same accepted name would make mapping depend on order, so that is a
 * programming error thrown here, not a user error.
 */
export function defineColumns<const S extends Record<string, ColumnDef>>(spec: S): ColumnSpec<keyof S & string> {
  type F = keyof S & string;
  const fields = Object.keys(spec) as F[];
  const exact = new Map<string, F>();
  const folded = new Map<string, F>();
  const ambiguousFolded = new Set<string>();
  const latvian = new Set<string>();
  for (const field of fields) {
    const def = spec[field]!;
    const names = [field, def.en, ...lvNames(def), ...(def.aliases ?? [])];
    for (const name of names) {
      const key = normalizeName(name);
      const owner = exact.get(key);
      if (owner !== undefined && owner !== field) {
        throw new Error(`column spec: "${name}" names both ${owner} and ${field}`);
      }
      exact.set(key, field);
      const fold = foldName(key);
      const foldOwner = folded.get(fold);
      if (foldOwner !== undefined && foldOwner !== field) ambiguousFolded.add(fold);
      folded.set(fold, field);
    }
    for (const name of lvNames(def)) {
      latvian.add(normalizeName(name));
      latvian.add(foldName(normalizeName(name)));
    }
  }
  for (const fold of ambiguousFolded) folded.delete(fold);
  return { fields, defs: spec, exact, folded, latvian };
}

/** The field a header name means, if any. */
export function fieldOf<F extends string>(name: string, spec: ColumnSpec<F>): F | undefined {
  const key = normalizeName(name);
  // Exact (case-insensitive) first, so a diacritic-less match can never win
  // over a name that is spelled out.
  return spec.exact.get(key) ?? spec.folded.get(foldName(key));
}

/** The name to show for a field the file does not have: in the file's language. */
export function displayName<F extends string>(spec: ColumnSpec<F>, field: F, language: 'en' | 'lv'): string {
  const def = spec.defs[field];
  return language === 'lv' ? (lvNames(def)[0] ?? def.en) : def.en;
}

/**
 * Map a header to fields. Columns beginning with `ext_` are extensions
 * (OneRoster) and empty header cells are padding: neither is "unknown".
 * Throws one CsvError listing every required column that is missing and
 * every field given twice, with the columns the file does have.
 */
export function mapHeader<F extends string>(
  header: readonly string[],
  spec: ColumnSpec<F>,
  file: string,
  /** Where the header is (`CsvTable.headerLine`), for the messages. */
  line = 1,
): HeaderMapping<F> {
  const index = {} as Record<F, number | undefined>;
  const names = {} as Record<F, string | undefined>;
  for (const field of spec.fields) {
    index[field] = undefined;
    names[field] = undefined;
  }
  const unknown: string[] = [];
  const problems: ImportProblem[] = [];
  let latvianMatches = 0;
  let englishMatches = 0;
  header.forEach((cell, i) => {
    const name = cell.trim();
    if (name === '' || /^ext_/i.test(name)) return;
    const field = fieldOf(name, spec);
    if (field === undefined) {
      unknown.push(name);
      return;
    }
    const key = normalizeName(name);
    if (spec.latvian.has(key) || spec.latvian.has(foldName(key))) latvianMatches++;
    else englishMatches++;
    const earlier = names[field];
    if (earlier !== undefined) {
      problems.push({
        file,
        line,
        column: name,
        reason: t.columnTwice(earlier, name, displayName(spec, field, runLanguage())),
      });
      return;
    }
    index[field] = i;
    names[field] = name;
  });
  const language = latvianMatches > englishMatches ? 'lv' : 'en';

  const found = header.map((h) => h.trim()).filter((h) => h !== '');
  const foundList = found.length > 0 ? found.join(', ') : t.noneFound;
  const nothingMatched = latvianMatches + englishMatches === 0;
  for (const field of spec.fields) {
    const def = spec.defs[field];
    if (!def.required || index[field] !== undefined) continue;
    const shown = displayName(spec, field, language);
    const others = [def.en, ...lvNames(def)].filter((n) => n !== shown);
    problems.push({
      file,
      line,
      column: shown,
      reason:
        t.requiredMissing(others.map((n) => `"${n}"`).join(', '), foundList, nothingMatched),
    });
  }
  if (problems.length > 0) throw CsvError.fromProblems(problems);
  return { file, index, names, unknown, language };
}

/**
 * A row's values by field: undefined for a column the file does not have
 * (so a re-import leaves that field alone), '' for an empty cell.
 */
export function valuesOf<F extends string>(mapping: HeaderMapping<F>, cells: readonly string[]): Record<F, string | undefined> {
  const out = {} as Record<F, string | undefined>;
  for (const field of Object.keys(mapping.index) as F[]) {
    const i = mapping.index[field];
    out[field] = i === undefined ? undefined : (cells[i] ?? '');
  }
  return out;
}

/** The column name for messages about `field`: as the file spells it, else in the file's language. */
export function columnLabel<F extends string>(mapping: HeaderMapping<F>, spec: ColumnSpec<F>, field: F): string {
  return mapping.names[field] ?? displayName(spec, field, mapping.language);
}

// --- Columns no field takes ---------------------------------------------------

/**
 * Words Latvian sheets use for a field under another name (folded, no
 * spaces): they point at the field in the suggestion, not in the mapping, so
 * a column is never read as something the user did not write.
 */
const SYNONYMS: Record<string, readonly string[]> = {
  phone: ['telefons', 'telefonanumurs', 'telnr', 'tel', 'mobilais', 'mobilaistalrunis', 'mob'],
  personal_code: ['perskods', 'pk', 'personaskodi', 'personalid'],
  email: ['epasts', 'mail', 'epastaadrese'],
};

/** Words (folded) that name a parent in a students file's header. */
const GUARDIAN_WORDS = new Set(['mate', 'mates', 'tevs', 'teva', 'vecaks', 'vecaki', 'vecaka', 'vecaku', 'aizbildnis', 'aizbildna', 'parent', 'mother', 'father', 'guardian']);

/** Edit distance, for near misses such as "Uzvards" → "Uzvārds" typed as "Uzvrds". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** Words of a header, folded: "Pers. kods" → ["pers", "kods"]. */
function words(name: string): string[] {
  return foldName(name.normalize('NFC').toLowerCase()).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Every word of `short` starts a word of `long`, in order: "Pers. kods" abbreviates "Personas kods". */
function abbreviates(short: string[], long: string[]): boolean {
  let j = 0;
  for (const w of short) {
    while (j < long.length && !long[j]!.startsWith(w)) j++;
    if (j === long.length) return false;
    j++;
  }
  return short.length > 0;
}

/**
 * The known header an unknown one most resembles, in the file's language, or
 * undefined when none is close: a synonym, an abbreviation, a name inside the
 * other ("Mātes tālrunis" holds "Tālrunis"), or a few letters off.
 */
export function closestColumn<F extends string>(name: string, spec: ColumnSpec<F>, language: 'en' | 'lv'): string | undefined {
  const key = foldName(normalizeName(name)).replace(/[^\p{L}\p{N}]+/gu, '');
  const own = words(name);
  let best: { field: F; score: number } | undefined;
  const consider = (field: F, score: number) => {
    if (!best || score < best.score) best = { field, score };
  };
  for (const field of spec.fields) {
    if (SYNONYMS[field]?.includes(key)) consider(field, 0);
    const def = spec.defs[field];
    for (const candidate of [field, def.en, ...lvNames(def), ...(def.aliases ?? [])]) {
      const other = foldName(normalizeName(candidate)).replace(/[^\p{L}\p{N}]+/gu, '');
      if (other.length < 3 || key.length < 2) continue;
      if (abbreviates(own, words(candidate))) consider(field, 1);
      if (key.includes(other) || (other.includes(key) && key.length >= 3)) consider(field, 2);
      const d = distance(key, other);
      if (d <= Math.max(1, Math.floor(other.length / 4))) consider(field, 2 + d);
    }
  }
  const found = best as { field: F } | undefined;
  return found && displayName(spec, found.field, language);
}

/**
 * One line per column the import ignores, with the header it most likely
 * means: `column "Pers. kods" is not a known column and is ignored (did you
 * mean "Personas kods"?)`.
 */
export function unknownColumnReason<F extends string>(name: string, spec: ColumnSpec<F>, language: 'en' | 'lv'): string {
  // "Māte", "Mātes tālrunis": a parent's details, which "Tālrunis" would wrongly take for the student's own.
  if (!spec.fields.includes('relation' as F) && words(name).some((w) => GUARDIAN_WORDS.has(w))) {
    return t.guardianColumn;
  }
  const like = closestColumn(name, spec, language);
  return t.unknownColumn(like ?? '', spec.fields.map((f) => displayName(spec, f, language)).join(', '));
}
