import { resolve } from 'node:path';
import { AppError } from '../errors.ts';
import { verifyArchive, type ArchiveVerification } from '../archive/verify.ts';
import { findYearClosure, insertYearClosure } from '../db/repositories/year-closures.ts';
import { ensureYearLockTriggers } from '../db/year-lock.ts';
import { auditHead } from '../db/dialect.ts';
import { requireIntactDatabase } from '../db/quick-check.ts';
import { formatHead } from '../domain/audit-chain.ts';
import { requireRight, timestamp, type ServiceContext } from './context.ts';
import { requireText } from './input.ts';
import { resolveYear } from './lookup.ts';
import { m } from '../i18n/messages/calendar-years.ts';

export interface VerifiedArchive {
  path: string;
  verification: ArchiveVerification;
}

export interface YearClosureView {
  year: string;
  closed_at: string;
  closed_by: string;
  archive: string;
  files: number;
  bytes: number;
  /** The audit chain's head as the year was closed, POSITION:HASH. */
  audit_head: string | null;
  /** The head the archive's manifest records. */
  archive_audit_head: string | null;
}

function listed(label: string, paths: readonly string[]): string[] {
  return paths.length === 0 ? [] : [`${label} (${paths.length}): ${paths.slice(0, 20).join(', ')}${paths.length > 20 ? ', …' : ''}`];
}

async function yearToClose(ctx: ServiceContext, code: string) {
  requireRight(ctx, 'close-year');
  const year = await resolveYear(ctx, requireText(code, 'year'));
  if (await findYearClosure(ctx.db, year.id)) throw new AppError('conflict', m.alreadyClosed(year.code));
  return year;
}

/**
 * Before `year close` takes the write lock: the year's archive must exist,
 * verify file by file, and be this school's archive of this year.
 */
export async function verifyYearArchive(ctx: ServiceContext, code: string, dir: string | undefined): Promise<VerifiedArchive> {
  const year = await yearToClose(ctx, code);
  // A year is locked for good on what the database holds now: not on a damaged page.
  await requireIntactDatabase(ctx.db, m.staysOpen(year.code));
  const path = resolve(requireText(dir, 'archive'));
  const verification = await verifyArchive(path);
  if (!verification.ok) {
    throw new AppError('invalid', m.archiveNotVerified(path, year.code), [
      ...listed(m.listedMissing, verification.missing),
      ...listed(m.listedChanged, verification.changed),
      ...listed(m.listedExtra, verification.extra),
    ]);
  }
  const years = [...new Set(verification.manifests.map((m) => m.schoolYear))];
  if (years.length !== 1 || years[0] !== year.code) throw new AppError('invalid', m.archiveOfOtherYear(path, years.join(', '), year.code));
  const schools = [...new Set(verification.manifests.map((m) => m.school?.name))];
  if (schools.length !== 1 || schools[0] !== ctx.school.name) throw new AppError('invalid', m.archiveOfOtherSchool(path, schools.join(', '), ctx.school.name));
  return { path, verification };
}

/** `year close`: records the verified archive and locks the year against every later write. */
export async function closeYear(ctx: ServiceContext, code: string, archive: VerifiedArchive): Promise<YearClosureView> {
  const actor = requireRight(ctx, 'close-year');
  const year = await yearToClose(ctx, code);
  const { verification } = archive;
  const exportedAt = verification.manifests.map((m) => m.exportedAt).filter(Boolean).sort().at(-1) ?? null;
  // Before the closure's own entries: the chain as the year was closed, to keep and check later with audit verify --head.
  const head = await auditHead(ctx.db);
  const closure = {
    school_year_id: year.id,
    closed_at: timestamp(ctx),
    closed_by: actor.id,
    archive_path: archive.path,
    archive_files: verification.files,
    archive_bytes: verification.bytes,
    archive_exported_at: exportedAt,
    audit_head: head ? formatHead(head) : null,
    archive_audit_head: verification.manifests.map((m) => m.auditHead).find((h) => h !== undefined) ?? null,
  };
  await insertYearClosure(ctx.db, closure);
  await ensureYearLockTriggers(ctx.db);
  return { year: year.code, closed_at: closure.closed_at, closed_by: actor.code, archive: archive.path, files: verification.files, bytes: verification.bytes, audit_head: closure.audit_head, archive_audit_head: closure.archive_audit_head };
}
