import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isPostgresUrl } from '../db/location.ts';
import { AppError } from '../errors.ts';
import { decimalInteger } from './input.ts';
import { m as t } from '../i18n/messages/accounts.ts';

/**
 * Settings and secrets (the SMS gateway's token) that do not belong in the
 * database: from the environment (EZURNALS_SMS_*, EZURNALS_LOCKOUT_*), else
 * from a JSON file — $EZURNALS_CONFIG, or `ezurnals.config.json` beside the
 * database. The file holds a secret, so one that others may read is refused.
 */

export const SMS_TRANSPORTS = ['outbox', 'http', 'command'] as const;
export type SmsTransportName = (typeof SMS_TRANSPORTS)[number];

export interface SmsConfig {
  transport: SmsTransportName;
  url?: string;
  token?: string;
  /** The program and its arguments; `{to}` stands for the number, else it is appended. */
  command?: string[];
  timeoutMs: number;
  /** Tries per message in one `sms send`, the first included. */
  attempts: number;
  backoffMs: number;
  backoffMaxMs: number;
}

export interface LockoutPolicy {
  maxFailedAttempts: number;
  lockMinutes: number;
}

export interface AppConfig {
  sms: SmsConfig;
  lockout: LockoutPolicy;
  /** The file read, if any. */
  file?: string;
}

export const CONFIG_FILE_NAME = 'ezurnals.config.json';

const DEFAULTS: AppConfig = {
  sms: { transport: 'outbox', timeoutMs: 10_000, attempts: 3, backoffMs: 1_000, backoffMaxMs: 30_000 },
  lockout: { maxFailedAttempts: 5, lockMinutes: 15 },
};

const ENV_NUMBERS: [string, 'sms' | 'lockout', string][] = [
  ['EZURNALS_SMS_TIMEOUT_MS', 'sms', 'timeoutMs'],
  ['EZURNALS_SMS_ATTEMPTS', 'sms', 'attempts'],
  ['EZURNALS_SMS_BACKOFF_MS', 'sms', 'backoffMs'],
  ['EZURNALS_SMS_BACKOFF_MAX_MS', 'sms', 'backoffMaxMs'],
  ['EZURNALS_LOCKOUT_ATTEMPTS', 'lockout', 'maxFailedAttempts'],
  ['EZURNALS_LOCKOUT_MINUTES', 'lockout', 'lockMinutes'],
];

function configPath(dbPath: string, env: NodeJS.ProcessEnv): { path: string; explicit: boolean } {
  if (env.EZURNALS_CONFIG) return { path: resolve(env.EZURNALS_CONFIG), explicit: true };
  // A school on a PostgreSQL server has no folder of its own: its configuration is named by EZURNALS_CONFIG, or is in the working folder.
  if (isPostgresUrl(dbPath)) return { path: resolve(CONFIG_FILE_NAME), explicit: false };
  return { path: join(dirname(resolve(dbPath)), CONFIG_FILE_NAME), explicit: false };
}

function readFile(path: string): Record<string, unknown> {
  // Group and others must have no access: the file may hold the gateway token.
  if (process.platform !== 'win32') {
    const mode = statSync(path).mode & 0o777;
    if (mode & 0o077) {
      throw new AppError('invalid', t.configOpen(path, mode.toString(8)));
    }
  }
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the top level must be an object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new AppError('invalid', t.configInvalid(path, (error as Error).message));
  }
}

function section(file: Record<string, unknown>, name: string, path: string): Record<string, unknown> {
  const value = file[name] ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new AppError('invalid', t.configObject(path, name));
  return value as Record<string, unknown>;
}

function positive(value: unknown, what: string, zeroAllowed = false): number {
  const n = typeof value === 'string' ? decimalInteger(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < (zeroAllowed ? 0 : 1)) throw new AppError('invalid', t.configWhole(what, !zeroAllowed, String(value)));
  return n;
}

function commandLine(value: unknown, what: string): string[] {
  const parts = typeof value === 'string' ? value.trim().split(/\s+/) : value;
  if (!Array.isArray(parts) || parts.length === 0 || parts.some((p) => typeof p !== 'string' || p === '')) {
    throw new AppError('invalid', t.configCommand(what));
  }
  return parts as string[];
}

function transport(value: unknown, what: string): SmsTransportName {
  if (!(SMS_TRANSPORTS as readonly unknown[]).includes(value)) throw new AppError('invalid', t.configTransport(what, SMS_TRANSPORTS.join(', '), String(value)));
  return value as SmsTransportName;
}

export function loadConfig(dbPath: string, env: NodeJS.ProcessEnv = process.env): AppConfig {
  const config: AppConfig = { sms: { ...DEFAULTS.sms }, lockout: { ...DEFAULTS.lockout } };
  const { path, explicit } = configPath(dbPath, env);
  if (existsSync(path)) {
    const file = readFile(path);
    config.file = path;
    const sms = section(file, 'sms', path);
    const lockout = section(file, 'lockout', path);
    if (sms.transport !== undefined) config.sms.transport = transport(sms.transport, `${path}: sms.transport`);
    if (sms.url !== undefined) config.sms.url = String(sms.url);
    if (sms.token !== undefined) config.sms.token = String(sms.token);
    if (sms.command !== undefined) config.sms.command = commandLine(sms.command, `${path}: sms.command`);
    for (const key of ['timeoutMs', 'attempts', 'backoffMs', 'backoffMaxMs'] as const) {
      if (sms[key] !== undefined) config.sms[key] = positive(sms[key], `${path}: sms.${key}`, key === 'backoffMs');
    }
    for (const key of ['maxFailedAttempts', 'lockMinutes'] as const) {
      if (lockout[key] !== undefined) config.lockout[key] = positive(lockout[key], `${path}: lockout.${key}`);
    }
  } else if (explicit) {
    throw new AppError('not_found', t.configMissing(path));
  }
  if (env.EZURNALS_SMS_TRANSPORT) config.sms.transport = transport(env.EZURNALS_SMS_TRANSPORT, 'EZURNALS_SMS_TRANSPORT');
  if (env.EZURNALS_SMS_URL) config.sms.url = env.EZURNALS_SMS_URL;
  if (env.EZURNALS_SMS_TOKEN) config.sms.token = env.EZURNALS_SMS_TOKEN;
  if (env.EZURNALS_SMS_COMMAND) config.sms.command = commandLine(env.EZURNALS_SMS_COMMAND, 'EZURNALS_SMS_COMMAND');
  for (const [name, part, key] of ENV_NUMBERS) {
    const value = env[name];
    if (value) (config[part] as unknown as Record<string, number>)[key] = positive(value, name, name === 'EZURNALS_SMS_BACKOFF_MS');
  }
  return config;
}
