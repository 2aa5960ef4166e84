import type { Command } from 'commander';
import { currentAuditHead, listAudit, verifyAudit, type AuditEntryView } from '../../services/audit.ts';
import { formatHead, type AuditHead } from '../../domain/audit-chain.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { runCommand } from '../runtime.ts';
import { io } from '../io.ts';
import { m as t } from '../../i18n/messages/files-audit.ts';
import { m as w } from '../../i18n/messages/words.ts';

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

const columns = (): Column<AuditEntryView>[] => [
  { header: 'id', value: (e) => e.id },
  { header: t.columnAt, value: (e) => e.at.slice(0, 19).replace('T', ' ') },
  { header: t.columnBy, value: (e) => e.by ?? t.outsideEzurnals },
  { header: t.columnOperation, value: (e) => e.operation },
  { header: t.columnRecord, value: (e) => `${e.table}${e.record === null ? '' : ` ${e.record}`}` },
  { header: t.columnValues, value: (e) => (e.redacted ? `${summary(e)} ${t.redacted}` : summary(e)) },
  { header: w.command, value: (e) => e.command },
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
  const audit = program.command('audit').description(t.auditDescription);

  audit
    .command('list')
    .description(t.listDescription)
    .option('--entity <table>', t.listEntity)
    .option('--student <code>', t.listStudent)
    .option('--since <date>', t.listSince)
    .option('--by <user>', t.listBy)
    .option('--limit <n>', t.listLimit, '50')
    .option('--oldest-first', t.listOldestFirst)
    .addHelpText('after', examples('ezurnals audit list --entity grade --since 2026-11-01', 'ezurnals audit list --student S001 --json', 'ezurnals audit list --by T01 --limit 200'))
    .action(async (flags: ListFlags, command: Command) => {
      await runCommand(command, {
        write: false,
        run: (ctx) => listAudit(ctx, flags),
        print: (entries, out) => out.data(entries, columns()),
      });
    });

  audit
    .command('verify')
    .description(t.verifyDescription)
    .option('--head <position:hash>', t.verifyHead)
    .addHelpText('after', examples('ezurnals audit verify', 'ezurnals audit verify --head 2832:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'))
    .action(async (flags: { head?: string }, command: Command) => {
      await runCommand(command, {
        write: false,
        run: (ctx) => verifyAudit(ctx, { head: flags.head }),
        print: (verdict, out) => {
          if (out.json) return out.raw({ ok: true, ...verdict, head: verdict.head && formatHead(verdict.head), checkedHead: verdict.checkedHead && formatHead(verdict.checkedHead) });
          const redacted = verdict.redacted > 0 ? t.verifiedRedacted(verdict.redacted) : '';
          const remembered = verdict.checkedHead ? t.verifiedRemembered(verdict.checkedHead.position) : '';
          io().stdout.write(`${t.verifiedOk(verdict.entries, redacted, verdict.rows, remembered)}\n`);
          if (verdict.head) out.info(t.headLine(formatHead(verdict.head)));
        },
      });
    });

  const headColumns = (): Column<AuditHead & { head: string }>[] => [
    { header: t.columnHead, value: (h) => h.head },
    { header: t.columnPosition, value: (h) => h.position },
    { header: t.columnHash, value: (h) => h.hash },
  ];
  audit
    .command('head')
    .description(t.headDescription)
    .addHelpText('after', examples('ezurnals audit head', 'ezurnals audit head --json'))
    .action(async (_flags, command: Command) => {
      await runCommand(command, {
        write: false,
        run: (ctx) => currentAuditHead(ctx),
        print: (head, out) => out.data({ head: formatHead(head), ...head }, headColumns()),
      });
    });
}
