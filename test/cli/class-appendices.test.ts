// The behaviour journal and the class teacher's appendices through the real bin:
// Latvian text survives, refusals exit with their code and change nothing.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tempDir } from '../support/school.ts';
import { EXAMPLE_SCHOOL, runner, type RefusalCase } from './_helpers.ts';

const t = tempDir('ezurnals-appendices-');
const { run, refusedAll, setup, read } = runner(t.dbPath);
test.after(() => t.cleanup());

let ilze: number;
let ozola: number;

test.before(async () => {
  const results = await setup([
    ...EXAMPLE_SCHOOL, // T01 class teacher of 7.a teaching mat there; T02 a teacher; S001 in 7.a
    ['staff', 'add', 'T03', '--first-name', 'Ģirts', '--last-name', 'Zariņš', '--role', 'teacher', '--role', 'class-teacher'],
    ['staff', 'add', 'D01', '--first-name', 'Inese', '--last-name', 'Kalēja', '--role', 'deputy'],
    ['subject', 'add', 'lv', '--name', 'Latviešu valoda'],
    ['class', 'add', '7.b', '--class-teacher', 'T03'],
    ['student', 'add', 'S002', '--first-name', 'Līga', '--last-name', 'Ozola', '--class', '7.a'],
    ['student', 'add', 'S003', '--first-name', 'Žanis', '--last-name', 'Ēcis', '--class', '7.a'],
    ['student', 'add', 'S101', '--first-name', 'Kārlis', '--last-name', 'Krūmiņš', '--class', '7.b'],
    ['assign', 'add', '--class', '7.a', '--subject', 'lv', '--teacher', 'T02'],
    ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'Daļskaitļi', '--as', 'T01'],
    ['absence', 'mark', '--lesson', '1', '--student', 'S002', '--as', 'T01'],
    ['guardian', 'add', '--student', 'S001', '--first-name', 'Ilze', '--last-name', 'Bērziņa', '--relation', 'māte', '--json'],
    ['guardian', 'add', '--student', 'S101', '--first-name', 'Ērika', '--last-name', 'Krūmiņa', '--relation', 'mother', '--json'],
  ]);
  ilze = results.at(-2).id;
  ozola = results.at(-1).id;
});

test('behaviour: a subject teacher of the class writes, lists and withdraws a remark; it stays, marked', async () => {
  const added = await run(['behavior', 'add', '--student', 'S001', '--kind', 'negative', '--date', '05.10.2026', '--text', 'Traucēja stundu — ņirgājās par klasesbiedru', '--as', 'T02', '--json']);
  assert.is(added.code, 0, added.stderr);
  assert.equal(
    [added.json.date, added.json.class, added.json.student, added.json.kind, added.json.text, added.json.author, added.json.author_name],
    ['2026-10-05', '7.a', 'S001', 'negative', 'Traucēja stundu — ņirgājās par klasesbiedru', 'T02', 'Pēteris Ozoliņš'],
  );
  const positive = await run(['behavior', 'add', '--student', 'S002', '--kind', 'positive', '--date', '2026-10-06', '--text', 'Čakli strādāja pie projekta', '--as', 'T01']);
  assert.is(positive.code, 0, positive.stderr);
  assert.match(positive.stdout, /Čakli strādāja pie projekta/);
  assert.match(positive.stdout, /Anna Kalniņa \(T01\)/);

  const table = await run(['behavior', 'list', '--class', '7.a']);
  assert.is(table.code, 0, table.stderr);
  assert.match(table.stdout, /ņirgājās/);
  assert.match(table.stdout, /Līga Ozola \(S002\)/);

  const removed = await run(['behavior', 'remove', String(added.json.id), '--reason', 'Ierakstīts kļūdaini', '--as', 'T02', '--json']);
  assert.is(removed.code, 0, removed.stderr);
  assert.equal([removed.json.removed, removed.json.removed_by, removed.json.removed_reason], [true, 'T02', 'Ierakstīts kļūdaini']);
  const list = await run(['behavior', 'list', '--student', 'S001', '--json']);
  assert.equal(list.json, []);
  const all = await run(['behavior', 'list', '--student', 'S001', '--include-removed', '--json']);
  assert.equal(all.json.map((e: any) => [e.text, e.removed]), [['Traucēja stundu — ņirgājās par klasesbiedru', true]]);
  assert.equal((await run(['behavior', 'list', '--kind', 'positive', '--json'])).json.map((e: any) => e.student), ['S002']);
});

