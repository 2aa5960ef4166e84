import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError, type ErrorCode } from '../../errors.ts';
import { main } from '../../main.ts';
import { systemFailure } from '../../system-error.ts';
import { splitBatchLine } from '../batch-line.ts';
import { BatchDatabases } from '../database-handles.ts';
import { io, type CliIo } from '../io.ts';
import { examples } from '../options.ts';
import { commandWord } from '../program.ts';
import { commandLine, globalOptions } from '../runtime.ts';
import { m as t } from '../../i18n/messages/system.ts';

/** What `batch` prints for each command: one JSON object on one line. */
export interface BatchRecord {
  line: number;
  exit: number;
  /** What the command printed on stdout: its JSON, or its text when it printed no JSON; null when nothing. */
  result?: unknown;
  error?: { code: string; message: string; details?: string[] };
  /** --atomic only: the line succeeded, but another failed, so its writes were undone. */
  rolledBack?: true;
}

const CODE_BY_EXIT: Record<number, ErrorCode> = { 1: 'unexpected', 2: 'usage', 3: 'not_found', 4: 'invalid', 5: 'forbidden', 6: 'conflict' };

/** The global options of `batch` that every line takes, unless the line gives its own. */
const INHERITED = [
  ['--db', 'db'],
  ['--as', 'as'],
  ['--year', 'year'],
  ['--closed-year-reason', 'closedYearReason'],
] as const;

/**
 * Lines a batch refuses. Nested batches, and in an atomic batch the commands
 * whose effects no rollback undoes: a new database file, a sent SMS, a restored archive.
 */
function refusal(words: readonly string[], atomic: boolean): string | undefined {
  const word = commandWord(words);
  if (word === 'batch') return t.batchNested;
  if (!atomic) return undefined;
  if (word === 'init' || word === 'demo') return t.batchAtomicFile(word);
  if (word === 'sms') return t.batchAtomicSms;
  if (word === 'archive' && words.includes('restore')) return t.batchAtomicRestore;
  return undefined;
}

function parseOutput(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function readScript(file: string | undefined): Promise<string> {
  if (file === undefined || file === '-') {
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of io().stdin) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    return text + decoder.decode();
  }
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') throw new AppError('not_found', t.noBatchScript(file));
    throw systemFailure(error, file) ?? error;
  }
}

/** An empty, non-terminal stdin: a line never reads the script, and never prompts. */
async function* nothing(): AsyncGenerator<string> {}

interface LineRun {
  record: BatchRecord;
  /** What the command said on stderr besides its error: warnings, progress, "Wrote 3 file(s)." */
  messages: string[];
}

/** One line, run by `main` as its own process would run it, with the batch's database handles. */
async function runLine(n: number, argv: string[], world: CliIo): Promise<LineRun> {
  let stdout = '';
  let stderr = '';
  const exit = await main(argv, {
    ...world,
    stdin: Object.assign(nothing(), { isTTY: false }),
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
  });
  const messages: string[] = [];
  let error: BatchRecord['error'];
  for (const text of stderr.split('\n')) {
    if (text.trim() === '') continue;
    const parsed = text.startsWith('{"error"') ? (parseOutput(text) as { error?: BatchRecord['error'] }) : undefined;
    if (parsed?.error) error = parsed.error;
    else messages.push(text);
  }
  const result = parseOutput(stdout);
  if (exit === 0) return { record: { line: n, exit, result }, messages };
  error ??= { code: CODE_BY_EXIT[exit] ?? 'unexpected', message: messages.join('\n') || `exit ${exit}` };
  return { record: { line: n, exit, error }, messages };
}

async function runBatch(command: Command, file: string | undefined, atomic: boolean): Promise<void> {
  const options = globalOptions(command) as Record<string, unknown>;
  const script = await readScript(file);
  const world = io();
  const databases = new BatchDatabases(atomic, commandLine(command));
  const lineWorld: CliIo = { ...world, databases, jsonOutput: true };
  const print = (record: BatchRecord) => world.stdout.write(`${JSON.stringify(record)}\n`);
  const held: BatchRecord[] = [];
  const failed: number[] = [];
  let worst = 0;
  let committed = false;
  try {
    const lines = script.split('\n');
    for (const [index, text] of lines.entries()) {
      const n = index + 1;
      let run: LineRun;
      try {
        const words = splitBatchLine(text);
        if (words.length === 0) continue;
        const refused = refusal(words, atomic);
        if (refused) throw new AppError('usage', refused);
        const inherited = INHERITED.flatMap(([flag, key]) =>
          options[key] === undefined || words.some((w) => w === flag || w.startsWith(`${flag}=`)) ? [] : [flag, String(options[key])],
        );
        if (options.yes && !words.includes('--yes')) inherited.push('--yes');
        run = await runLine(n, [...inherited, ...words], lineWorld);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        run = { record: { line: n, exit: error.exitCode, error: { code: error.code, message: error.message } }, messages: [] };
      }
      for (const message of run.messages) world.stderr.write(`${t.batchLine(n, message)}\n`);
      if (run.record.exit !== 0) failed.push(n);
      worst = Math.max(worst, run.record.exit);
      // An atomic batch's lines are printed once its fate is known.
      if (atomic) held.push(run.record);
      else print(run.record);
    }
    await databases.finish(atomic && worst === 0);
    committed = atomic && worst === 0;
  } finally {
    // After a failure of the batch itself (a failed commit), nothing was written: every line says so.
    if (atomic) for (const record of held) print(committed || record.exit !== 0 ? record : { ...record, rolledBack: true });
    await databases.finish(false);
  }
  if (worst === 0) return;
  const shown = failed.length > 10 ? t.batchMore(failed.slice(0, 10).join(', '), failed.length - 10) : failed.join(', ');
  const lines = t.batchLines(failed.length, shown);
  throw new AppError(
    CODE_BY_EXIT[worst] ?? 'unexpected',
    atomic ? t.batchFailedAtomic(lines) : t.batchFailed(lines),
  );
}

export function registerBatch(program: Command): void {
  program
    .command('batch [file]')
    .description(t.batchDescription)
    .option('--atomic', t.batchAtomic)
    .addHelpText(
      'after',
      `${t.batchHelp}${examples('ezurnals batch grades.txt --as T01', "printf 'subject add fiz --name Fizika\\nsubject list\\n' | ezurnals batch - --as admin", 'ezurnals batch term-close.txt --atomic --as admin')}`,
    )
    .action(async (file: string | undefined, opts: { atomic?: boolean }, command: Command) => {
      await runBatch(command, file, !!opts.atomic);
    });
}
