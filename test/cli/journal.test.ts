// The lesson journal through the real bin: lessons, absences (mark, remark,
// justify, remove, history, class moves) and grades (scales, kinds, corrections).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';
import { dbState, runner } from './_helpers.ts';

const t = tempDir('ezurnals-journal-');
const { env, run, refused, refusedAll, setup, read } = runner(t.dbPath);
test.after(() => t.cleanup());

/** Lesson ids by a short name. */
const L: Record<string, string> = {};
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[23]:00$/;

test.before(async () => {
  const students: [string, string, string, string][] = [
    ['S001', 'Jānis', 'Bērziņš', '7.a'],
    ['S002', 'Līga', 'Ozola', '7.a'],
    ['S003', 'Ēriks', 'Šķēle', '7.a'],
    ['S004', 'Ilze', 'Čakste', '7.a'],
    ['S005', 'Kārlis', 'Ģērmanis', '7.a'],
    ['S101', 'Zane', 'Vītola', '7.b'],
    ['S201', 'Mārtiņš', 'Žagars', '2.a'],
    ['S202', 'Ieva', 'Ņikitina', '2.a'],
    ['S203', 'Roberts', 'Ūdris', '2.a'],
    ['S204', 'Elza', 'Ābele', '2.a'],
  ];
  const lessons: [string, string, string, string][] = [
    ['A', '7.a', '2026-10-05', 'Daļskaitļi'],
    ['B', '7.a', '2026-10-06', 'Daļskaitļu saskaitīšana'],
    ['C', '7.a', '2026-10-07', 'Daļskaitļu reizināšana'],
    ['D', '7.a', '2026-10-08', 'Procenti'],
    ['E', '7.a', '2026-10-26', 'Proporcijas'],
    ['F', '7.a', '2026-11-03', 'Vienādojumi'],
    ['G', '7.b', '2026-10-26', 'Proporcijas'],
    ['H', '7.b', '2026-11-03', 'Vienādojumi'],
    ['P', '2.a', '2026-10-05', 'Skaitļi līdz 20'],
  ];
  const results = await setup([
    ['init', '--school', 'Rīgas Parauga vidusskola', '--year', '2026/2027'],
    ['staff', 'add', 'T01', '--first-name', 'Anna', '--last-name', 'Kalniņa', '--role', 'teacher', '--role', 'class-teacher'],
    ['staff', 'add', 'T02', '--first-name', 'Pēteris', '--last-name', 'Ozoliņš', '--role', 'teacher'],
    ['subject', 'add', 'mat', '--name', 'Matemātika'],
    ['class', 'add', '7.a', '--class-teacher', 'T01'],
    ['class', 'add', '7.b'],
    ['class', 'add', '2.a', '--level', '2'],
    ...students.map(([code, first, last, cls]) => ['student', 'add', code, '--first-name', first, '--last-name', last, '--class', cls]),
    ...['7.a', '7.b', '2.a'].map((cls) => ['assign', 'add', '--class', cls, '--subject', 'mat', '--teacher', 'T02']),
    ...lessons.map(([, cls, date, topic]) => ['lesson', 'add', '--class', cls, '--subject', 'mat', '--date', date, '--number', '1', '--topic', topic, '--as', 'T02', '--json']),
  ]);
  lessons.forEach(([name], i) => (L[name] = String(results[results.length - lessons.length + i].id)));
});

type Absence = { id: number; student: string; code: string; marked_code: string; marked_by: string; decided_by: string | null; date: string; removed: boolean; change?: string };
type Grade = { id: number; student: string; value: string; date: string; work: string; exempt_certificate: string | null; lesson_id: number | null };

const mark = (lesson: string, students: string[], extra: string[] = []) => run(['absence', 'mark', '--lesson', lesson, ...students.flatMap((s) => ['--student', s]), ...extra, '--as', 'T02', '--json']);

// ------------------------------------------------------------------ absences

