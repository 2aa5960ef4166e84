import { language } from '../../i18n/language.ts';
import { WORK_LABELS_LV } from '../../domain/latvian-values.ts';
import type { WorkKind } from '../../domain/grade-scale.ts';
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
import { m as t } from '../../i18n/messages/demo.ts';
import { m as vocab } from '../../i18n/messages/words.ts';

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

/** Grade counts by kind of work, named in the run's language (kārtējais, pārbaudes darbs…). */
function workWords(counts: Record<string, number>): Record<string, number> {
  if (language() !== 'lv') return counts;
  return Object.fromEntries(Object.entries(counts).map(([kind, n]) => [WORK_LABELS_LV[kind as WorkKind] ?? kind, n]));
}

function printSummary(summary: DemoSummary, reports: DemoReports, out: Output): void {
  if (out.json) {
    out.raw({ ...summary, reports: { month: reports.month, month_complete: reports.monthComplete, deadlines: reports.deadlines, format: reports.format, files: reports.files.map((f) => f.file) } });
    return;
  }
  const c = summary.counts;
  out.data(summary, [
    { header: vocab.school, value: (s) => `${s.school}, ${s.year}` },
    { header: t.hJournal, value: (s) => (s.period.from ? `${s.period.from} – ${s.period.to}` : t.noLessonsYet) },
    { header: t.hPeople, value: () => t.people(c.students, c.guardians, c.staff) },
    { header: vocab.classes, value: (s) => s.classes.map((k) => `${k.class} (${k.students.length})`).join(', ') },
    { header: t.hLessons, value: () => t.lessons(c.lessons, c.lessons_with_homework, c.substituted_lessons) },
    { header: t.hAbsences, value: () => tally(c.absences) },
    { header: vocab.grades, value: () => `${tally(workWords(c.grades))}; ${t.corrected(c.grade_corrections)}` },
  ]);
  for (const schoolClass of summary.classes) out.data(schoolClass.students, classColumns(schoolClass));
}

const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(t.demoDescription)
    .option('--dir <dir>', t.demoDir, './ezurnals-demo')
    .option('--force', t.demoForce)
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
      out.info(t.built(((performance.now() - started) / 1000).toFixed(1), path));
      if (reports.fallback) out.warn(t.htmlFallback(reports.fallback));
      if (period.yearFinished) out.info(t.yearOver(summary.year));
      const month = reports.monthComplete ? reports.month : t.monthSoFar(reports.month);
      out.info(
        t.printed(DEMO_REPORT_CLASS, month, reports.deadlines.from, reports.deadlines.to, reports.files.length, reports.format.toUpperCase(), reports.files.slice(-2).map((f) => `  ${f.file}`).join('\n')),
      );
      out.info(
        [
          t.nextTry,
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
          t.webDiary(shellQuote(path)),
          ...signIns.map((s) => `  ${s.username} / ${s.password}  (${s.name}, ${s.about})`),
          t.temporaryPassword,
        ].join('\n'),
      );
    });
}
