import { language, type Language } from './language.ts';

/** A catalogue's entry: a sentence, or a function of what it names (counts, codes, names). */
export type Message = string | ((...args: never[]) => string);
export type Messages = object;

/** One area's messages in every language: `lv` is typed as `en`, so a key missing in either fails the typecheck. */
export interface Catalogue<T extends Messages> {
  en: T;
  lv: T;
}

/**
 * The messages of the running language, read as `m.key` or `m.key(args)`.
 * Each area keeps its own catalogue file beside the others in
 * src/i18n/messages/, loaded with the code that speaks it, so that a command
 * loads only its own family's words.
 */
export function messages<T extends Messages>(catalogue: Catalogue<T>): T {
  return new Proxy({} as T, {
    get: (_target, key) => catalogue[language()][key as keyof T],
  });
}

/** The plural forms of a noun: Latvian has one (1, 21, 31…), zero (0, 10–20, 30…, genitive) and other (2–9, 22…). */
export interface PluralForms {
  one: string;
  other: string;
  /** Latvian's "zero" class (0, 10–20, 30…); falls back to `other`. */
  zero?: string;
}

const rules = new Map<Language, Intl.PluralRules>();

function rulesOf(lang: Language): Intl.PluralRules {
  let found = rules.get(lang);
  if (!found) rules.set(lang, (found = new Intl.PluralRules(lang)));
  return found;
}

/** The form of a noun that goes with `n` in the running language. */
export function plural(n: number, forms: PluralForms, lang: Language = language()): string {
  const category = rulesOf(lang).select(n);
  if (category === 'one') return forms.one;
  if (category === 'zero') return forms.zero ?? forms.other;
  return forms.other;
}

/** `n` and its noun: "1 skolēns", "2 skolēni", "10 skolēnu", "21 skolēns". */
export function count(n: number, forms: PluralForms, lang: Language = language()): string {
  return `${n} ${plural(n, forms, lang)}`;
}

/** A list joined as people write it: "a, b un c" / "a, b and c". */
export function listOf(items: readonly string[], lang: Language = language()): string {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
}
