/**
 * Columns whose values must never leave the database in readable form: the
 * audit triggers log them as "[redacted]", and `student export-data` leaves
 * them out. Listed by table and column name, so that tables added by later
 * migrations are covered as soon as they exist (the list may name tables a
 * database does not have yet).
 */
export const SECRET_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  account: ['password_hash'],
  sms_outbox: ['body'],
  web_session: ['token_hash'],
};

export const REDACTED = '[redacted]';

export function isSecretColumn(table: string, column: string): boolean {
  return SECRET_COLUMNS[table]?.includes(column) ?? false;
}
