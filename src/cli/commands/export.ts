import { checkOutputFile, writeOutputFile } from '../../output-file.ts';
import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { EXCEL_CSV_OPTIONS, toCsv } from '../../csv/write.ts';
import { TRANSFER_KINDS, type TransferKind } from '../../transfer/columns.ts';
import { exportKind } from '../../transfer/export.ts';
import { examples } from '../options.ts';
import { globalOptions, runCommand } from '../runtime.ts';
import { io } from '../io.ts';

interface ExportOptions {
  out?: string;
  format?: string;
  excel?: boolean;
  force?: boolean;
}

function checkKind(kind: string): TransferKind {
  if (!(TRANSFER_KINDS as readonly string[]).includes(kind)) throw new AppError('usage', `Unknown kind "${kind}": one of ${TRANSFER_KINDS.join(', ')}.`);
  return kind as TransferKind;
}

export function registerExport(program: Command): void {
  program
    .command('export <kind>')
    .description(`write one kind of record as CSV or JSON, in the columns the importer reads (${TRANSFER_KINDS.join(', ')})`)
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--excel', 'CSV for Latvian Excel: Latvian headers and words, names beside codes, DD.MM.YYYY dates, ";" separator, UTF-8 BOM, CRLF; imports back as the same data')
    .option('--force', 'overwrite an existing --out file (a symbolic link there is replaced, never written through)')
    .addHelpText('after', examples('ezurnals export students --excel --out skoleni.csv', 'ezurnals export grades --format json > grades.json', 'ezurnals export lessons --year 2025/2026 --out lessons.csv'))
    .action(async (kindArg: string, opts: ExportOptions, command: Command) => {
      const kind = checkKind(kindArg);
      if (opts.format !== 'csv' && opts.format !== 'json') throw new AppError('usage', `--format must be csv or json, not "${opts.format}".`);
      if (opts.excel && opts.format === 'json') throw new AppError('usage', '--excel applies to CSV only.');
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
          else out.info(`Wrote ${records.length} ${kind} to ${opts.out}.`);
        },
      });
    });
}
