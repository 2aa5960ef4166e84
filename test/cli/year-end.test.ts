// Year end through the real bin: promote, decide, close behind a hand-built
// archive, the lock and its override, open the next year, and last year's
// documents still printed from the closed year.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/school.ts';
import { schoolYearArchive } from '../support/archive.ts';
import { yearEndSchool } from '../services/year-end-fixture.ts';
import { EXIT_CODES, dbState, runner } from './_helpers.ts';

const s = await yearEndSchool();
await s.db.destroy();
const out = tempDir('ezurnals-year-end-');
const { run, refused } = runner(s.dbPath);

test('year promote: a proposal without --apply, teachers refused, --apply records', async () => {
  await refused('a teacher', ['year', 'promote', '--class', '7.a', '--apply', '--as', 'T01'], 'forbidden', /only an admin or a deputy director/);
  await refused('both modes', ['year', 'promote', '--class', '7.a', '--apply', '--dry-run'], 'usage', /not both/);
  const before = await dbState(s.dbPath);
  const proposal = await run(['year', 'promote', '--class', '7.a', '--json']);
  assert.is(proposal.code, 0, proposal.stderr);
  assert.is(proposal.json.applied, false);
  assert.equal(proposal.json.students.map((r: { student: string; proposal: { kind: string } }) => [r.student, r.proposal.kind]), [['S002', 'not-promoted'], ['S001', 'promoted'], ['S003', 'incomplete']]);
  assert.is(await dbState(s.dbPath), before, 'a proposal writes nothing');
  const table = await run(['year', 'promote', '--class', '7.b']);
  assert.match(table.stdout, /make-up exam required: Matemātika/);
  assert.match(table.stderr, /A proposal only/);

  const applied = await run(['year', 'promote', '--all', '--apply', '--as', 'D01', '--json']);
  assert.is(applied.code, 0, applied.stderr);
  assert.equal(applied.json.students.filter((r: { outcome: string }) => r.outcome === 'new').length, 6);
});

test("year decide: the council's decisions with their reasons; year open refuses until all are final", async () => {
  await refused('no reason', ['year', 'decide', '--student', 'S003', '--decision', 'repeat'], 'usage', /--reason/);
  await refused('undecided S003', ['year', 'open', '2027/2028'], 'invalid', /no recorded promotion decision/);
  const decided = await run(['year', 'decide', '--student', 'S003', '--decision', 'repeat', '--reason', 'Padomes sēde 10.06.2027, prot. Nr. 7', '--json']);
  assert.is(decided.code, 0, decided.stderr);
  assert.equal([decided.json.recorded.text, decided.json.recorded.basis, decided.json.replaced], ['to repeat grade 7', 'council', null]);
  const pending = await refused('make-up pending', ['year', 'open', '2027/2028'], 'invalid', /still ha(s|ve) make-up exams/);
  assert.equal(pending.errorJson.error.details, ['Oskars Ozols (S004, 7.b): Matemātika']);
  assert.is((await run(['year', 'decide', '--student', 'S004', '--decision', 'promoted', '--reason', 'Pēcpārbaudījums nokārtots'])).code, 0);
});

