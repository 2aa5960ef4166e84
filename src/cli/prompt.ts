import { createRequire } from 'node:module';
import { AppError } from '../errors.ts';
import { io } from './io.ts';
import { m as t } from '../i18n/messages/system.ts';

const require = createRequire(import.meta.url);

export interface Choice {
  name: string;
  value: string;
}

/** The three questions the CLI asks; @inquirer/prompts on a terminal, or a test's answers. */
export interface Prompter {
  input(config: { message: string; required?: boolean }): Promise<string>;
  select(config: { message: string; choices: Choice[]; pageSize?: number }): Promise<string>;
  confirm(config: { message: string; default?: boolean }): Promise<boolean>;
}

/** Loaded only when somebody is asked something; kept out of the bundle so scripts never parse it. */
function terminalPrompter(): Prompter {
  const inquirer: typeof import('@inquirer/prompts') = require('@inquirer/prompts');
  const output = { output: process.stderr };
  return {
    input: (config) => inquirer.input(config, output),
    select: (config) => inquirer.select(config, output),
    confirm: (config) => inquirer.confirm(config, output),
  };
}

let injected: Prompter | undefined;

/**
 * Tests answer the questions themselves, as a person at a terminal would:
 * while a prompter is injected, every helper here asks it. `undefined` goes
 * back to the terminal.
 */
export function usePrompter(prompter: Prompter | undefined): void {
  injected = prompter;
}

function prompter(): Prompter {
  return injected ?? terminalPrompter();
}

/** Prompts only where a person can answer: both stdin and stderr are terminals (or a test answers). */
export function canPrompt(): boolean {
  if (injected) return true;
  const { stdin, stderr, env } = io();
  return stdin.isTTY === true && stderr.isTTY === true && env.CI !== 'true';
}

function missing(flag: string): AppError {
  return new AppError('usage', t.isRequired(flag));
}

/** What is wrong with an answer, or null when it will do. */
export type AnswerCheck = (answer: string) => string | null | Promise<string | null>;

/** Asked again after a wrong answer, at most this often; then the last problem is the error. */
const MAX_TRIES = 5;

/**
 * Returns the given value, or asks for it on a terminal; elsewhere a missing
 * value is a usage error. An answer the check refuses is asked for again,
 * with the reason in the question. A value given on the command line is not
 * checked here: the use case refuses it with its exit code.
 */
export async function askText(value: string | undefined, flag: string, message: string, check?: AnswerCheck): Promise<string> {
  if (value !== undefined && value !== '') return value;
  if (!canPrompt()) throw missing(flag);
  const { input } = prompter();
  let problem: string | null = null;
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const answer = (await input({ message: problem ? t.tryAgain(message, problem) : message, required: true })).trim();
    problem = answer === '' ? t.answerNeeded : ((await check?.(answer)) ?? null);
    if (problem === null) return answer;
  }
  throw new AppError('usage', `${flag}: ${problem}.`);
}

export async function askChoice(value: string | undefined, flag: string, message: string, choices: () => Promise<Choice[]>): Promise<string> {
  if (value !== undefined && value !== '') return value;
  if (!canPrompt()) throw missing(flag);
  const options = await choices();
  if (options.length === 0) throw new AppError('not_found', t.nothingToChoose(flag));
  const { select } = prompter();
  return select({ message, choices: options, pageSize: 15 });
}

/**
 * `--yes` or a non-interactive run proceeds; a person at a terminal confirms.
 * The question may be a function: a confirmation names people (issue 18 §4),
 * and their names are looked up only when somebody will be asked.
 */
export async function confirmOrSkip(yes: boolean | undefined, message: string | (() => Promise<string>)): Promise<void> {
  if (yes || !canPrompt()) return;
  const question = typeof message === 'string' ? message : await message();
  const { confirm } = prompter();
  const ok = await confirm({ message: question, default: false });
  if (!ok) throw new AppError('usage', t.cancelled);
}
