import type { Migration } from 'kysely';
import { initial } from './0001-initial.ts';
import { extractAcknowledgement } from './0002-extract-acknowledgement.ts';
import { classJournalAppendices } from './0003-class-journal-appendices.ts';
import { timetableAndInspections } from './0004-timetable-and-inspections.ts';
import { individualWorkAndEntryTimes } from './0005-individual-work-and-entry-times.ts';
import { promotionAndYearLock } from './0006-promotion-and-year-lock.ts';
import { accountsAndSms } from './0007-accounts-and-sms.ts';
import { auditLog } from './0008-audit-log.ts';
import { readingRoles } from './0009-reading-roles.ts';
import { substitutions } from './0010-substitutions.ts';
import { yearClosureAuditHead } from './0011-year-closure-audit-head.ts';
import { groups } from './0012-groups.ts';
import { webSessions } from './0013-web-sessions.ts';
import { studentCodesNotPersonasKods } from './0014-student-codes-not-personas-kods.ts';
import { onePerStudent } from './0015-one-per-student.ts';
import { schoolLanguage } from './0016-school-language.ts';
import { auditSeal } from './0017-audit-seal.ts';
import { auditInsertStatements } from './0018-audit-insert-statements.ts';
import { redactionOnlyBlanks } from './0019-redaction-only-blanks.ts';

/**
 * Listed statically (not read from a folder) so the bundled bin carries them
 * and their order is explicit. Names sort in the order they must run.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-extract-acknowledgement': extractAcknowledgement,
  '0003-class-journal-appendices': classJournalAppendices,
  '0004-timetable-and-inspections': timetableAndInspections,
  '0005-individual-work-and-entry-times': individualWorkAndEntryTimes,
  '0006-promotion-and-year-lock': promotionAndYearLock,
  '0007-accounts-and-sms': accountsAndSms,
  '0008-audit-log': auditLog,
  '0009-reading-roles': readingRoles,
  '0010-substitutions': substitutions,
  '0011-year-closure-audit-head': yearClosureAuditHead,
  '0012-groups': groups,
  '0013-web-sessions': webSessions,
  '0014-student-codes-not-personas-kods': studentCodesNotPersonasKods,
  '0015-one-per-student': onePerStudent,
  '0016-school-language': schoolLanguage,
  '0017-audit-seal': auditSeal,
  '0018-audit-insert-statements': auditInsertStatements,
  '0019-redaction-only-blanks': redactionOnlyBlanks,
};

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1)!;
