import { createRequire } from 'node:module';
import { AppError } from '../errors.ts';
import { io } from './io.ts';

const require = createRequire(import.meta.url);

/** Loaded only when somebody is asked something; kept out of the bundle so scripts never parse it. */
function prompts(): typeof import('@inquirer/prompts') {
  return require('@inquirer/prompts');
}

export interface Choice {
  name: string;
  value: string;
}

/** Prompts only where a person can answer: both stdin and stderr are terminals. */
export function canPrompt(): boolean {
  const { stdin, stderr, env } = io();
  return stdin.isTTY === true && stderr.isTTY === true && env.CI !== 'true';
}

function missing(flag: string): AppError {
  return new AppError('usage', `${flag} is required.`);
}

/** Returns the given value, or asks for it on a terminal; elsewhere a missing value is a usage error. */
export async function askText(value: string | undefined, flag: string, message: string): Promise<string> {
  if (value !== undefined && value !== '') return value;
  if (!canPrompt()) throw missing(flag);
  const { input } = prompts();
  return input({ message, required: true }, { output: process.stderr });
}

export async function askChoice(value: string | undefined, flag: string, message: string, choices: () => Promise<Choice[]>): Promise<string> {
  if (value !== undefined && value !== '') return value;
  if (!canPrompt()) throw missing(flag);
  const options = await choices();
  if (options.length === 0) throw new AppError('not_found', `${flag} is required, and there is nothing to choose from yet.`);
  const { select } = prompts();
  return select({ message, choices: options, pageSize: 15 }, { output: process.stderr });
}

/** `--yes` or a non-interactive run proceeds; a person at a terminal confirms. */
export async function confirmOrSkip(yes: boolean | undefined, message: string): Promise<void> {
  if (yes || !canPrompt()) return;
  const { confirm } = prompts();
  const ok = await confirm({ message, default: false }, { output: process.stderr });
  if (!ok) throw new AppError('usage', 'Cancelled.');
}
