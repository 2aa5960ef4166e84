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
import { m } from '../../i18n/messages/accounts.ts';
import { m as w } from '../../i18n/messages/words.ts';

const columns = (): Column<AccountView>[] => [
  { header: m.hUsername, value: (a) => a.username },
  { header: w.kind, value: (a) => a.kind },
  { header: w.personName, value: (a) => a.name },
  { header: m.hPerson, value: (a) => a.person },
  { header: w.phone, value: (a) => a.phone },
  { header: w.status, value: (a) => a.status },
  { header: m.hLockedUntil, value: (a) => a.locked_until },
  { header: m.hPasswordSet, value: (a) => a.password_set_at },
];

/**
 * A student's username is their personas kods (E-klase's habit), and it is what
 * an admin types to reset or disable the profile; only admins and deputies (and
 * the operator) read profiles, so their usernames are shown whole.
 */
const PROFILES_REVEAL = true;

const detail = (): Column<AccountView>[] => [...columns(), { header: m.hFailedAttempts, value: (a) => a.failed_attempts }, { header: m.hCreated, value: (a) => a.created_at }];

/** A wrong password ends in exit 5 after the count was committed: the refusal is thrown once the transaction is over. */
function printVerdict(result: VerifyResult, out: Output, done: string): void {
  if (!result.ok) throw new AppError('forbidden', result.message);
  if (out.json) out.raw({ username: result.username, ok: true });
  else out.info(done);
}

function lockoutPolicy(command: Command) {
  return loadConfig(resolveDatabasePath(globalOptions(command).db, io().env), io().env).lockout;
}

export function registerAccount(program: Command): void {
  const account = program.command('account').description(m.accountFamily);

  account
    .command('list')
    .description(m.accountList)
    .option('--class <class>', m.accountListClass)
    .option('--role <role>', m.accountListRole)
    .option('--kind <kind>', m.kindOption(ACCOUNT_KINDS.join(' | ')))
    .addHelpText('after', examples('ezurnals account list --class 7.a', 'ezurnals account list --role teacher --json'))
    .action(async (opts: { class?: string; role?: string; kind?: string }, command: Command) => {
      await runCommand(command, { revealsPersonalCodes: PROFILES_REVEAL, write: false, run: (ctx) => listAccounts(ctx, opts), print: (r, out) => out.data(r, columns()) });
    });

  account
    .command('show <username>')
    .description(m.accountShow)
    .addHelpText('after', examples('ezurnals account show ilze.berzina'))
    .action(async (username: string, _opts: unknown, command: Command) => {
      await runCommand(command, { revealsPersonalCodes: PROFILES_REVEAL, write: false, run: (ctx) => showAccount(ctx, username), print: (r, out) => out.data(r, detail()) });
    });

  account
    .command('reset <username>')
    .description(m.accountReset)
    .addHelpText('after', examples('ezurnals account reset ilze.berzina && ezurnals sms send'))
    .action(async (username: string, _opts: unknown, command: Command) => {
      await runCommand(command, { revealsPersonalCodes: PROFILES_REVEAL,
        write: true,
        run: (ctx) => resetAccount(ctx, username),
        print: (r, out) => {
          out.data(r, detail());
          if (!out.json) out.info(m.resetQueued(r.name, r.username, r.phone ?? ''));
        },
      });
    });

  for (const [name, action, description] of [
    ['disable', disableAccount, m.accountDisable],
    ['enable', enableAccount, m.accountEnable],
  ] as const) {
    account
      .command(`${name} <username>`)
      .description(description)
      .addHelpText('after', examples(`ezurnals account ${name} janis.berzins`))
      .action(async (username: string, _opts: unknown, command: Command) => {
        await runCommand(command, { revealsPersonalCodes: PROFILES_REVEAL, write: true, run: (ctx) => action(ctx, username), print: (r, out) => out.data(r, detail()) });
      });
  }

  account
    .command('provision')
    .description(m.accountProvision)
    .option('--kind <kind>', m.kindOption(ACCOUNT_KINDS.join(' | ')))
    .addHelpText('after', examples('ezurnals account provision --kind guardian'))
    .action(async (opts: { kind?: string }, command: Command) => {
      await runCommand(command, { revealsPersonalCodes: PROFILES_REVEAL,
        write: true,
        run: (ctx) => provisionMissing(ctx, opts),
        print: (r, out) => {
          out.data(r, columns());
          if (!out.json && r.length > 0) out.info(m.provisioned(r.length));
        },
      });
    });

  account
    .command('verify <username>')
    .description(m.accountVerify)
    .addHelpText('after', examples('printf \'%s\\n\' "$PASSWORD" | ezurnals account verify janis.berzins'))
    .action(async (username: string, _opts: unknown, command: Command) => {
      const lockout = lockoutPolicy(command);
      const [password] = await readStdinLines(1, m.thePassword);
      await runCommand(command, { revealsPersonalCodes: PROFILES_REVEAL,
        write: true,
        run: (ctx) => verifyAccount(ctx, username, password!, lockout),
        print: (r, out) => printVerdict(r, out, m.passwordRight(r.username)),
      });
    });

  account
    .command('password <username>')
    .description(m.accountPassword)
    .option('--stdin', m.accountPasswordStdin)
    .addHelpText('after', examples('ezurnals account password janis.berzins'))
    .action(async (username: string, opts: { stdin?: boolean }, command: Command) => {
      const lockout = lockoutPolicy(command);
      let current: string;
      let next: string;
      if (opts.stdin) [current, next] = (await readStdinLines(2, m.bothPasswords)) as [string, string];
      else {
        current = await askHidden(m.askCurrentPassword(username));
        next = await askHidden(m.askNewPassword);
        if ((await askHidden(m.askNewAgain)) !== next) throw new AppError('usage', m.passwordsDiffer);
      }
      await runCommand(command, { revealsPersonalCodes: PROFILES_REVEAL,
        write: true,
        run: (ctx) => changeOwnPassword(ctx, username, current, next, lockout),
        print: (r, out) => printVerdict(r, out, m.passwordChanged(r.username)),
      });
    });
}
