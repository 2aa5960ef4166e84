import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The languages the tool speaks. Latvian is the default: the people who use a
 * Latvian school's journal are Latvian staff, and English is what they choose
 * (`--lang en`, `EZURNALS_LANG=en`, or the school's own setting).
 */
export const LANGUAGES = ['lv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** One run's language, and whether the person chose it (a flag or variable beats the school's setting). */
interface Choice {
  language: Language;
  chosen: boolean;
}

const current = new AsyncLocalStorage<Choice>();

/**
 * The language outside any run (a service called directly, the web server's
 * own start). Only the test runner changes it, to English, so that the
 * suite's assertions on wording run in one named language
 * (scripts/test-run.mjs); everything else starts in Latvian.
 */
let fallback: Language = 'lv';

export function setDefaultLanguage(language: Language): void {
  fallback = language;
}

/** The language messages are written in now. */
export function language(): Language {
  return current.getStore()?.language ?? fallback;
}

/** Runs `work` speaking `language`; `chosen` marks a person's explicit choice, which the school's setting does not override. */
export function withLanguage<T>(language: Language, work: () => T, chosen = true): T {
  return current.run({ language, chosen }, work);
}

/**
 * The school's own setting, adopted once its journal is open, unless the
 * person chose a language for this run. Outside a run it does nothing.
 */
export function adoptSchoolLanguage(language: string | null | undefined): void {
  const choice = current.getStore();
  if (choice && !choice.chosen && isLanguage(language)) choice.language = language;
}
