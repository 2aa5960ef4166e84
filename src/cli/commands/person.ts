import type { Command } from 'commander';
import { anonymizePeople, type Anonymization } from '../../services/anonymize.ts';
import type { Output } from '../output.ts';
import { examples } from '../options.ts';
import { runCommand } from '../runtime.ts';
import { m } from '../../i18n/messages/people.ts';
import { m as w } from '../../i18n/messages/words.ts';

function report(result: Anonymization, out: Output): void {
  if (out.json) return out.raw(result);
  out.data(result.students, [
    { header: w.student, value: (s) => s.code },
    ...(result.dry_run ? [{ header: w.personName, value: (s: Anonymization['students'][number]) => s.name }] : []),
    { header: m.hLeftOn, value: (s) => s.left_on },
  ]);
  const counts = m.anonymizeCounts(result.students.length, result.guardians.length, result.left_before);
  const earlier = result.already_anonymized > 0 ? m.anonymizeEarlier(result.already_anonymized) : '';
  if (result.dry_run) {
    if (result.guardians.length > 0) out.info(m.anonymizeGuardians(result.guardians.map((g) => `${g.name} (#${g.id})`).join(', ')));
    out.info(m.anonymizeDryRun(counts, earlier));
  } else {
    out.info(m.anonymizeDone(counts, earlier, result.audit_entries_redacted));
  }
}

export function registerPerson(program: Command): void {
  const person = program.command('person').description(m.personFamily);

  person
    .command('anonymize')
    .description(m.personAnonymize)
    .option('--left-before <date>', m.personLeftBefore)
    .option('--dry-run', m.personDryRun)
    .addHelpText('after', examples('ezurnals person anonymize --left-before 2020-09-01 --dry-run --as admin', 'ezurnals person anonymize --left-before 2020-09-01 --as admin'))
    .action(async (flags: { leftBefore?: string; dryRun?: boolean }, command: Command) => {
      await runCommand(command, {
        write: !flags.dryRun,
        run: (ctx) => anonymizePeople(ctx, flags),
        print: report,
      });
    });
}
