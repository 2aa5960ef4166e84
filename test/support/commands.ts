// The command tree as a user meets it, for tests that walk every command.
import type { Command } from 'commander';

/** Every command without subcommands, with its words after `ezurnals`. */
export function leaves(command: Command, words: string[] = []): { words: string[]; command: Command }[] {
  if (command.commands.length === 0) return [{ words, command }];
  return command.commands.flatMap((sub) => leaves(sub, [...words, sub.name()]));
}

/** The help a user sees for the command, with the text added after the options. */
export function helpOf(command: Command): string {
  let text = '';
  command.configureOutput({ writeOut: (s) => void (text += s), writeErr: (s) => void (text += s) });
  command.outputHelp();
  return text;
}
