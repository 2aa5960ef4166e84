import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { resolveDatabasePath } from '../../db/connection.ts';
import {
  changeOwnPassword,
  disableAccount,
  enableAccount,
  listAccounts,
  provisionMissing,
  resetAccount,
  showAccount,
  verifyAccount,
  ACCOUNT_KINDS,
  type AccountView,
  type VerifyResult,
} from '../../services/accounts.ts';
import { loadConfig } from '../../services/config.ts';
import type { Column, Output } from '../output.ts';
import { examples } from '../options.ts';
import { globalOptions, runCommand } from '../runtime.ts';
import { io } from '../io.ts';
import { askHidden, readStdinLines } from '../secret-input.ts';

const columns: Column<AccountView>[] = [
  { header: 'username', value: (a) => a.username },
  { header: 'kind', value: (a) => a.kind },
  { header: 'name', value: (a) => a.name },
  { header: 'person', value: (a) => a.person },
  { header: 'phone', value: (a) => a.phone },
  { header: 'status', value: (a) => a.status },
  { header: 'locked until', value: (a) => a.locked_until },
  { header: 'password set', value: (a) => a.password_set_at },
];

/**
 * A student's username is their personas kods (E-klase's habit), and it is what
 * an admin types to reset or disable the profile; only admins and deputies (and
 * the operator) read profiles, so their usernames are shown whole.
 */
const PROFILES_REVEAL = true;

const detail: Column<AccountView>[] = [...columns, { header: 'failed attempts', value: (a) => a.failed_attempts }, { header: 'created', value: (a) => a.created_at }];

/** A wrong password ends in exit 5 after the count was committed: the refusal is thrown once the transaction is over. */
function printVerdict(result: VerifyResult, out: Output, done: string): void {
  if (!result.ok) throw new AppError('forbidden', result.reason);
  if (out.json) out.raw({ username: result.username, ok: true });
  else out.info(done);
}

function lockoutPolicy(command: Command) {
  return loadConfig(resolveDatabasePath(globalOptions(command).db, io().env), io().env).lockout;
}

export function registerAccount(program: Command): void {
  const account = program.command('account').description('profiles of students, guardians and staff, and their passwords (sent by SMS)');

  account
    .command('list')
    .description('list profiles')
    .option('--class <class>', "the class's students and their guardians")
    .option('--role <role>', 'a staff role, or student / guardian')
    .option('--kind <kind>', ACCOUNT_KINDS.join(' | '))
    .addHelpText('after', examples('ezurnals account list --class 7.a', 'ezurnals account list --role teacher --json'))
    .action(async (opts: { class?: string; role?: string; kind?: string }, command: Command) => {
      await runCommand(command, { revealsPersonalCodes: PROFILES_REVEAL, write: false, run: (ctx) => listAccounts(ctx, opts), print: (r, out) => out.data(r, columns) });
    });

  account
    .command('show <username>')
    .description("one profile's state (never its password)")
    .addHelpText('after', examples('ezurnals account show ilze.berzina'))
    .action(async (username: string, _opts: unknown, command: Command) => {
      await runCommand(command, { revealsPersonalCodes: PROFILES_REVEAL, write: false, run: (ctx) => showAccount(ctx, username), print: (r, out) => out.data(r, detail) });
    });

  account
    .command('reset <username>')
    .description('a new password, sent by SMS to the profile’s phone; the old one stops working')
    .addHelpText('after', examples('ezurnals account reset ilze.berzina && ezurnals sms send'))
    .action(async (username: string, _opts: unknown, command: Command) => {
      await runCommand(command, { revealsPersonalCodes: PROFILES_REVEAL,
        write: true,
        run: (ctx) => resetAccount(ctx, username),
        print: (r, out) => {
          out.data(r, detail);
          if (!out.json) out.info(`A new password for ${r.username} is queued for ${r.phone}; \`ezurnals sms send\` delivers it.`);
        },
      });
    });

  for (const [name, action, description] of [
    ['disable', disableAccount, 'stop a profile from signing in (queued password messages are withdrawn)'],
    ['enable', enableAccount, 'let a disabled or locked profile sign in again'],
  ] as const) {
    account
      .command(`${name} <username>`)
      .description(description)
      .addHelpText('after', examples(`ezurnals account ${name} janis.berzins`))
      .action(async (username: string, _opts: unknown, command: Command) => {
        await runCommand(command, { revealsPersonalCodes: PROFILES_REVEAL, write: true, run: (ctx) => action(ctx, username), print: (r, out) => out.data(r, detail) });
      });
  }

  account
    .command('provision')
    .description('profiles for people whose phones were entered before profiles existed; their password SMS are queued')
    .option('--kind <kind>', ACCOUNT_KINDS.join(' | '))
    .addHelpText('after', examples('ezurnals account provision --kind guardian'))
    .action(async (opts: { kind?: string }, command: Command) => {
      await runCommand(command, { revealsPersonalCodes: PROFILES_REVEAL,
        write: true,
        run: (ctx) => provisionMissing(ctx, opts),
        print: (r, out) => {
          out.data(r, columns);
          if (!out.json && r.length > 0) out.info(`${r.length} profile(s) created; \`ezurnals sms send\` delivers their passwords.`);
        },
      });
    });

  account
    .command('verify <username>')
    .description('check a password read from stdin: exit 0 when right, 5 when wrong, disabled or locked (for integrations)')
    .addHelpText('after', examples('printf \'%s\\n\' "$PASSWORD" | ezurnals account verify janis.berzins'))
    .action(async (username: string, _opts: unknown, command: Command) => {
      const lockout = lockoutPolicy(command);
      const [password] = await readStdinLines(1, 'The password');
      await runCommand(command, { revealsPersonalCodes: PROFILES_REVEAL,
        write: true,
        run: (ctx) => verifyAccount(ctx, username, password!, lockout),
        print: (r, out) => printVerdict(r, out, `The password of ${r.username} is right.`),
      });
    });

  account
    .command('password <username>')
    .description('set your own password: the current one (from the SMS), then the new one, asked without echo')
    .option('--stdin', 'read the current and the new password from two lines of stdin instead')
    .addHelpText('after', examples('ezurnals account password janis.berzins'))
    .action(async (username: string, opts: { stdin?: boolean }, command: Command) => {
      const lockout = lockoutPolicy(command);
      let current: string;
      let next: string;
      if (opts.stdin) [current, next] = (await readStdinLines(2, 'The current and the new password')) as [string, string];
      else {
        current = await askHidden(`Current password of ${username}`);
        next = await askHidden('New password (at least 10 characters, three kinds)');
        if ((await askHidden('The new password again')) !== next) throw new AppError('usage', 'The two new passwords differ; nothing was changed.');
      }
      await runCommand(command, { revealsPersonalCodes: PROFILES_REVEAL,
        write: true,
        run: (ctx) => changeOwnPassword(ctx, username, current, next, lockout),
        print: (r, out) => printVerdict(r, out, `The password of ${r.username} is changed.`),
      });
    });
}
