import type { Migration } from 'kysely';
import { initial } from './0001-initial.ts';
import { extractAcknowledgement } from './0002-extract-acknowledgement.ts';
import { classJournalAppendices } from './0003-class-journal-appendices.ts';
import { auditLog } from './0008-audit-log.ts';

/**
 * Listed statically (not read from a folder) so the bundled bin carries them
 * and their order is explicit. Names sort in the order they must run.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-extract-acknowledgement': extractAcknowledgement,
  '0003-class-journal-appendices': classJournalAppendices,
  '0008-audit-log': auditLog,
};

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1)!;