test('notes for parents: the class teacher writes them; a student\'s list includes the class\'s', async () => {
  const classNote = await run(['note', 'add', '--class', '7.a', '--text', 'Ekskursija uz Cēsīm — līdzi ņemt lietusmēteli', '--from', '2026-10-01', '--until', '2026-10-31', '--as', 'T01', '--json']);
  assert.is(classNote.code, 0, classNote.stderr);
  assert.equal([classNote.json.student, classNote.json.class, classNote.json.valid_until], [null, '7.a', '2026-10-31']);
  const own = await run(['note', 'add', '--student', 'S001', '--text', 'Lūdzu parakstīt sekmju izrakstu', '--from', '2026-11-02', '--as', 'T01', '--json']);
  assert.is(own.code, 0, own.stderr);
  assert.equal((await run(['note', 'list', '--student', 'S001', '--json'])).json.map((n: any) => n.text), ['Ekskursija uz Cēsīm — līdzi ņemt lietusmēteli', 'Lūdzu parakstīt sekmju izrakstu']);
  assert.equal((await run(['note', 'list', '--student', 'S001', '--on', '2026-11-03', '--json'])).json.map((n: any) => n.student), ['S001']);
  const table = await run(['note', 'list', '--class', '7.a']);
  assert.match(table.stdout, /class 7\.a/);
  assert.match(table.stdout, /Jānis Bērziņš \(S001\)/);
  const removed = await run(['note', 'remove', String(own.json.id), '--as', 'T01', '--json']);
  assert.is(removed.code, 0, removed.stderr);
  assert.is(removed.json.removed_by, 'T01');
  assert.equal((await read(['note', 'list', '--student', 'S001'])).length, 1);
});

test('briefings: --all-present leaves out the absent, who are listed as not briefed', async () => {
  const b = await run(['briefing', 'add', '--class', '7.a', '--date', '2026-10-05', '--topic', 'Ugunsdrošība', '--all-present', '--as', 'T01', '--json']);
  assert.is(b.code, 0, b.stderr);
  assert.equal(b.json.briefed.map((s: any) => s.student), ['S001', 'S003']);
  assert.equal(b.json.absent, [{ student: 'S002', name: 'Līga Ozola' }]);
  const named = await run(['briefing', 'add', '--class', '7.a', '--date', '2026-10-07', '--topic', 'Ugunsdrošība (atkārtota)', '--student', 'S002', '--as', 'D01', '--json']);
  assert.is(named.code, 0, named.stderr);
  const list = await run(['briefing', 'list', '--class', '7.a']);
  assert.is(list.code, 0, list.stderr);
  assert.match(list.stdout, /Ugunsdrošība \(atkārtota\)/);
  assert.match(list.stdout, /Žanis Ēcis \(S003\)/);
  assert.equal((await run(['briefing', 'list', '--from', '2026-10-06', '--json'])).json.map((x: any) => x.topic), ['Ugunsdrošība (atkārtota)']);
});

test('conversations: recorded with a guardian by name, read only by the class teacher, deputies and admins', async () => {
  const c = await run(['conversation', 'add', '--student', 'S001', '--guardian', 'Ilze Bērziņa', '--date', '2026-10-12', '--summary', 'Kavējumi oktobrī', '--agreed', 'Māte zvanīs tās pašas dienas rītā', '--as', 'T01', '--json']);
  assert.is(c.code, 0, c.stderr);
  assert.equal([c.json.guardian_id, c.json.guardian_name, c.json.relation, c.json.agreed], [ilze, 'Ilze Bērziņa', 'mother', 'Māte zvanīs tās pašas dienas rītā']);
  assert.equal((await run(['conversation', 'list', '--as', 'T01', '--json'])).json.map((x: any) => x.summary), ['Kavējumi oktobrī']);
  assert.equal((await run(['conversation', 'list', '--as', 'T03', '--json'])).json, []);
  const table = await run(['conversation', 'list', '--class', '7.a', '--as', 'D01']);
  assert.match(table.stdout, /Ilze Bērziņa \(mother\)/);
});

