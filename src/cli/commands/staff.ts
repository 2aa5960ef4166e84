import type { Command } from 'commander';
import { addStaff, listStaffViews, setStaff, type StaffView } from '../../services/staff.ts';
import type { Column } from '../output.ts';
import { collect, examples } from '../options.ts';
import { askChoice, askText, confirmOrSkip } from '../prompt.ts';
import { globalOptions, runCommand } from '../runtime.ts';
import { ROLES } from '../../domain/roles.ts';
import type { GuestGrantView } from '../../db/repositories/guest-grants.ts';
import { grantGuest, listGuestGrants, revokeGuest } from '../../services/guest-grants.ts';
import { m } from '../../i18n/messages/staff.ts';
import { m as w } from '../../i18n/messages/words.ts';
import { resolveStaff } from '../../services/lookup.ts';
import { staffName } from '../../services/staff.ts';

const columns = (): Column<StaffView>[] => [
  { header: w.code, value: (s) => s.code },
  { header: w.personName, value: (s) => `${s.first_name} ${s.last_name}`.trim() },
  { header: m.hRoles, value: (s) => s.roles.join(', ') },
  { header: w.phone, value: (s) => s.phone },
  { header: w.email, value: (s) => s.email },
  { header: m.hActive, value: (s) => s.active },
];

interface StaffOpts {
  firstName?: string;
  lastName?: string;
  role?: string[];
  phone?: string;
  email?: string;
  active?: boolean;
}


const grantColumns = (): Column<GuestGrantView>[] => [
  { header: m.hGuest, value: (g) => `${g.guest_name} (${g.guest})` },
  { header: w.year, value: (g) => g.year },
  { header: w.class, value: (g) => g.class },
  { header: w.until, value: (g) => g.until },
  { header: m.hGranted, value: (g) => `${g.granted_by} ${g.granted_at}` },
];

export function registerStaff(program: Command): void {
  const staff = program.command('staff').description(m.staffFamily);

  staff
    .command('add <code>')
    .description(m.staffAdd)
    .option('--first-name <name>', w.firstName)
    .option('--last-name <name>', w.lastName)
    .option('--role <role>', m.roleOption, collect)
    .option('--phone <phone>', w.phoneOption)
    .option('--email <email>', w.email)
    .addHelpText('after', examples('ezurnals staff add T01 --first-name Anna --last-name Kalniņa --role teacher --role class-teacher --phone +37120000001'))
    .action(async (code: string, opts: StaffOpts, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.firstName = await askText(opts.firstName, '--first-name', w.askFirstName);
          opts.lastName = await askText(opts.lastName, '--last-name', w.askLastName);
          if (!opts.role?.length) opts.role = [await askChoice(undefined, '--role', m.askRole, async () => ROLES.map((r) => ({ name: r, value: r })))];
        },
        run: (ctx) => addStaff(ctx, code, { firstName: opts.firstName, lastName: opts.lastName, roles: opts.role, phone: opts.phone, email: opts.email }),
        print: (r, out) => out.data(r, columns()),
      });
    });

  staff
    .command('set <code>')
    .description(m.staffSet)
    .option('--first-name <name>', w.firstName)
    .option('--last-name <name>', w.lastName)
    .option('--role <role>', m.roleOption, collect)
    .option('--phone <phone>', m.phoneClears)
    .option('--email <email>', m.emailClears)
    .option('--active', m.activeOption)
    .option('--no-active', m.noActiveOption)
    .addHelpText('after', examples('ezurnals staff set T02 --phone +37120000002', 'ezurnals staff set T01 --role teacher --role class-teacher --role deputy'))
    .action(async (code: string, opts: StaffOpts, command: Command) => {
      await runCommand(command, {
        write: true,
        // Taking the journal from a person is confirmed on a terminal, naming them (issue 18 §4).
        prepare: async (ctx) => {
          if (opts.active !== false) return;
          await confirmOrSkip(globalOptions(command).yes, async () => {
            const s = await resolveStaff(ctx, code);
            return m.confirmDeactivate(staffName(s), s.code);
          });
        },
        run: (ctx) => setStaff(ctx, code, { firstName: opts.firstName, lastName: opts.lastName, roles: opts.role, phone: opts.phone, email: opts.email, active: opts.active }),
        print: (r, out) => out.data(r, columns()),
      });
    });

  staff
    .command('list')
    .addHelpText('after', examples('ezurnals staff list', 'ezurnals staff list --role class-teacher --json'))
    .description(m.staffList)
    .option('--role <role>', m.staffListRole)
    .action(async (opts: { role?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listStaffViews(ctx, { role: opts.role }), print: (r, out) => out.data(r, columns()) });
    });

  staff
    .command('grant <code>')
    .description(m.staffGrant)
    .option('--class <class>', w.theClass)
    .option('--until <date>', m.untilOption)
    .addHelpText('after', examples('ezurnals staff grant G01 --class 7.a --until 2026-12-31'))
    .action(async (code: string, opts: { class?: string; until?: string }, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => grantGuest(ctx, code, opts), print: (r, out) => out.data(r, grantColumns()) });
    });

  staff
    .command('revoke <code>')
    .description(m.staffRevoke)
    .option('--class <class>', w.theClass)
    .addHelpText('after', examples('ezurnals staff revoke G01 --class 7.a'))
    .action(async (code: string, opts: { class?: string }, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => revokeGuest(ctx, code, opts), print: (r, out) => out.data(r, grantColumns()) });
    });

  staff
    .command('grants [code]')
    .description(m.staffGrants)
    .addHelpText('after', examples('ezurnals staff grants', 'ezurnals staff grants G01 --json'))
    .action(async (code: string | undefined, _opts, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listGuestGrants(ctx, code), print: (r, out) => out.data(r, grantColumns()) });
    });
}
