import type { Command } from 'commander';
import { currentAuditHead, listAudit, verifyAudit, type AuditEntryView } from '../../services/audit.ts';
import { formatHead, type AuditHead } from '../../domain/audit-chain.ts';
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
    .description('check the database file, the hash chain, and every row against its last entry: exit 4 naming the first changed, deleted, reordered or unsealed entry or row')
    .option('--head <position:hash>', 'also check that a head printed earlier by `audit head` (or kept in an archive manifest or a year closure) is still in the chain')
    .addHelpText('after', examples('ezurnals audit verify', 'ezurnals audit verify --head 2832:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'))
    .action(async (flags: { head?: string }, command: Command) => {
      await runCommand(command, {
        write: false,
        run: (ctx) => verifyAudit(ctx, { head: flags.head }),
        print: (verdict, out) => {
          if (out.json) return out.raw({ ok: true, ...verdict, head: verdict.head && formatHead(verdict.head), checkedHead: verdict.checkedHead && formatHead(verdict.checkedHead) });
          const redacted = verdict.redacted > 0 ? ` (${verdict.redacted} redacted by anonymisation)` : '';
          const remembered = verdict.checkedHead ? `; the remembered head #${verdict.checkedHead.position} is in the chain` : '';
          io().stdout.write(`OK: ${verdict.entries} audit entries verified${redacted}, ${verdict.rows} rows match their last entry${remembered}.\n`);
          if (verdict.head) out.info(`Head: ${formatHead(verdict.head)}`);
        },
      });
    });

  const headColumns: Column<AuditHead & { head: string }>[] = [
    { header: 'head', value: (h) => h.head },
    { header: 'position', value: (h) => h.position },
    { header: 'hash', value: (h) => h.hash },
  ];
  audit
    .command('head')
    .description("print the audit chain's head (position and hash): keep it outside the database, and check it later with `audit verify --head`")
    .addHelpText('after', examples('ezurnals audit head', 'ezurnals audit head --json'))
    .action(async (_flags, command: Command) => {
      await runCommand(command, {
        write: false,
        run: (ctx) => currentAuditHead(ctx),
        print: (head, out) => out.data({ head: formatHead(head), ...head }, headColumns),
      });
    });
}