test('refusals: exit codes, a JSON error, and the database unchanged', async () => {
  const cases: RefusalCase[] = [
    { label: 'behaviour by a teacher who does not teach in the class', args: ['behavior', 'add', '--student', 'S101', '--kind', 'positive', '--date', '2026-10-05', '--text', 'Labi', '--as', 'T02'], error: 'forbidden', message: /T02 .*may not write in the behaviour journal: neither teaches in 7\.b/ },
    { label: 'behaviour without --kind', args: ['behavior', 'add', '--student', 'S001', '--text', 'Labi', '--as', 'T01'], error: 'usage' },
    { label: 'behaviour of an unknown kind', args: ['behavior', 'add', '--student', 'S001', '--kind', 'neitrāla', '--text', 'Labi', '--as', 'T01'], error: 'usage' },
    { label: 'behaviour in the future', args: ['behavior', 'add', '--student', 'S001', '--kind', 'positive', '--date', '2027-06-01', '--text', 'Labi', '--as', 'T01'], error: 'invalid', message: /future/ },
    { label: 'behaviour of an unknown student', args: ['behavior', 'add', '--student', 'S999', '--kind', 'positive', '--text', 'Labi', '--as', 'T01'], error: 'not_found' },
    { label: 'behaviour without an author', args: ['behavior', 'add', '--student', 'S001', '--kind', 'positive', '--text', 'Labi'], error: 'usage', env: { EZURNALS_USER: undefined } },
    { label: 'behaviour removed by somebody else', args: ['behavior', 'remove', '1', '--reason', 'Nē', '--as', 'T01'], error: 'forbidden', message: /did not write/ },
    { label: 'behaviour removed twice', args: ['behavior', 'remove', '1', '--reason', 'Nē', '--as', 'T02'], error: 'conflict' },
    { label: 'unknown behaviour entry', args: ['behavior', 'remove', '99', '--reason', 'Nē'], error: 'not_found' },
    { label: 'note by a subject teacher', args: ['note', 'add', '--class', '7.a', '--text', 'Sapulce', '--as', 'T02'], error: 'forbidden', message: /class teacher's appendices: is not the class teacher of 7\.a/ },
    { label: 'note for another class', args: ['note', 'add', '--student', 'S101', '--text', 'Sapulce', '--as', 'T01'], error: 'forbidden', message: /7\.b/ },
    { label: 'note for both a student and a class', args: ['note', 'add', '--student', 'S001', '--class', '7.a', '--text', 'Sapulce', '--as', 'T01'], error: 'usage' },
    { label: 'note until before from', args: ['note', 'add', '--class', '7.a', '--text', 'Sapulce', '--from', '2026-10-10', '--until', '2026-10-01', '--as', 'T01'], error: 'invalid' },
    { label: 'note removed by a subject teacher', args: ['note', 'remove', '1', '--as', 'T02'], error: 'forbidden' },
    { label: 'briefing by a subject teacher', args: ['briefing', 'add', '--class', '7.a', '--date', '2026-10-05', '--topic', 'Ugunsdrošība', '--all-present', '--as', 'T02'], error: 'forbidden' },
    { label: 'briefing naming nobody', args: ['briefing', 'add', '--class', '7.a', '--date', '2026-10-05', '--topic', 'Ugunsdrošība', '--as', 'T01'], error: 'usage' },
    { label: 'briefing of a student of another class', args: ['briefing', 'add', '--class', '7.a', '--date', '2026-10-05', '--topic', 'Ugunsdrošība', '--student', 'S101', '--as', 'T01'], error: 'invalid', message: /Not in 7\.a/ },
    { label: 'briefing outside the year', args: ['briefing', 'add', '--class', '7.a', '--date', '2026-08-25', '--topic', 'Ugunsdrošība', '--all-present', '--as', 'T01'], error: 'invalid' },
    { label: 'conversation by a subject teacher', args: ['conversation', 'add', '--student', 'S001', '--guardian', String(ilze), '--date', '2026-10-12', '--summary', 'X', '--as', 'T02'], error: 'forbidden' },
    { label: 'conversation with a guardian of another student', args: ['conversation', 'add', '--student', 'S001', '--guardian', String(ozola), '--date', '2026-10-12', '--summary', 'X', '--as', 'T01'], error: 'invalid', message: /not linked to .*\(S001\)/ },
    { label: 'conversation with an unknown guardian', args: ['conversation', 'add', '--student', 'S001', '--guardian', 'Ērika Krūmiņa', '--date', '2026-10-12', '--summary', 'X', '--as', 'T01'], error: 'not_found' },
    { label: 'conversations read by a subject teacher', args: ['conversation', 'list', '--class', '7.a', '--as', 'T02'], error: 'forbidden', message: /read conversations with parents/ },
    { label: 'conversations of another class', args: ['conversation', 'list', '--student', 'S001', '--as', 'T03'], error: 'forbidden' },
  ];
  await refusedAll(cases);
});

test.run();
