import { createRequire } from 'node:module';
import { AppError } from '../errors.ts';
import { canPrompt } from './prompt.ts';
import { io } from './io.ts';

const require = createRequire(import.meta.url);

/** The lines piped to stdin (`printf '%s\n' "$PASSWORD" | ezurnals account verify …`), without their line ends. */
export async function readStdinLines(count: number, what: string): Promise<string[]> {
  const { stdin } = io();
  if (stdin.isTTY) throw new AppError('usage', `${what} is read from stdin: pipe it in (it is never taken as an argument, where others could see it).`);
  let text = '';
  for await (const chunk of stdin) text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
  const lines = text.split(/\r?\n/);
  if (lines.length < count || lines.slice(0, count).some((l) => l === '')) {
    throw new AppError('usage', `${what}: stdin must hold ${count === 1 ? 'one line' : `${count} lines`}.`);
  }
  return lines.slice(0, count);
}

/** Asks on the terminal without echoing what is typed. */
export async function askHidden(message: string): Promise<string> {
  if (!canPrompt()) throw new AppError('usage', 'A password is asked on a terminal only; elsewhere give --stdin and pipe it in.');
  const { password } = require('@inquirer/prompts') as typeof import('@inquirer/prompts');
  return password({ message, mask: '*' }, { output: process.stderr });
}
