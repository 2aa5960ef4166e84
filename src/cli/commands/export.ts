import { checkOutputFile, writeOutputFile } from '../../output-file.ts';
import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { EXCEL_CSV_OPTIONS, toCsv } from '../../csv/write.ts';
import { TRANSFER_KINDS, type TransferKind } from '../../transfer/columns.ts';
import { exportKind } from '../../transfer/export.ts';
import { examples } from '../options.ts';
import { globalOptions, runCommand } from '../runtime.ts';
import { io } from '../io.ts';
import { m as t } from '../../i18n/messages/files-import.ts';
import { m as w } from '../../i18n/messages/words.ts';

interface ExportOptions {
  out?: string;
  format?: string;
  excel?: boolean;
  force?: boolean;
}

function checkKind(kind: string): TransferKind {
  if (!(TRANSFER_KINDS as readonly string[]).includes(kind)) throw new AppError('usage', t.unknownKind(kind, TRANSFER_KINDS.join(', ')));
  return kind as TransferKind;
}

export function registerExport(program: Command): void {
  program
    .command('export <kind>')
    .description(t.exportDescription(TRANSFER_KINDS.join(', ')))
    .option('--out <file>', t.exportOut)
    .option('--format <format>', t.exportFormat, 'csv')
    .option('--excel', t.exportExcel)
    .option('--force', w.overwriteOut)
    .addHelpText('after', examples('ezurnals export students --excel --out skoleni.csv', 'ezurnals export grades --format json > grades.json', 'ezurnals export lessons --year 2025/2026 --out lessons.csv'))
    .action(async (kindArg: string, opts: ExportOptions, command: Command) => {
      const kind = checkKind(kindArg);
      if (opts.format !== 'csv' && opts.format !== 'json') throw new AppError('usage', t.badFormat(String(opts.format)));
      if (opts.excel && opts.format === 'json') throw new AppError('usage', t.excelCsvOnly);
      if (opts.out) checkOutputFile(opts.out, opts.force);
      const json = !!globalOptions(command).json;
      await runCommand(command, {
        write: false,
        run: (ctx) => exportKind(ctx, kind, { excel: opts.excel }),
        print: ({ table, records }, out) => {
          const text = opts.format === 'json' ? `${JSON.stringify(records, null, 2)}\n` : toCsv(table.header, table.rows, opts.excel ? EXCEL_CSV_OPTIONS : {});
          if (!opts.out) {
            io().stdout.write(text);
            return;
          }
          writeOutputFile(opts.out, text);
          if (json) out.raw({ kind, file: opts.out, rows: records.length });
          else out.info(t.exported(records.length, kind, opts.out));
        },
      });
    });
}
