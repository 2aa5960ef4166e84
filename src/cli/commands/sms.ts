import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { resolveDatabasePath } from '../../db/connection.ts';
import { checkOutputFile, writeOutputFile } from '../../output-file.ts';
import { toCsv } from '../../csv/write.ts';
import { localTimestamp } from '../../domain/dates.ts';
import { loadConfig } from '../../services/config.ts';
import { transportFor } from '../../services/sms-transports.ts';
import { handOverQueued, listMessages, sendQueued, SMS_STATES, type SmsView } from '../../services/sms.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { commandLine, globalOptions, runCommand } from '../runtime.ts';
import { io } from '../io.ts';

const columns: Column<SmsView>[] = [
  { header: 'id', value: (m) => m.id },
  { header: 'state', value: (m) => m.state },
  { header: 'to', value: (m) => m.to },
  { header: 'username', value: (m) => m.username },
  { header: 'text', value: (m) => m.text },
  { header: 'attempts', value: (m) => m.attempts },
  { header: 'last error', value: (m) => m.last_error },
  { header: 'sent', value: (m) => m.sent_at },
];

/** `ezurnals-sms-2026-11-29T10-15-00.csv`: a default name that never overwrites an earlier hand-over. */
function defaultExportFile(now: Date): string {
  return `ezurnals-sms-${localTimestamp(now).slice(0, 19).replace(/:/g, '-')}.csv`;
}

export function registerSms(program: Command): void {
  const sms = program.command('sms').description('the outbox of password messages and their delivery');

  sms
    .command('list')
    .description('list messages, passwords masked')
    .option('--state <state>', SMS_STATES.join(' | '))
    .addHelpText('after', examples('ezurnals sms list --state queued'))
    .action(async (opts: { state?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listMessages(ctx, opts), print: (r, out) => out.data(r, columns) });
    });

  sms
    .command('send')
    .description('deliver the queued messages through the configured transport (exit 1 when any failed)')
    .option('--retry-failed', 'try the failed messages again too')
    .addHelpText('after', examples('EZURNALS_SMS_TRANSPORT=http EZURNALS_SMS_URL=https://sms.example.lv/send ezurnals sms send'))
    .action(async (opts: { retryFailed?: boolean }, command: Command) => {
      const config = loadConfig(resolveDatabasePath(globalOptions(command).db, io().env), io().env).sms;
      const transport = transportFor(config);
      await runCommand(command, {
        write: false,
        run: (ctx) => sendQueued(ctx, transport, config, { retryFailed: opts.retryFailed, command: commandLine(command) }),
        print: (r, out) => {
          if (out.json) out.raw(r);
          else if (r.transport === 'outbox') {
            out.info(`The SMS transport is "outbox": nothing leaves the journal, ${r.queued} message(s) stay queued. Hand them over with \`ezurnals sms export\`, or configure a transport (EZURNALS_SMS_TRANSPORT=http|command).`);
          } else {
            out.info(`Sent ${r.sent} message(s) by ${r.transport}${r.skipped ? `; ${r.skipped} were being sent by another run` : ''}.`);
            for (const f of r.failed) out.warn(`message ${f.id} to ${f.to}${f.username ? ` (${f.username})` : ''} failed after ${f.attempts} attempt(s): ${f.error}`);
          }
          if (r.failed.length > 0) throw new AppError('unexpected', `${r.failed.length} message(s) could not be delivered and are marked failed; see \`ezurnals sms list --state failed\`.`);
        },
      });
    });

  sms
    .command('export')
    .description('write the queued messages to a CSV file (mode 0600) for printing or another sender, and mark them handed over')
    .option('--out <file>', 'the file (default: ezurnals-sms-<time>.csv in the current folder)')
    .option('--force', 'overwrite an existing --out file')
    .addHelpText('after', examples('ezurnals sms export --out paroles.csv'))
    .action(async (opts: { out?: string; force?: boolean }, command: Command) => {
      // A named file is checked before the database opens; the default name is stamped with the command's own time, so checked inside.
      if (opts.out) checkOutputFile(opts.out, opts.force);
      await runCommand(command, {
        write: true,
        run: async (ctx) => {
          // The default name is stamped with the command's own time; checked again inside, as it is known only here.
          const file = opts.out ?? defaultExportFile(ctx.now);
          checkOutputFile(file, opts.force);
          const handed = await handOverQueued(ctx, (messages) => {
            const csv = toCsv(['id', 'to', 'name', 'username', 'text'], messages.map((m) => [m.id, m.to, m.name, m.username, m.text]));
            // The file holds passwords in clear: readable by its owner only, also when it is overwritten.
            writeOutputFile(file, csv);
          });
          return { file, ...handed };
        },
        print: (r, out) => {
          if (out.json) out.raw({ file: r.file, messages: r.messages });
          else out.info(`Wrote ${r.messages.length} message(s) to ${r.file}; they are marked sent. The file holds passwords: print or send them, then delete it.`);
        },
      });
    });
}
