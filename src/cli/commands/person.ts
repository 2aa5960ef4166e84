import type { Command } from 'commander';
import { anonymizePeople, type Anonymization } from '../../services/anonymize.ts';
import type { Output } from '../output.ts';
import { examples } from '../options.ts';
import { runCommand } from '../runtime.ts';

function report(result: Anonymization, out: Output): void {
  if (out.json) return out.raw(result);
  out.data(result.students, [
    { header: 'student', value: (s) => s.code },
    ...(result.dry_run ? [{ header: 'name', value: (s: Anonymization['students'][number]) => s.name }] : []),
    { header: 'left on', value: (s) => s.left_on },
  ]);
  const counts = `${result.students.length} student(s) and ${result.guardians.length} guardian(s) who left before ${result.left_before}`;
  const earlier = result.already_anonymized > 0 ? ` (${result.already_anonymized} more were anonymised earlier)` : '';
  if (result.dry_run) {
    if (result.guardians.length > 0) out.info(`Guardians: ${result.guardians.map((g) => `${g.name} (#${g.id})`).join(', ')}.`);
    out.info(`Dry run, nothing written: would anonymise ${counts}${earlier}.`);
  } else {
    out.info(`Anonymised ${counts}${earlier}; ${result.audit_entries_redacted} older audit entries had their personal values redacted.`);
  }
}

export function registerPerson(program: Command): void {
  const person = program.command('person').description('personal data across students and guardians (§32)');

  person
    .command('anonymize')
    .description('replace the personal data of students who left before a date (and of guardians of no one else) with placeholders, keeping grades and statistics (admins only)')
    .option('--left-before <date>', 'students whose last class ended before this day')
    .option('--dry-run', 'list who would be anonymised, writing nothing')
    .addHelpText('after', examples('ezurnals person anonymize --left-before 2020-09-01 --dry-run --as admin', 'ezurnals person anonymize --left-before 2020-09-01 --as admin'))
    .action(async (flags: { leftBefore?: string; dryRun?: boolean }, command: Command) => {
      await runCommand(command, {
        write: !flags.dryRun,
        run: (ctx) => anonymizePeople(ctx, flags),
        print: report,
      });
    });
}
