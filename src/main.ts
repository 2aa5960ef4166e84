import { CommanderError } from 'commander';
import { AppError, EXIT } from './errors.ts';
import { buildProgram, commanderMessage, commandWord } from './cli/program.ts';
import { chooseLanguage } from './cli/language-choice.ts';
import { withLanguage } from './i18n/language.ts';
import { m } from './i18n/messages/cli.ts';
import { printError } from './cli/output.ts';
import { io, processIo, withIo, type CliIo } from './cli/io.ts';
import { systemFailure } from './system-error.ts';

export type { CliIo } from './cli/io.ts';

function wantsJson(argv: readonly string[]): boolean {
  return argv.includes('--json') || io().jsonOutput === true;
}

/**
 * The whole CLI as a function: the bin calls it with the process's own clock,
 * environment and streams; tests call it in-process with a fixed clock and
 * buffers (as marp-cli's tests call `marpCli([...])`). Returns the exit code.
 */
export async function main(argv: string[], world: Partial<CliIo> = {}): Promise<number> {
  const io = processIo(world);
  let choice;
  try {
    choice = chooseLanguage(argv, io.env);
  } catch (error) {
    const known = error as AppError;
    await printError(io.stderr, wantsJson(argv), known.code, known.message);
    return known.exitCode;
  }
  return withLanguage(choice.language, () => withIo(io, () => run(argv, io)), choice.chosen);
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end as "errors" in commander's exitOverride mode.
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      // A command family named without its command shows its help as the "error".
      const message = error.code === 'commander.help' ? m.commandMissing(commandWord(argv) ?? '') : commanderMessage(error.message.replace(/^error: /, ''));
      if (wantsJson(argv)) await printError(io.stderr, true, 'usage', message);
      return EXIT.usage;
    }
    // A full disk, a read-only file, a damaged database: one line naming the cause, not a stack.
    const known = error instanceof AppError ? error : systemFailure(error);
    if (known) {
      await printError(io.stderr, wantsJson(argv), known.code, known.message, known.details);
      return known.exitCode;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    await printError(io.stderr, wantsJson(argv), 'unexpected', m.unexpectedFailure(message));
    return EXIT.unexpected;
  }
}
