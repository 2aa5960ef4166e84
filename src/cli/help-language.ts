import type { Help, HelpConfiguration, Option } from 'commander';
import { m } from '../i18n/messages/cli.ts';

/**
 * Commander's help in the running language: its titles ("Usage:",
 * "Options:"), the usage line's "[options] [command]", and the "(default: …)"
 * it adds to an option are fixed English strings inside commander, so they
 * are mapped here as the help is formatted.
 */
export const LATVIAN_HELP: HelpConfiguration = {
  styleTitle: (title: string) => m.titles[title] ?? title,
  styleOptionText: (text: string) => m.usageWords[text] ?? text,
  styleSubcommandText: (text: string) => m.usageWords[text] ?? text,
  optionDescription(this: Help, option: Option): string {
    const described = Object.getPrototypeOf(this).optionDescription.call(this, option) as string;
    return described
      .replace(/\(default: ([^)]*)\)/, (_all, value: string) => m.defaultValue(value))
      // An option with choices and a default shows both in one parenthesis: "(choices: "a", "b", default: "a")".
      .replace(/\(choices: ([^)]*?)(?:, default: ([^)]*))?\)/, (_all, values: string, value?: string) => (value === undefined ? m.choices(values) : `${m.choices(values)} ${m.defaultValue(value)}`));
  },
};
