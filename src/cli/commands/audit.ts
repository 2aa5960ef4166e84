import type { Command } from 'commander';
import { listAudit, verifyAudit, type AuditEntryView } from '../../services/audit.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { runCommand } from '../runtime.ts';
import { io } from '../io.ts';

const shown = (value: unknown) => (value === null || value === undefined ? '∅' : typeof value === 'string' ? value : JSON.stringify(value));

/** The table's one-line account of a write: what changed for an update, the key values otherwise. */
function summary(e: AuditEntryView): string {
  if (e.changed) return Object.entries(e.changed).map(([column, [before, after]]) => `${column}: ${shown(before)} → ${shown(after)}`).join('; ');
  const values = e.after ?? e.before;
  if (!values) return '';
  return Object.entries(values)
    .filter(([column, value]) => value !== null && column !== 'id' && !column.endsWith('_at'))
    .map(([column, value]) => `${column}=${shown(value)}`)
    .join(', ');
}

const columns: Column<AuditEntryView>[] = [
  { header: 'id', value: (e) => e.id },
  { header: 'at', value: (e) => e.at.slice(0, 19).replace('T', ' ') },
  { header: 'by', value: (e) => e.by ?? 'OUTSIDE EZURNALS (unsealed)' },
  { header: 'operation', value: (e) => e.operation },
  { header: 'record', value: (e) => `${e.table}${e.record === null ? '' : ` ${e.record}`}` },
  { header: 'values', value: (e) => (e.redacted ? `${summary(e)} (redacted)` : summary(e)) },
  { header: 'command', value: (e) => e.command },
];

interface ListFlags {
  entity?: string;
  student?: string;
  since?: string;
  by?: string;
  limit?: string;
  oldestFirst?: boolean;
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the audit trail: every write, who made it, with which command, values before and after (admins and deputies)');

  audit
    .command('list')
    .description('list audit entries, newest first')
    .option('--entity <table>', 'only writes to this table, e.g. grade, student, absence')
    .option('--student <code>', 'only records about this student')
    .option('--since <date>', 'only entries from this day on')
    .option('--by <user>', 'only entries of this staff code ("system": those made without --as)')
    .option('--limit <n>', 'at most this many entries', '50')
    .option('--oldest-first', 'oldest first instead')
    .addHelpText('after', examples('ezurnals audit list --entity grade --since 2026-11-01', 'ezurnals audit list --student S001 --json', 'ezurnals audit list --by T01 --limit 200'))
    .action(async (flags: ListFlags, command: Command) => {
      await runCommand(command, {
        write: false,
        run: (ctx) => listAudit(ctx, flags),
        print: (entries, out) => out.data(entries, columns),
      });
    });

  audit
    .command('verify')
    .description('check the hash chain: exit 4 naming the first changed, deleted, reordered or unsealed entry')
    .addHelpText('after', examples('ezurnals audit verify'))
    .action(async (_flags, command: Command) => {
      await runCommand(command, {
        write: false,
        run: (ctx) => verifyAudit(ctx),
        print: (verdict, out) => {
          if (out.json) return out.raw({ ok: true, ...verdict });
          io().stdout.write(`OK: ${verdict.entries} audit entries verified${verdict.redacted > 0 ? ` (${verdict.redacted} redacted by anonymisation)` : ''}.\n`);
        },
      });
    });
}
