import { m } from '../i18n/messages/cli.ts';
/** Repeatable options (`--student S001 --student S002`) collect into an array. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Help text examples, shown after the option list of a command (the heading in the run's language). */
export function examples(...lines: string[]): string {
  return `\n${m.examples}\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}
