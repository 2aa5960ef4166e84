import type { Command } from 'commander';
import { addStaff, listStaffViews, setStaff, type StaffView } from '../../services/staff.ts';
import type { Column } from '../output.ts';
import { collect, examples } from '../options.ts';
import { askChoice, askText } from '../prompt.ts';
import { runCommand } from '../runtime.ts';
import { ROLES } from '../../domain/roles.ts';
import type { GuestGrantView } from '../../db/repositories/guest-grants.ts';
import { grantGuest, listGuestGrants, revokeGuest } from '../../services/guest-grants.ts';

const columns: Column<StaffView>[] = [
  { header: 'code', value: (s) => s.code },
  { header: 'name', value: (s) => `${s.first_name} ${s.last_name}`.trim() },
  { header: 'roles', value: (s) => s.roles.join(', ') },
  { header: 'phone', value: (s) => s.phone },
  { header: 'e-mail', value: (s) => s.email },
  { header: 'active', value: (s) => s.active },
];

interface StaffOpts {
  firstName?: string;
  lastName?: string;
  role?: string[];
  phone?: string;
  email?: string;
  active?: boolean;
}

const ROLE_HELP = 'role (repeatable): admin, deputy, class-teacher, teacher, nurse, social-pedagogue, guest';

const grantColumns: Column<GuestGrantView>[] = [
  { header: 'guest', value: (g) => `${g.guest_name} (${g.guest})` },
  { header: 'year', value: (g) => g.year },
  { header: 'class', value: (g) => g.class },
  { header: 'until', value: (g) => g.until },
  { header: 'granted', value: (g) => `${g.granted_by} ${g.granted_at}` },
];

export function registerStaff(program: Command): void {
  const staff = program.command('staff').description('employees: teachers, class teachers, deputies, administrators, nurse, social pedagogue');

  staff
    .command('add <code>')
    .description('add an employee')
    .option('--first-name <name>', 'first name')
    .option('--last-name <name>', 'last name')
    .option('--role <role>', ROLE_HELP, collect)
    .option('--phone <phone>', 'phone, +371XXXXXXXX')
    .option('--email <email>', 'e-mail')
    .addHelpText('after', examples('ezurnals staff add T01 --first-name Anna --last-name Kalniņa --role teacher --role class-teacher --phone +37120000001'))
    .action(async (code: string, opts: StaffOpts, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.firstName = await askText(opts.firstName, '--first-name', 'First name');
          opts.lastName = await askText(opts.lastName, '--last-name', 'Last name');
          if (!opts.role?.length) opts.role = [await askChoice(undefined, '--role', 'Role', async () => ROLES.map((r) => ({ name: r, value: r })))];
        },
        run: (ctx) => addStaff(ctx, code, { firstName: opts.firstName, lastName: opts.lastName, roles: opts.role, phone: opts.phone, email: opts.email }),
        print: (r, out) => out.data(r, columns),
      });
    });

  staff
    .command('set <code>')
    .description("change an employee's name, roles (the given --role list replaces the old one), phone or e-mail")
    .option('--first-name <name>', 'first name')
    .option('--last-name <name>', 'last name')
    .option('--role <role>', ROLE_HELP, collect)
    .option('--phone <phone>', 'phone ("" clears it)')
    .option('--email <email>', 'e-mail ("" clears it)')
    .option('--active', 'allow the employee to use the journal')
    .option('--no-active', 'deactivate the employee (they keep their history)')
    .addHelpText('after', examples('ezurnals staff set T02 --phone +37120000002', 'ezurnals staff set T01 --role teacher --role class-teacher --role deputy'))
    .action(async (code: string, opts: StaffOpts, command: Command) => {
      await runCommand(command, {
        write: true,
        run: (ctx) => setStaff(ctx, code, { firstName: opts.firstName, lastName: opts.lastName, roles: opts.role, phone: opts.phone, email: opts.email, active: opts.active }),
        print: (r, out) => out.data(r, columns),
      });
    });

  staff
    .command('list')
    .addHelpText('after', examples('ezurnals staff list', 'ezurnals staff list --role class-teacher --json'))
    .description('list employees')
    .option('--role <role>', 'only those with this role')
    .action(async (opts: { role?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listStaffViews(ctx, { role: opts.role }), print: (r, out) => out.data(r, columns) });
    });

  staff
    .command('grant <code>')
    .description("give a guest read access to a class's journal and registry until a day (admin or deputy; regulation §32)")
    .option('--class <class>', 'the class')
    .option('--until <date>', 'the last day of the access')
    .addHelpText('after', examples('ezurnals staff grant G01 --class 7.a --until 2026-12-31'))
    .action(async (code: string, opts: { class?: string; until?: string }, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => grantGuest(ctx, code, opts), print: (r, out) => out.data(r, grantColumns) });
    });

  staff
    .command('revoke <code>')
    .description("take a guest's access to a class away")
    .option('--class <class>', 'the class')
    .addHelpText('after', examples('ezurnals staff revoke G01 --class 7.a'))
    .action(async (code: string, opts: { class?: string }, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => revokeGuest(ctx, code, opts), print: (r, out) => out.data(r, grantColumns) });
    });

  staff
    .command('grants [code]')
    .description("guests' read access: which classes, until when")
    .addHelpText('after', examples('ezurnals staff grants', 'ezurnals staff grants G01 --json'))
    .action(async (code: string | undefined, _opts, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listGuestGrants(ctx, code), print: (r, out) => out.data(r, grantColumns) });
    });
}
