import { spawn } from 'node:child_process';
import { AppError } from '../errors.ts';
import type { SmsConfig } from './config.ts';
import { m as t } from '../i18n/messages/accounts.ts';

export interface OutgoingSms {
  to: string;
  text: string;
}

/** Delivers one message or throws a DeliveryError saying why; never tells the token or the text. */
export interface SmsTransport {
  name: 'http' | 'command';
  deliver(message: OutgoingSms): Promise<void>;
}

export class DeliveryError extends Error {}

/**
 * The signal that ends one delivery's wait: it aborts once `ms` have passed.
 * Injectable so that a test fires it when it chooses instead of waiting.
 */
export type Deadline = (ms: number) => AbortSignal;

const realDeadline: Deadline = (ms) => AbortSignal.timeout(ms);

/** POSTs {to, text} as JSON to the gateway, with the token as a bearer token; any 2xx is delivered. */
export function httpTransport(url: string, token: string | undefined, timeoutMs: number, deadline: Deadline = realDeadline): SmsTransport {
  const gateway = new URL(url);
  // Named by origin and path only: a URL may carry credentials.
  const where = `${gateway.origin}${gateway.pathname}`;
  return {
    name: 'http',
    async deliver({ to, text }) {
      let response: Response;
      try {
        response = await fetch(gateway, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ to, text }),
          signal: deadline(timeoutMs),
        });
      } catch (error) {
        const name = (error as Error).name;
        if (name === 'TimeoutError' || name === 'AbortError') throw new DeliveryError(`${where} did not answer within ${timeoutMs} ms`);
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new DeliveryError(`${where} could not be reached: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
      }
      await response.body?.cancel();
      if (!response.ok) throw new DeliveryError(`${where} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    },
  };
}

/** The last line the program wrote to stderr, cut short: enough to say why, never the message itself (that went to stdin). */
function lastLine(text: string): string {
  const line = text.trim().split('\n').at(-1) ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/**
 * Pipes the text to a local program (e.g. `gammu-smsd-inject TEXT {to} -unicode`),
 * the number replacing `{to}` or appended; exit 0 is delivered.
 */
export function commandTransport(commandLine: readonly string[], timeoutMs: number, deadline: Deadline = realDeadline): SmsTransport {
  const [program, ...args] = commandLine;
  return {
    name: 'command',
    deliver({ to, text }) {
      const argv = args.includes('{to}') ? args.map((a) => (a === '{to}' ? to : a)) : [...args, to];
      return new Promise<void>((resolve, reject) => {
        const child = spawn(program!, argv, { stdio: ['pipe', 'ignore', 'pipe'] });
        const timer = deadline(timeoutMs);
        // Settled at the deadline, not when the pipes close: a program's own children
        // (a shell script's `sleep`) may hold stderr open long after it was stopped.
        const stop = () => {
          child.kill('SIGTERM');
          child.stderr.destroy();
          reject(new DeliveryError(`${program} was stopped (SIGTERM) after ${timeoutMs} ms`));
        };
        if (timer.aborted) stop();
        else timer.addEventListener('abort', stop, { once: true });
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
        child.stdin.on('error', () => {}); // a program that exits without reading is judged by its exit code
        child.on('error', (error) => {
          timer.removeEventListener('abort', stop);
          reject(new DeliveryError(`${program} could not be started: ${(error as NodeJS.ErrnoException).code ?? error.message}`));
        });
        child.on('close', (code, signal) => {
          timer.removeEventListener('abort', stop);
          if (code === 0) resolve();
          else if (signal) reject(new DeliveryError(`${program} was stopped (${signal})`));
          else reject(new DeliveryError(`${program} exited with ${code}${stderr.trim() ? `: ${lastLine(stderr)}` : ''}`));
        });
        child.stdin.end(text);
      });
    },
  };
}

/** The configured transport; null for `outbox`, where nothing leaves the database. */
export function transportFor(config: SmsConfig): SmsTransport | null {
  switch (config.transport) {
    case 'outbox':
      return null;
    case 'http':
      if (!config.url) throw new AppError('usage', t.httpNeedsUrl);
      try {
        return httpTransport(config.url, config.token, config.timeoutMs);
      } catch {
        throw new AppError('invalid', t.badGatewayUrl);
      }
    case 'command':
      if (!config.command) throw new AppError('usage', t.commandNeedsProgram);
      return commandTransport(config.command, config.timeoutMs);
  }
}

/** The wait before try n+1 (n from 1): base·2^(n−1), never more than the cap. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** (attempt - 1));
}
