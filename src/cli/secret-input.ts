import { createRequire } from 'node:module';
import { AppError } from '../errors.ts';
import { canPrompt } from './prompt.ts';
import { io } from './io.ts';
import { m as t } from '../i18n/messages/system.ts';

const require = createRequire(import.meta.url);

/** The lines piped to stdin (`printf '%s\n' "$PASSWORD" | ezurnals account verify …`), without their line ends. */
export async function readStdinLines(count: number, what: string): Promise<string[]> {
  const { stdin } = io();
  if (stdin.isTTY) throw new AppError('usage', t.stdinIsTty(what));
  let text = '';
  for await (const chunk of stdin) text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
  const lines = text.split(/\r?\n/);
  if (lines.length < count || lines.slice(0, count).some((l) => l === '')) {
    throw new AppError('usage', t.stdinLines(what, count));
  }
  return lines.slice(0, count);
}

/** Asks on the terminal without echoing what is typed. */
export async function askHidden(message: string): Promise<string> {
  if (!canPrompt()) throw new AppError('usage', t.hiddenOnTerminal);
  const { password } = require('@inquirer/prompts') as typeof import('@inquirer/prompts');
  return password({ message, mask: '*' }, { output: process.stderr });
}