test('absence mark: several students at once', async () => {
  const r = await mark(L.A!, ['S001', 'S002', 'S003']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(
    (r.json as Absence[]).map((a) => [a.student, a.code, a.marked_code, a.marked_by, a.change]).sort(),
    [['S001', 'n', 'n', 'T02', 'created'], ['S002', 'n', 'n', 'T02', 'created'], ['S003', 'n', 'n', 'T02', 'created']],
  );
});

test('absence mark again is idempotent: change "unchanged", nothing written', async () => {
  const before = await dbState(t.dbPath);
  const r = await mark(L.A!, ['S001', 'S002']);
  assert.is(r.code, 0, r.stderr);
  assert.equal((r.json as Absence[]).map((a) => [a.student, a.code, a.change]).sort(), [['S001', 'n', 'unchanged'], ['S002', 'n', 'unchanged']]);
  assert.is(await dbState(t.dbPath), before);
});

test('absence mark --code k turns n into lateness (a remark, kept in the history)', async () => {
  const r = await mark(L.A!, ['S003'], ['--code', 'k']);
  assert.is(r.code, 0, r.stderr);
  const [a] = r.json as Absence[];
  assert.is(a!.code, 'k');
  assert.is(a!.change, 'changed');
  const history = await read(['absence', 'history', '--lesson', L.A!, '--student', 'S003']);
  assert.equal(history.map((h: { action: string; code_before: string | null; code_after: string | null }) => [h.action, h.code_before, h.code_after]), [['mark', null, 'n'], ['remark', 'n', 'k']]);
});

test('marking an absence the class teacher has justified is a conflict (6)', async () => {
  const j = await run(['absence', 'justify', '--student', 'S002', '--from', '2026-10-05', '--reason', 'illness', '--as', 'T01', '--json']);
  assert.is(j.code, 0, j.stderr);
  assert.equal((j.json as Absence[]).map((a) => [a.student, a.code, a.marked_code, a.decided_by]), [['S002', 'ns', 'n', 'T01']]);
  await refusedAll([
    { label: 'remark a justified absence as n', args: ['absence', 'mark', '--lesson', L.A!, '--student', 'S002', '--as', 'T02'], error: 'conflict', message: /S002.*ns/ },
    { label: 'remark a justified absence as k', args: ['absence', 'mark', '--lesson', L.A!, '--student', 'S002', '--code', 'k', '--as', 'T02'], error: 'conflict', message: /S002/ },
    { label: 'a justified one among several', args: ['absence', 'mark', '--lesson', L.A!, '--student', 'S004', '--student', 'S002', '--as', 'T02'], error: 'conflict', message: /S002/ },
  ]);
});

test('absence justify over several days changes only n, not k, and prints what changed', async () => {
  await setup([
    ['absence', 'mark', '--lesson', L.A!, '--student', 'S004', '--as', 'T02'],
    ['absence', 'mark', '--lesson', L.B!, '--student', 'S004', '--code', 'k', '--as', 'T02'],
    ['absence', 'mark', '--lesson', L.C!, '--student', 'S004', '--as', 'T02'],
    ['absence', 'mark', '--lesson', L.D!, '--student', 'S004', '--as', 'T02'], // outside the range
  ]);
  const r = await run(['absence', 'justify', '--student', 'S004', '--from', '2026-10-05', '--to', '2026-10-07', '--reason', 'other', '--note', 'Sacensības', '--as', 'T01', '--json']);
  assert.is(r.code, 0, r.stderr);
  const changed = r.json as Absence[];
  assert.equal(changed.map((a) => [a.date, a.code, a.marked_code, a.decided_by]), [['2026-10-05', 'nc', 'n', 'T01'], ['2026-10-07', 'nc', 'n', 'T01']]);
  // absence list and its filters, read at once.
  const [all, onlyN, range] = (await Promise.all(
    [
      ['absence', 'list', '--student', 'S004'],
      ['absence', 'list', '--student', 'S004', '--code', 'n'],
      ['absence', 'list', '--class', '7.a', '--from', '2026-10-06', '--to', '2026-10-07'],
    ].map((args) => cli([...args, '--json'], env)),
  )).map((r) => r.json as Absence[]);
  assert.equal(all!.map((a) => [a.date, a.code]), [['2026-10-05', 'nc'], ['2026-10-06', 'k'], ['2026-10-07', 'nc'], ['2026-10-08', 'n']]);
  assert.equal(onlyN!.map((a) => a.date), ['2026-10-08']);
  assert.equal(range!.map((a) => [a.date, a.student]), [['2026-10-06', 'S004'], ['2026-10-07', 'S004']]);
});

test('absence justify with nothing to justify (no n, and the justified already so) exits 0 with an empty array', async () => {
  const before = await dbState(t.dbPath);
  const r = await run(['absence', 'justify', '--student', 'S004', '--from', '2026-10-05', '--to', '2026-10-07', '--reason', 'other', '--as', 'T01', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.json, []);
  assert.is(await dbState(t.dbPath), before);
  const plain = await run(['absence', 'justify', '--student', 'S005', '--from', '2026-09-01', '--to', '2026-09-30', '--reason', 'illness', '--as', 'T01']);
  assert.is(plain.code, 0, plain.stderr);
  assert.match(plain.stderr, /Nothing to justify/);
});

test('absence remove keeps the row and its history (mark, justify, remove with who and when)', async () => {
  const listed = (await read(['absence', 'list', '--student', 'S002'])) as Absence[];
  assert.is(listed.length, 1);
  const id = String(listed[0]!.id);
  const r = await run(['absence', 'remove', id, '--reason', 'Bija klāt', '--as', 'T02', '--yes', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.json.removed, true);
  assert.equal((await run(['absence', 'list', '--student', 'S002', '--json'])).json, [], 'hidden from the list');
  const withRemoved = (await run(['absence', 'list', '--student', 'S002', '--include-removed', '--json'])).json as Absence[];
  assert.equal(withRemoved.map((a) => [a.id, a.removed, a.code]), [[Number(id), true, 'ns']]);
  const history = await run(['absence', 'history', id, '--json']);
  assert.is(history.code, 0, history.stderr);
  const h = history.json as { action: string; code_before: string | null; code_after: string | null; changed_by: string; changed_at: string; reason: string | null }[];
  assert.equal(h.map((x) => [x.action, x.code_before, x.code_after, x.changed_by]), [['mark', null, 'n'], ['justify', 'n', 'ns'], ['remove', 'ns', null]].map((row, i) => [...row, ['T02', 'T01', 'T02'][i]]));
  assert.is(h[2]!.reason, 'Bija klāt');
  for (const x of h) assert.match(x.changed_at, TIMESTAMP);
  await refused('remove it twice', ['absence', 'remove', id, '--as', 'T02', '--yes'], 'conflict', /already removed/);
  // Marking it again restores it, still one row.
  const again = await mark(L.A!, ['S002']);
  assert.is(again.code, 0, again.stderr);
  assert.is(again.json[0].change, 'restored');
  assert.is(again.json[0].id, Number(id));
  assert.is(again.json[0].code, 'n');
});

test('absence remove by lesson and student', async () => {
  const r = await run(['absence', 'remove', '--lesson', L.A!, '--student', 'S001', '--as', 'T02', '--yes', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.json.student, 'S001');
  assert.is(r.json.removed, true);
  await refused('no such absence', ['absence', 'remove', '--lesson', L.B!, '--student', 'S001', '--as', 'T02', '--yes'], 'not_found', /S001/);
  // A removed absence is not justified any more.
  const justify = await run(['absence', 'justify', '--student', 'S001', '--from', '2026-10-05', '--reason', 'illness', '--as', 'T01', '--json']);
  assert.is(justify.code, 0, justify.stderr);
  assert.equal(justify.json, []);
});

test('a student who is not in the lesson\'s class cannot be marked (4)', async () => {
  await refusedAll([
    { label: '7.b student in a 7.a lesson', args: ['absence', 'mark', '--lesson', L.A!, '--student', 'S101', '--as', 'T02'], error: 'invalid', message: /S101/ },
    { label: 'one outsider among several', args: ['absence', 'mark', '--lesson', L.B!, '--student', 'S005', '--student', 'S201', '--as', 'T02'], error: 'invalid', message: /S201/ },
    { label: 'grade for an outsider', args: ['grade', 'enter', '--lesson', L.A!, '--student', 'S101', '--value', '7', '--as', 'T02'], error: 'invalid', message: /S101/ },
  ]);
});

test('student move: the old class keeps the lessons before the move, the new class gets those after', async () => {
  const move = await run(['student', 'move', 'S005', '--class', '7.b', '--date', '2026-11-02', '--yes', '--json']);
  assert.is(move.code, 0, move.stderr);
  assert.is(move.json.class, '7.b');
  assert.equal(move.json.classes.map((c: { class: string; from_date: string; to_date: string | null }) => [c.class, c.from_date, c.to_date]), [['7.a', '2026-09-01', '2026-11-01'], ['7.b', '2026-11-02', null]]);
  await refusedAll([
    { label: 'old class, after the move', args: ['absence', 'mark', '--lesson', L.F!, '--student', 'S005', '--as', 'T02'], error: 'invalid', message: /S005/ },
    { label: 'new class, before the move', args: ['absence', 'mark', '--lesson', L.G!, '--student', 'S005', '--as', 'T02'], error: 'invalid', message: /S005/ },
    { label: 'move to the class they are in', args: ['student', 'move', 'S005', '--class', '7.b', '--date', '2026-11-10', '--yes'], error: 'conflict', message: /already in 7\.b/ },
    { label: 'move dated before joining', args: ['student', 'move', 'S005', '--class', '7.a', '--date', '2026-11-02', '--yes'], error: 'invalid', message: /S005/ },
  ]);
  assert.is((await mark(L.E!, ['S005'])).code, 0, 'old class, before the move');
  assert.is((await mark(L.H!, ['S005'])).code, 0, 'new class, after the move');
  const grade = await run(['grade', 'enter', '--lesson', L.E!, '--student', 'S005', '--value', '6', '--as', 'T02', '--json']);
  assert.is(grade.code, 0, grade.stderr);
  assert.is(grade.json[0].class, '7.a');
});

// ------------------------------------------------------------------ grades

const enter = (args: string[]) => run(['grade', 'enter', ...args, '--as', 'T02', '--json']);

test('grade enter: several students at once with STUDENT=VALUE', async () => {
  const r = await enter(['--lesson', L.B!, '--student', 'S001=8', '--student', 'S002=7', '--note', 'Kontroldarbs']);
  assert.is(r.code, 0, r.stderr);
  const grades = r.json as (Grade & { note: string })[];
  assert.equal(grades.map((g) => [g.student, g.value, g.date, g.work, g.note]), [['S001', '8', '2026-10-06', 'regular', 'Kontroldarbs'], ['S002', '7', '2026-10-06', 'regular', 'Kontroldarbs']]);
  assert.ok(grades.every((g) => typeof g.id === 'number' && g.lesson_id === Number(L.B)));
  await refused('the same student twice', ['grade', 'enter', '--lesson', L.B!, '--student', 'S001=8', '--student', 'S001=9', '--as', 'T02'], 'invalid', /S001/);
});

test('grade enter by class, subject and date (no lesson)', async () => {
  const r = await enter(['--class', '7.a', '--subject', 'mat', '--date', '2026-10-09', '--work', 'test', '--student', 'S003=5']);
  assert.is(r.code, 0, r.stderr);
  assert.equal((r.json as Grade[]).map((g) => [g.student, g.value, g.date, g.work, g.lesson_id]), [['S003', '5', '2026-10-09', 'test', null]]);
  // Two days ahead is in the future whatever the time zone; after the school year it is refused as outside it.
  const future = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  await refused('a grade dated in the future', ['grade', 'enter', '--class', '7.a', '--subject', 'mat', '--date', future, '--student', 'S003=5', '--as', 'T02'], 'invalid', /future|outside the school year/);
});

test('a primary class (level 2): mastery levels and descriptive grades, not points', async () => {
  const mastery = await enter(['--lesson', L.P!, '--student', 'S201=S', '--student', 'S202=T', '--student', 'S203=A', '--student', 'S204=P']);
  assert.is(mastery.code, 0, mastery.stderr);
  assert.equal((mastery.json as Grade[]).map((g) => [g.student, g.value]).sort(), [['S201', 'S'], ['S202', 'T'], ['S203', 'A'], ['S204', 'P']]);
  const descriptive = await enter(['--lesson', L.P!, '--student', 'S201=+', '--student', 'S202=-', '--student', 'S203=/']);
  assert.is(descriptive.code, 0, descriptive.stderr);
  assert.equal((descriptive.json as Grade[]).map((g) => [g.student, g.value]).sort(), [['S201', '+'], ['S202', '-'], ['S203', '/']]);
  const points = ['1', '5', '10'];
  const results = await refusedAll([
    ...points.map((value) => ({ label: `points ${value} in level 2`, args: ['grade', 'enter', '--lesson', L.P!, '--student', 'S204', '--value', value, '--as', 'T02'], error: 'invalid' as const })),
    { label: 'lower-case s', args: ['grade', 'enter', '--lesson', L.P!, '--student', 'S204', '--value', 's', '--as', 'T02'], error: 'invalid', message: /capital/ },
    { label: 'mastery level in level 7', args: ['grade', 'enter', '--lesson', L.B!, '--student', 'S003', '--value', 'A', '--as', 'T02'], error: 'invalid', message: /1–10/ },
  ]);
  for (const r of results.slice(0, points.length)) {
    // The message names what level 2 accepts, and points are not among them.
    assert.match(r.errorJson.error.message, /S, T, A, P/);
    assert.match(r.errorJson.error.message, /\+, -, \//);
    assert.not.match(r.errorJson.error.message, /accepted[^;]*1–10/);
  }
});

test('i/ni credit works', async () => {
  const r = await enter(['--lesson', L.C!, '--work', 'credit', '--student', 'S001=i', '--student', 'S003=ni']);
  assert.is(r.code, 0, r.stderr);
  assert.equal((r.json as Grade[]).map((g) => [g.student, g.value, g.work]), [['S001', 'i', 'credit'], ['S003', 'ni', 'credit']]);
  await refused('a point grade for a credit work', ['grade', 'enter', '--lesson', L.C!, '--work', 'credit', '--student', 'S002=7', '--as', 'T02'], 'invalid', /\bi\b.*\bni\b/);
});

test('term grades default to the semester end date', async () => {
  const year = ((await read(['year', 'list'])) as { semester1_to: string; semester2_to: string }[])[0]!;
  const cases: [string, string][] = [
    ['semester1', year.semester1_to],
    ['semester2', year.semester2_to],
    ['annual', year.semester2_to],
  ];
  for (const [work, date] of cases) {
    const r = await enter(['--class', '7.a', '--subject', 'mat', '--work', work, '--student', 'S001=8']);
    assert.is(r.code, 0, `${work}: ${r.stderr}`);
    assert.is(r.json[0].date, date, work);
    assert.is(r.json[0].work, work);
  }
  assert.is(year.semester1_to, '2026-12-18');
  assert.is(year.semester2_to, '2027-05-28');
  await refused('a second annual grade', ['grade', 'enter', '--class', '7.a', '--subject', 'mat', '--work', 'annual', '--student', 'S001=9', '--as', 'T02'], 'conflict', /S001.*annual/);
});

test('exemption a: only for term grades, only with a doctor\'s certificate', async () => {
  await refusedAll([
    { label: 'a without a certificate', args: ['grade', 'enter', '--class', '7.a', '--subject', 'mat', '--work', 'semester1', '--student', 'S002', '--value', 'a', '--as', 'T02'], error: 'invalid', message: /certificate/ },
    { label: 'a for a state exam', args: ['grade', 'enter', '--class', '7.a', '--subject', 'mat', '--work', 'state-exam', '--date', '2026-11-20', '--student', 'S002', '--value', 'a', '--exempt-certificate', 'Izziņa', '--as', 'T02'], error: 'invalid', message: /semester and annual/ },
    { label: 'a for a test', args: ['grade', 'enter', '--lesson', L.C!, '--work', 'test', '--student', 'S002', '--value', 'a', '--exempt-certificate', 'Izziņa', '--as', 'T02'], error: 'invalid', message: /semester and annual/ },
  ]);
  const r = await enter(['--class', '7.a', '--subject', 'mat', '--work', 'semester1', '--student', 'S002', '--value', 'a', '--exempt-certificate', 'Ārsta izziņa Nr. 12']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.json[0].value, 'a');
  assert.is(r.json[0].exempt_certificate, 'Ārsta izziņa Nr. 12');
  const exam = await enter(['--class', '7.a', '--subject', 'mat', '--work', 'state-exam', '--date', '2026-11-20', '--student', 'S003=7']);
  assert.is(exam.code, 0, exam.stderr);
  assert.is(exam.json[0].work, 'state-exam');
});

test('grade correct with the same value exits 0 and adds no history entry', async () => {
  const grade = ((await read(['grade', 'list', '--student', 'S001', '--from', '2026-10-06', '--to', '2026-10-06'])) as Grade[])[0]!;
  assert.is(grade.value, '8');
  const before = await dbState(t.dbPath);
  const r = await run(['grade', 'correct', String(grade.id), '--value', '8', '--reason', 'Pārbaude', '--as', 'T02', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.json.value, '8');
  assert.is(await dbState(t.dbPath), before);
  assert.match(r.stderr, /nothing changed/);
  assert.is((await read(['grade', 'history', String(grade.id)])).length, 1);
  const changed = await run(['grade', 'correct', String(grade.id), '--value', '9', '--reason', 'Labots', '--as', 'T02', '--json']);
  assert.is(changed.code, 0, changed.stderr);
  assert.equal(((await read(['grade', 'history', String(grade.id)])) as { value_after: string; reason: string | null }[]).map((h) => [h.value_after, h.reason]), [['8', null], ['9', 'Labots']]);
  await refused('correct to a value off the scale', ['grade', 'correct', String(grade.id), '--value', '11', '--reason', 'x', '--as', 'T02'], 'invalid', /1–10/);
});

test('grade list filters by date range, student, subject and work', async () => {
  const lists = await Promise.all(
    [
      ['--class', '7.a'],
      ['--class', '7.a', '--from', '2026-10-06', '--to', '2026-10-07'],
      ['--from', '2026-12-01'],
      ['--student', 'S003'],
      ['--work', 'credit'],
      ['--class', '7.b'],
    ].map(async (filter) => {
      const r = await cli(['grade', 'list', ...filter, '--json'], env);
      assert.is(r.code, 0, `${filter.join(' ')}: ${r.stderr}`);
      return r.json as Grade[];
    }),
  );
  const [all, inRange, from, s003, credits, b7] = lists as [Grade[], Grade[], Grade[], Grade[], Grade[], Grade[]];
  assert.ok(inRange.length > 0);
  assert.ok(inRange.length < all.length);
  assert.ok(inRange.every((g) => g.date >= '2026-10-06' && g.date <= '2026-10-07'));
  assert.is(inRange.length, all.filter((g) => g.date >= '2026-10-06' && g.date <= '2026-10-07').length);
  assert.equal([...new Set(from.map((g) => g.work))].sort(), ['annual', 'semester1', 'semester2']);
  assert.ok(s003.length > 0 && s003.every((g) => g.student === 'S003'));
  assert.equal(credits.map((g) => g.value).sort(), ['i', 'ni']);
  assert.equal(b7, []);
});

// ------------------------------------------------------------------ lessons

test('lesson list filters by class, subject, teacher and dates', async () => {
  const cases: [string[], string[]][] = [
    [[], Object.values(L)],
    [['--class', '7.b'], [L.G!, L.H!]],
    [['--class', '7.a', '--from', '2026-10-06', '--to', '2026-10-08'], [L.B!, L.C!, L.D!]],
    [['--from', '2026-11-01'], [L.F!, L.H!]],
    [['--to', '2026-10-05'], [L.A!, L.P!]],
    [['--teacher', 'T02', '--class', '2.a'], [L.P!]],
    [['--teacher', 'T01'], []],
    [['--subject', 'mat', '--class', '7.a', '--from', '2026-10-26', '--to', '2026-10-26'], [L.E!]],
  ];
  const results = await Promise.all(cases.map(([filter]) => cli(['lesson', 'list', ...filter, '--json'], env)));
  for (const [i, [filter, expected]] of cases.entries()) {
    const r = results[i]!;
    assert.is(r.code, 0, r.stderr);
    assert.equal((r.json as { id: number }[]).map((l) => String(l.id)).sort(), [...expected].sort(), filter.join(' '));
  }
});

test('the editable calendar: a one-off holiday and a school break refuse lessons, a moved working day allows one', async () => {
  await setup([
    ['holiday', 'add', '--from', '2026-11-20', '--kind', 'holiday', '--name', 'Skolas jubileja'],
    ['holiday', 'add', '--from', '2026-11-26', '--to', '2026-11-27', '--name', 'Papildu brīvdienas'],
    ['holiday', 'add', '--from', '2026-11-28', '--kind', 'working-day', '--name', 'Pārceltā darba diena'],
  ]);
  await refusedAll([
    { label: 'a one-off holiday', args: ['lesson', 'add', '--class', '7.b', '--subject', 'mat', '--date', '2026-11-20', '--number', '2', '--topic', 'X', '--as', 'T02'], error: 'invalid', message: /Skolas jubileja/ },
    { label: 'an added school break', args: ['lesson', 'add', '--class', '7.b', '--subject', 'mat', '--date', '2026-11-27', '--number', '2', '--topic', 'X', '--as', 'T02'], error: 'invalid', message: /Papildu brīvdienas/ },
    { label: 'a Saturday that stays free', args: ['lesson', 'add', '--class', '7.b', '--subject', 'mat', '--date', '2026-11-21', '--number', '2', '--topic', 'X', '--as', 'T02'], error: 'invalid', message: /Saturday/ },
  ]);
  const saturday = await run(['lesson', 'add', '--class', '7.b', '--subject', 'mat', '--date', '2026-11-28', '--number', '2', '--topic', 'Sestdienas stunda', '--as', 'T02', '--json']);
  assert.is(saturday.code, 0, saturday.stderr);
  assert.is(saturday.json.date, '2026-11-28');
});

test('a lesson named by class, subject and date needs --number when there are several that day', async () => {
  await setup([['lesson', 'add', '--class', '7.b', '--subject', 'mat', '--date', '2026-10-26', '--number', '5', '--topic', 'Otrā stunda', '--as', 'T02']]);
  await refused('two mat lessons in 7.b on 2026-10-26', ['absence', 'mark', '--class', '7.b', '--subject', 'mat', '--date', '2026-10-26', '--student', 'S101', '--as', 'T02'], 'usage', /--number/);
  const r = await run(['absence', 'mark', '--class', '7.b', '--subject', 'mat', '--date', '2026-10-26', '--number', '5', '--student', 'S101', '--as', 'T02', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.json[0].number, 5);
  assert.is(r.json[0].date, '2026-10-26');
});

test('lesson set changes the topic and the homework', async () => {
  const r = await run(['lesson', 'set', L.A!, '--topic', 'Daļskaitļi un decimāldaļskaitļi', '--homework', '13. lpp., 1.–4. uzd.', '--as', 'T02', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.json.topic, 'Daļskaitļi un decimāldaļskaitļi');
  assert.is(r.json.homework, '13. lpp., 1.–4. uzd.');
  assert.is(r.json.updated_by, 'T02');
  const byRef = await run(['lesson', 'set', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--homework', '', '--as', 'T02', '--json']);
  assert.is(byRef.code, 0, byRef.stderr);
  assert.is(byRef.json.id, Number(L.A));
  assert.is(byRef.json.homework, null, '"" clears the homework');
  assert.is(byRef.json.topic, 'Daļskaitļi un decimāldaļskaitļi', 'the topic stays');
  const shown = await run(['lesson', 'show', L.A!, '--json']);
  assert.is(shown.json.topic, 'Daļskaitļi un decimāldaļskaitļi');
  assert.is(shown.json.homework, null);
  await refusedAll([
    { label: 'nothing to change', args: ['lesson', 'set', L.A!, '--as', 'T02'], error: 'usage' },
    { label: 'an empty topic', args: ['lesson', 'set', L.A!, '--topic', '  ', '--as', 'T02'], error: 'usage', message: /topic/ },
    { label: 'a lesson that does not exist', args: ['lesson', 'set', '999', '--topic', 'X', '--as', 'T02'], error: 'not_found', message: /999/ },
  ]);
});

test.run();
