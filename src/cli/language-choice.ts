import { AppError } from '../errors.ts';
import { isLanguage, type Language } from '../i18n/language.ts';
import { m } from '../i18n/messages/cli.ts';

export interface LanguageChoice {
  language: Language;
  /** A person's own choice (--lang, EZURNALS_LANG), which the school's setting does not override. */
  chosen: boolean;
}

/**
 * The run's language, read before the program is built so that its help is
 * written in it: `--lang CODE` (or `--lang=CODE`) beats EZURNALS_LANG, which
 * beats the school's setting (adopted when the journal opens), which beats
 * Latvian.
 */
export function chooseLanguage(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): LanguageChoice {
  let given: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') given = argv[i + 1] ?? '';
    else if (arg.startsWith('--lang=')) given = arg.slice('--lang='.length);
  }
  given ??= env.EZURNALS_LANG || undefined;
  if (given === undefined) return { language: 'lv', chosen: false };
  const code = given.trim().toLowerCase();
  if (!isLanguage(code)) throw new AppError('usage', m.badLanguage(given));
  return { language: code, chosen: true };
}
