// Where the journal lives: `--db` / EZURNALS_DB is either a PostgreSQL URL
// naming a school on a server, or (anything else) the path of an SQLite file.
// Pure: parsing only, so that the choice costs SQLite users nothing at start-up.
import { AppError } from '../errors.ts';
import { m as d } from '../i18n/messages/db.ts';

export type DatabaseLocation =
  | { kind: 'sqlite'; path: string }
  | {
      kind: 'postgres';
      /** The server URL without the `school` parameter: what `pg` connects with. */
      url: string;
      /** The school's code, which is its schema on the server. */
      school: string;
      /** For messages: the URL without any password. */
      display: string;
    };

const POSTGRES = /^postgres(ql)?:\/\//i;

/** A school code as a PostgreSQL schema name: lower case, so no quoting ever changes its meaning. */
export const SCHOOL_CODE = /^[a-z][a-z0-9_]{0,47}$/;

/** Schemas a school may not take: the server's own. */
const RESERVED = new Set(['public', 'information_schema']);

export function isPostgresUrl(text: string): boolean {
  return POSTGRES.test(text);
}

export function parseLocation(text: string, options: { schoolOptional?: boolean } = {}): DatabaseLocation {
  if (!isPostgresUrl(text)) return { kind: 'sqlite', path: text };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError('usage', d.badUrl(redactUrl(text)));
  }
  const school = url.searchParams.get('school');
  url.searchParams.delete('school');
  const display = redactUrl(url.toString());
  if (!school && options.schoolOptional) return { kind: 'postgres', url: url.toString(), school: '', display };
  if (!school) throw new AppError('usage', d.urlNoSchool(display));
  if (!SCHOOL_CODE.test(school) || RESERVED.has(school) || school.startsWith('pg_')) {
    throw new AppError('usage', d.badSchoolCode(school));
  }
  return { kind: 'postgres', url: url.toString(), school, display: `${display}${display.includes('?') ? '&' : '?'}school=${school}` };
}

/** The URL as messages may show it: never the password. */
export function redactUrl(text: string): string {
  return text.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}
