import type { Command } from 'commander';
import { inTransaction, removeDatabaseFiles } from '../../db/connection.ts';
import { findOnlySchool } from '../../db/repositories/schools.ts';
import { setDemoSignIns, type DemoSignIn } from '../../services/demo-sign-ins.ts';
import { buildDemoSchool, openDemoDatabase, type ClassSummary, type DemoBuild, type DemoSummary, type StudentSummary, type SubjectResults } from '../../services/demo.ts';
import { io } from '../io.ts';
import { createOutput, type Column, type Output } from '../output.ts';
import { examples } from '../options.ts';
import { globalOptions } from '../runtime.ts';
import { DEMO_REPORT_CLASS, writeDemoReports, type DemoReports } from '../../reports/demo-reports.ts';
import { dirname, join, resolve } from 'node:path';
import { isPostgresUrl } from '../../db/location.ts';

interface DemoOptions {
  dir: string;
  force?: boolean;
}

/** "7.4 (6)": the points average, or the latest S/T/A/P or +/- grade, and how many grades there are. */
function resultCell(r: SubjectResults | undefined): string {
  if (!r || r.grades === 0) return '';
  const head = r.average !== null ? r.average.toFixed(1) : (r.latest ?? 'nv');
  return `${head} (${r.grades})`;
}

function classColumns(c: ClassSummary): Column<StudentSummary>[] {
  return [
    { header: `${c.class}${c.class_teacher ? ` — ${c.class_teacher}` : ''}`, value: (s) => `${s.name} (${s.code})` },
    ...c.subjects.map((subject): Column<StudentSummary> => ({ header: subject, value: (s) => resultCell(s.subjects[subject]) })),
    { header: 'n', value: (s) => s.absences.n },
    { header: 'ns', value: (s) => s.absences.ns },
    { header: 'nc', value: (s) => s.absences.nc },
    { header: 'k', value: (s) => s.absences.k },
  ];
}

const tally = (counts: Record<string, number>) => Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ');

function printSummary(summary: DemoSummary, reports: DemoReports, out: Output): void {
  if (out.json) {
    out.raw({ ...summary, reports: { month: reports.month, month_complete: reports.monthComplete, deadlines: reports.deadlines, format: reports.format, files: reports.files.map((f) => f.file) } });
    return;
  }
  const c = summary.counts;
  out.data(summary, [
    { header: 'school', value: (s) => `${s.school}, ${s.year}` },
    { header: 'journal', value: (s) => (s.period.from ? `${s.period.from} – ${s.period.to}` : 'no lessons yet: the first school day is under way') },
    { header: 'people', value: () => `${c.students} students, ${c.guardians} guardians, ${c.staff} staff` },
    { header: 'classes', value: (s) => s.classes.map((k) => `${k.class} (${k.students.length})`).join(', ') },
    { header: 'lessons', value: () => `${c.lessons} (${c.lessons_with_homework} with homework, ${c.substituted_lessons} substituted)` },
    { header: 'absences', value: () => tally(c.absences) },
    { header: 'grades', value: () => `${tally(c.grades)}; ${c.grade_corrections} corrected` },
  ]);
  for (const schoolClass of summary.classes) out.data(schoolClass.students, classColumns(schoolClass));
}

const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('build a demo school (three classes, this school year\'s journal up to today) and print its class journal summary')
    .option('--dir <dir>', 'folder for the demo database (ezurnals.db)', './ezurnals-demo')
    .option('--force', 'replace an existing demo database')
    .addHelpText('after', examples('ezurnals demo', 'ezurnals demo --dir /tmp/skola --force --json'))
    .action(async (opts: DemoOptions, command: Command) => {
      const out = await createOutput({ json: !!globalOptions(command).json });
      // The demo opens its own database rather than going through runCommand: it takes the invocation's clock here.
      const now = io().now;
      const started = performance.now();
      // On a PostgreSQL server only when --db names one on the command line: EZURNALS_DB is the school's own journal.
      const server = globalOptions(command).db;
      const { db, path } = await openDemoDatabase(opts.dir, { force: opts.force, server: server && isPostgresUrl(server) ? server : undefined });
      let build: DemoBuild | undefined;
      let reports: DemoReports | undefined;
      let signIns: DemoSignIn[] = [];
      try {
        build = await buildDemoSchool(db, { now });
        const school = (await findOnlySchool(db))!;
        signIns = await inTransaction(db, (trx) => setDemoSignIns({ db: trx, school, actor: null, now }), { actor: null, command: 'demo (web diary sign-ins)' });
        reports = await writeDemoReports(db, join(isPostgresUrl(path) ? resolve(opts.dir) : dirname(path), 'reports'), now);
      } finally {
        await db.destroy();
        // Like init: a failed build leaves no half-made file behind, so it can simply be run again.
        if (!reports && !isPostgresUrl(path)) removeDatabaseFiles(path);
      }
      const { summary, period } = build!;
      printSummary(summary, reports, out);
      out.info(`Built the demo school in ${((performance.now() - started) / 1000).toFixed(1)} s: ${path}`);
      if (reports.fallback) out.warn(`the reports were written as HTML: ${reports.fallback}`);
      if (period.yearFinished) out.info(`The school year ${summary.year} is over: its journal is complete, from the first school day to the last.`);
      const month = reports.monthComplete ? reports.month : `${reports.month} so far (no full month of the year yet)`;
      out.info(
        `Printed the grade extracts and class summary of ${DEMO_REPORT_CLASS} for ${month} and the deadline control ${reports.deadlines.from} – ${reports.deadlines.to} (${reports.files.length} ${reports.format.toUpperCase()} files), e.g.:\n${reports.files.slice(-2).map((f) => `  ${f.file}`).join('\n')}`,
      );
      out.info(
        [
          'Next, try (inside this project `npx ezurnals` works too, or put it on your PATH with `npm link`):',
          `  export EZURNALS_DB=${shellQuote(path)} EZURNALS_USER=admin`,
          '  ezurnals class list',
          `  ezurnals lesson list --class 7.a --from ${summary.period.to ?? period.today}`,
          '  ezurnals grade list --class 7.a --subject mat',
          '  ezurnals absence list --class 9.b --code n',
          '  ezurnals student show S001',
          `  ezurnals report extract --month ${reports.month} --class 9.b --out reports`,
          `  ezurnals report deadlines --from ${reports.deadlines.from} --to ${reports.deadlines.to} --out reports`,
        ].join('\n'),
      );
      out.info(
        [
          `The web diary: \`ezurnals serve --db ${shellQuote(path)}\`, then open http://127.0.0.1:8080/ and sign in as`,
          ...signIns.map((s) => `  ${s.username} / ${s.password}  (${s.name}, ${s.about})`),
          'The password is temporary, like the one sent by SMS: the first sign-in asks for a new one.',
        ].join('\n'),
      );
    });
}
