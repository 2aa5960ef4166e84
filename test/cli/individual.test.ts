// The individual work journal through the real bin: each entry is its author's; other
// teachers never see it (list, show, student show, JSON), deputies and admins do.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tempDir } from '../support/school.ts';
import { EXAMPLE_SCHOOL, runner } from './_helpers.ts';

const t = tempDir('ezurnals-individual-');
const { run, refused, setup } = runner(t.dbPath);
test.after(() => t.cleanup());

const SECRET = 'Medmāsas piezīme: alerģija pret riekstiem';

test.before(async () => {
  await setup([
    ...EXAMPLE_SCHOOL, // T01 class teacher of 7.a; T02 a teacher; S001 in 7.a
    ['staff', 'add', 'N01', '--first-name', 'Līga', '--last-name', 'Zariņa', '--role', 'nurse'],
    ['staff', 'add', 'D01', '--first-name', 'Inese', '--last-name', 'Kalēja', '--role', 'deputy'],
    ['student', 'add', 'S002', '--first-name', 'Žanete', '--last-name', 'Ābele', '--class', '7.a'],
  ]);
});

test('any employee writes their own entry, for one or several students', async () => {
  const mine = await run(['individual', 'add', '--kind', 'consultation', '--date', '20.11.2026', '--student', 'S001', '--student', 'S002', '--text', 'Daļskaitļu konsultācija', '--as', 'T01', '--json']);
  assert.is(mine.code, 0, mine.stderr);
  assert.equal([mine.json.id, mine.json.kind, mine.json.date, mine.json.author, mine.json.students.map((s: any) => s.code)], [1, 'consultation', '2026-11-20', 'T01', ['S002', 'S001']]);
  const nurse = await run(['individual', 'add', '--kind', 'nurse', '--date', '2026-11-23', '--student', 'S001', '--text', SECRET, '--as', 'N01', '--json']);
  assert.is(nurse.code, 0, nurse.stderr);
  assert.is(nurse.json.id, 2);
});

test("another teacher never sees them: not in lists, not in JSON, not in student show", async () => {
  for (const args of [['individual', 'list'], ['individual', 'list', '--student', 'S001'], ['student', 'show', 'S001']]) {
    const r = await run([...args, '--as', 'T02', '--json']);
    // The personal file is the class teacher's: T02 is not shown it at all.
    assert.is(r.code, args[0] === 'student' ? 5 : 0, r.stderr);
    assert.not.ok(r.stdout.includes(SECRET) || r.stdout.includes('Daļskaitļu konsultācija'), `${args.join(' ')} leaks an entry`);
    const table = await run([...args, '--as', 'T02']);
    assert.not.ok(table.stdout.includes(SECRET), `${args.join(' ')} (table) leaks an entry`);
  }
  assert.equal((await run(['individual', 'list', '--as', 'T02', '--json'])).json, []);
  const t01 = await run(['individual', 'list', '--as', 'T01', '--json']);
  assert.equal(t01.json.map((w: any) => w.author), ['T01']);
  assert.not.ok(t01.stdout.includes(SECRET));
  const file = await run(['student', 'show', 'S001', '--as', 'T01', '--json']);
  assert.equal(file.json.individual_work.map((w: any) => w.author), ['T01']);
  assert.not.ok(file.stdout.includes(SECRET));
});

test('deputies, admins and the operator (no --as) see every entry', async () => {
  for (const as of ['D01', 'admin']) assert.equal((await run(['individual', 'list', '--as', as, '--json'])).json.map((w: any) => w.author), ['T01', 'N01'], as);
  assert.equal((await run(['individual', 'list', '--json'], { EZURNALS_USER: undefined })).json.length, 2);
  assert.equal((await run(['student', 'show', 'S001', '--as', 'D01', '--json'])).json.individual_work.map((w: any) => w.text), ['Daļskaitļu konsultācija', SECRET]);
  assert.is((await run(['individual', 'show', '2', '--as', 'D01', '--json'])).json.text, SECRET);
  assert.is((await run(['individual', 'list', '--author', 'N01', '--as', 'D01', '--json'])).json.length, 1);
});

test("asking for another author's entries directly is exit 5; bad input is refused and writes nothing", async () => {
  await refused('list --author of another', ['individual', 'list', '--author', 'N01', '--as', 'T01'], 'forbidden', /N01's individual work/);
  await refused('show of another', ['individual', 'show', '2', '--as', 'T02'], 'forbidden', /individual work entry 2/);
  await refused('show of another (author T01)', ['individual', 'show', '1', '--as', 'N01'], 'forbidden');
  await refused('no such entry', ['individual', 'show', '9', '--as', 'D01'], 'not_found');
  await refused('unknown kind', ['individual', 'add', '--kind', 'lecture', '--date', '2026-11-20', '--student', 'S001', '--text', 'x', '--as', 'T01'], 'usage', /consultation/);
  await refused('future date', ['individual', 'add', '--kind', 'other', '--date', '2026-12-20', '--student', 'S001', '--text', 'x', '--as', 'T01'], 'invalid', /future/);
  await refused('no student', ['individual', 'add', '--kind', 'other', '--date', '2026-11-20', '--text', 'x', '--as', 'T01'], 'usage', /--student/);
  await refused('no author', ['individual', 'add', '--kind', 'other', '--date', '2026-11-20', '--student', 'S001', '--text', 'x'], 'usage', /--as/, { EZURNALS_USER: undefined });
  assert.is((await run(['individual', 'show', '1', '--as', 'T01', '--json'])).json.author, 'T01');
});

test.run();
