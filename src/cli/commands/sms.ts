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
import { m as t } from '../../i18n/messages/accounts.ts';
import { m as w } from '../../i18n/messages/words.ts';

const columns = (): Column<SmsView>[] => [
  { header: w.id, value: (m) => m.id },
  { header: t.hState, value: (m) => m.state },
  { header: t.hTo, value: (m) => m.to },
  { header: t.hUsername, value: (m) => m.username },
  { header: w.text, value: (m) => m.text },
  { header: t.hAttempts, value: (m) => m.attempts },
  { header: t.hLastError, value: (m) => m.last_error },
  { header: w.sent, value: (m) => m.sent_at },
];

/** `ezurnals-sms-2026-11-29T10-15-00.csv`: a default name that never overwrites an earlier hand-over. */
function defaultExportFile(now: Date): string {
  return `ezurnals-sms-${localTimestamp(now).slice(0, 19).replace(/:/g, '-')}.csv`;
}

export function registerSms(program: Command): void {
  const sms = program.command('sms').description(t.smsFamily);

  sms
    .command('list')
    .description(t.smsList)
    .option('--state <state>', t.stateOption(SMS_STATES.join(' | ')))
    .addHelpText('after', examples('ezurnals sms list --state queued'))
    .action(async (opts: { state?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listMessages(ctx, opts), print: (r, out) => out.data(r, columns()) });
    });

  sms
    .command('send')
    .description(t.smsSend)
    .option('--retry-failed', t.smsRetryFailed)
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
            out.info(t.outbox(r.queued));
          } else {
            out.info(t.sent(r.sent, r.transport, r.skipped));
            for (const f of r.failed) out.warn(t.sendFailed(f.id, f.to, f.username ?? '', f.attempts, f.error));
          }
          if (r.failed.length > 0) throw new AppError('unexpected', t.undelivered(r.failed.length));
        },
      });
    });

  sms
    .command('export')
    .description(t.smsExport)
    .option('--out <file>', t.smsExportOut)
    .option('--force', t.smsExportForce)
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
          else out.info(t.exported(r.messages.length, r.file));
        },
      });
    });
}