test('year close: only with an archive of this year that verifies; then the year is locked, except for an admin with a reason', async () => {
  const archive = schoolYearArchive(join(out.dir, 'arhivs'));
  await refused('a teacher', ['year', 'close', '2026/2027', '--archive', archive, '--as', 'T01'], 'forbidden');
  writeFileSync(join(archive, 'index.html'), 'changed');
  const broken = await refused('changed archive', ['year', 'close', '2026/2027', '--archive', archive], 'invalid', /does not verify/);
  assert.equal(broken.errorJson.error.details, ['changed (1): index.html']);
  const good = schoolYearArchive(join(out.dir, 'arhivs-2'));
  const closed = await run(['year', 'close', '2026/2027', '--archive', good, '--json']);
  assert.is(closed.code, 0, closed.stderr);
  assert.equal([closed.json.year, closed.json.files], ['2026/2027', 3]);

  await refused('a lesson in the closed year', ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-07', '--number', '1', '--topic', 'X', '--as', 'T01'], 'forbidden', /School year 2026\/2027 is closed.*--closed-year-reason/);
  await refused('a deputy overriding', ['grade', 'correct', '1', '--value', '9', '--reason', 'kļūda', '--closed-year-reason', 'vajag', '--as', 'D01'], 'forbidden', /only an admin/);
  // The command's own --reason and the override's reason stay apart.
  const fixed = await run(['--closed-year-reason', 'Direktores rīkojums Nr. 12', 'grade', 'correct', '1', '--value', '9', '--reason', 'pārrakstīšanās kļūda', '--json']);
  assert.is(fixed.code, 0, fixed.stderr);
  assert.match(fixed.stderr, /Closed school year 2026\/2027 changed by override \(2 rows\)/);
  const history = await run(['grade', 'history', '1', '--json']);
  assert.ok(JSON.stringify(history.json).includes('pārrakstīšanās kļūda'));
  const overrides = await run(['year', 'overrides', '--json']);
  assert.equal(overrides.json.map((o: { reason: string; command: string; staff: string }) => [o.reason, o.command, o.staff]), [['Direktores rīkojums Nr. 12', 'grade correct', 'admin']]);
  await refused('closing twice', ['year', 'close', '2026/2027', '--archive', good], 'conflict', /already closed/);
});

test('year open: the plan, then the new year; last year stays readable: annual card, summary journal, personal file', async () => {
  const before = await dbState(s.dbPath);
  const plan = await run(['year', 'open', '2027/2028', '--carry-assignments', '--dry-run', '--json']);
  assert.is(plan.code, 0, plan.stderr);
  assert.is(await dbState(s.dbPath), before, 'a dry run writes nothing');
  const opened = await run(['year', 'open', '2027/2028', '--carry-assignments', '--current']);
  assert.is(opened.code, 0, opened.stderr);
  assert.match(opened.stdout, /8\.a[│\s]+8[│\s]+7\.a promoted[│\s]+1[│\s]+T01[│\s]+mat T01, lv T02/);
  assert.match(opened.stderr, /Leaving \(stage completed\): Kārlis Kalns \(S901, 9\.a\), Laura Lapa \(S902, 9\.a\)/);
  assert.match(opened.stderr, /Repeating the grade: .*Zane Ziemele \(S003, 7\.a\)/);
  const classes = await run(['class', 'list', '--json']);
  assert.equal(classes.json.map((c: { code: string; students: number; class_teacher: string | null }) => [c.code, c.students, c.class_teacher]), [['3.a', 1, 'T03'], ['7.a', 2, null], ['8.a', 1, 'T01'], ['8.b', 1, null]]);

  const dir = join(out.dir, 'cards');
  const cards = await run(['report', 'card', '--term', 'year', '--year', '2026/2027', '--class', '7.a', '--format', 'html', '--out', dir]);
  assert.is(cards.code, 0, cards.stderr);
  const janis = readFileSync(join(dir, '2026-2027_gads_7a_berzins-janis.html'), 'utf8');
  assert.match(janis, /Latviešu valoda<\/td>\s*<td class="card-grade"><b>8<\/b>/);
  assert.ok(janis.includes('pārcelts(-a) uz 8. klasi') && !janis.includes('priekšlikums'), 'the recorded decision, not a proposal');
  const zane = readFileSync(join(dir, '2026-2027_gads_7a_ziemele-zane.html'), 'utf8');
  assert.ok(zane.includes('atstāts(-a) otru gadu 7. klasē'), "the council's decision");

  const journal = await run(['report', 'summary-journal', '--year', '2026/2027', '--class', '7.a', '--json']);
  assert.is(journal.code, 0, journal.stderr);
  assert.equal(
    journal.json.classes[0].students.map((st: { code: string; promotion: { kind: string }; promotion_record: { basis: string } }) => [st.code, st.promotion.kind, st.promotion_record.basis]),
    [['S002', 'not-promoted', 'proposal'], ['S001', 'promoted', 'proposal'], ['S003', 'not-promoted', 'council']],
  );
  const file = await run(['student', 'show', 'S001', '--year', '2026/2027', '--json']);
  assert.is(file.code, 0, file.stderr);
  assert.ok(JSON.stringify(file.json).includes('2027/2028'), 'the class history goes on into the new year');
  assert.is((await run(['year', 'open', '2027/2028'])).code, EXIT_CODES.conflict);
});

test.after(() => out.cleanup());
test.run();
