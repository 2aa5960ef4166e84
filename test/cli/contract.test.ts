// The CLI contract: JSON shapes, where data and messages go, exit codes, and
// that every refused write leaves the database exactly as it was.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { cli } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';
import { dbState, EXAMPLE_SCHOOL, EXIT_CODES, runner, type ErrorName } from './_helpers.ts';

const t = tempDir('ezurnals-contract-');
const { env, run, refusedAll, setup } = runner(t.dbPath);

test.before(async () => {
  await setup([
    ...EXAMPLE_SCHOOL,
    ['subject', 'add', 'lat', '--name', 'Latviešu valoda'],
    ['assign', 'add', '--class', '7.a', '--subject', 'lat', '--teacher', 'T02'],
    ['student', 'add', 'S002', '--first-name', 'Līga', '--last-name', 'Ozola', '--class', '7.a'],
    ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'Daļskaitļi', '--as', 'T01'],
    ['grade', 'enter', '--class', '7.a', '--subject', 'mat', '--work', 'semester1', '--student', 'S001=7', '--as', 'T01'],
  ]);
});
test.after(() => t.cleanup());

// ---------------------------------------------------------------- JSON shapes

test('every list command prints a JSON array (also when empty)', async () => {
  const lists: [string[], number][] = [
    [['class', 'list'], 1],
    [['subject', 'list'], 2],
    [['staff', 'list'], 3],
    [['student', 'list'], 2],
    [['guardian', 'list'], 0],
    [['assign', 'list'], 2],
    [['year', 'list'], 1],
    [['holiday', 'list'], 5],
    [['lesson', 'list'], 1],
    [['absence', 'list'], 0],
    [['grade', 'list'], 1],
    [['grade', 'list', '--student', 'S002'], 0],
  ];
  // Reads: run at once.
  const results = await Promise.all(lists.map(([args]) => cli([...args, '--json'], env)));
  for (const [i, [args, length]] of lists.entries()) {
    const r = results[i]!;
    assert.is(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    assert.ok(Array.isArray(r.json), `${args.join(' ')} prints an array: ${r.stdout.slice(0, 80)}`);
    assert.is(r.json.length, length, args.join(' '));
  }
});

test('writes print the record they created or changed, with its id', async () => {
  const writes: [string, string[], Record<string, unknown>][] = [
    ['subject add', ['subject', 'add', 'bio', '--name', 'Bioloģija'], { code: 'bio', name: 'Bioloģija' }],
    ['staff add', ['staff', 'add', 'T03', '--first-name', 'Dace', '--last-name', 'Liepiņa', '--role', 'teacher'], { code: 'T03' }],
    ['class add', ['class', 'add', '7.b', '--level', '7'], { code: '7.b', level: 7 }],
    ['student add', ['student', 'add', 'S003', '--first-name', 'Ēriks', '--last-name', 'Šķēle', '--class', '7.b'], { code: 'S003', last_name: 'Šķēle', class: '7.b' }],
    ['lesson add', ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-06', '--number', '1', '--topic', 'Procenti', '--as', 'T01'], { class: '7.a', topic: 'Procenti' }],
    ['lesson set', ['lesson', 'set', '1', '--homework', '5. lpp.', '--as', 'T01'], { id: 1, homework: '5. lpp.' }],
    ['staff set', ['staff', 'set', 'T02', '--phone', '+37120000002'], { code: 'T02', phone: '+37120000002' }],
  ];
  // Independent writes run at once; the student goes into the class added with them.
  const first = await Promise.all(writes.filter(([label]) => label !== 'student add').map(([, args]) => cli([...args, '--json'], env)));
  const student = await run([...writes.find(([label]) => label === 'student add')![1], '--json']);
  const results = new Map(writes.filter(([label]) => label !== 'student add').map(([label], i) => [label, first[i]!]));
  results.set('student add', student);
  for (const [label, , fields] of writes) {
    const r = results.get(label)!;
    assert.is(r.code, 0, `${label}: ${r.stderr}`);
    assert.ok(r.json && !Array.isArray(r.json), `${label}: one record`);
    assert.type(r.json.id, 'number', `${label}: id`);
    for (const [key, value] of Object.entries(fields)) assert.equal(r.json[key], value, `${label}: ${key}`);
  }
  // Commands that may act on several students print the records as an array, each with its id.
  const [marked, graded] = await Promise.all([
    await cli(['absence', 'mark', '--lesson', '1', '--student', 'S002', '--as', 'T01', '--json'], env),
    await cli(['grade', 'enter', '--lesson', '1', '--student', 'S001=8', '--student', 'S002=6', '--as', 'T01', '--json'], env),
  ]);
  assert.is(marked!.code, 0, marked!.stderr);
  assert.type(marked!.json[0].id, 'number');
  assert.ok(graded);
  assert.is(graded!.code, 0, graded!.stderr);
  assert.equal(graded!.json.map((g: { student: string; value: string }) => [g.student, g.value]), [['S001', '8'], ['S002', '6']]);
  for (const g of graded!.json) assert.type(g.id, 'number');
});

test('without --json: data on stdout, messages on stderr', async () => {
  const list = await run(['class', 'list']);
  assert.is(list.code, 0);
  assert.ok(list.stdout.includes('7.a'), 'the table is on stdout');
  assert.is(list.json, undefined, 'a table, not JSON');
  assert.is(list.stderr, '');
  const justify = await run(['absence', 'justify', '--student', 'S002', '--from', '2026-10-05', '--reason', 'other', '--as', 'T01']);
  assert.is(justify.code, 0, justify.stderr);
  assert.ok(justify.stdout.includes('nc'), 'the changed absence is on stdout');
  assert.match(justify.stderr, /Justified 1/);
  assert.not.match(justify.stdout, /Justified/);
  const error = await run(['lesson', 'add', '--class', '9.z', '--subject', 'mat', '--date', '2026-10-07', '--number', '1', '--topic', 'X']);
  assert.is(error.code, 3);
  assert.is(error.stdout, '');
  assert.match(error.stderr, /^error: /);
  assert.is(error.errorJson, undefined, 'plain text without --json');
});

test('with --json: data is pure JSON on stdout, nothing but JSON on stderr', async () => {
  const r = await run(['absence', 'justify', '--student', 'S001', '--from', '2026-09-01', '--to', '2026-09-02', '--reason', 'illness', '--as', 'T01', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.json, []);
});

// ---------------------------------------------------------------- exit codes

type Case = [label: string, args: string[], error: ErrorName, message?: RegExp, env?: Record<string, string | undefined>];

const usage: Case[] = [
  ['unknown option', ['class', 'list', '--bogus'], 'usage', /bogus/],
  ['unknown option on a write', ['subject', 'add', 'fiz', '--name', 'Fizika', '--colour', 'red'], 'usage', /colour/],
  ['unknown command', ['frobnicate'], 'usage', /frobnicate/],
  ['lesson add without --topic (no TTY)', ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-07', '--number', '1', '--as', 'T01'], 'usage', /--topic/],
  ['grade enter without an author', ['grade', 'enter', '--lesson', '1', '--student', 'S001', '--value', '8'], 'usage', /--as|EZURNALS_USER/, { EZURNALS_USER: undefined }],
  ['grade enter with an empty EZURNALS_USER', ['grade', 'enter', '--lesson', '1', '--student', 'S001', '--value', '8'], 'usage', /--as|EZURNALS_USER/, { EZURNALS_USER: '' }],
  ['grade enter without --student', ['grade', 'enter', '--lesson', '1', '--value', '8', '--as', 'T01'], 'usage', /--student/],
  ['grade enter without --value', ['grade', 'enter', '--lesson', '1', '--student', 'S001', '--as', 'T01'], 'usage', /--value/],
  ['missing argument (grade correct without its id)', ['grade', 'correct', '--value', '9', '--reason', 'x', '--as', 'T01'], 'usage', /id/],
  ['absence justify without --reason', ['absence', 'justify', '--student', 'S001', '--from', '2026-10-05', '--as', 'T01'], 'usage', /--reason/],
  ['grade correct without --reason', ['grade', 'correct', '2', '--value', '9', '--as', 'T01'], 'usage', /--reason/],
  ['staff add without --role', ['staff', 'add', 'T09', '--first-name', 'A', '--last-name', 'B'], 'usage', /--role/],
];

const notFound: Case[] = [
  ['unknown class', ['lesson', 'add', '--class', '9.z', '--subject', 'mat', '--date', '2026-10-07', '--number', '1', '--topic', 'X', '--as', 'T01'], 'not_found', /9\.z.*7\.a/],
  ['unknown subject', ['lesson', 'add', '--class', '7.a', '--subject', 'fiz', '--date', '2026-10-07', '--number', '1', '--topic', 'X', '--as', 'T01'], 'not_found', /fiz.*mat/],
  ['unknown subject on grade list', ['grade', 'list', '--subject', 'fiz'], 'not_found', /fiz.*mat/],
  ['unknown student', ['absence', 'mark', '--lesson', '1', '--student', 'S999', '--as', 'T01'], 'not_found', /S999/],
  ['unknown student among several', ['grade', 'enter', '--lesson', '1', '--student', 'S001=8', '--student', 'S999=7', '--as', 'T01'], 'not_found', /S999/],
  ['unknown lesson id', ['absence', 'mark', '--lesson', '999', '--student', 'S001', '--as', 'T01'], 'not_found', /999/],
  ['unknown lesson by class/subject/date', ['absence', 'mark', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-08', '--student', 'S001', '--as', 'T01'], 'not_found', /2026-10-08/],
  ['unknown grade id (correct)', ['grade', 'correct', '999', '--value', '9', '--reason', 'x', '--as', 'T01'], 'not_found', /999/],
  ['unknown grade id (history)', ['grade', 'history', '999'], 'not_found', /999/],
  ['unknown author', ['grade', 'enter', '--lesson', '1', '--student', 'S001', '--value', '8', '--as', 'T77'], 'not_found', /T77/],
  ['unknown class teacher', ['class', 'add', '8.a', '--class-teacher', 'T77'], 'not_found', /T77/],
];

const invalid: Case[] = [
  ['lesson on a Saturday', ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-03', '--number', '1', '--topic', 'X', '--as', 'T01'], 'invalid', /Saturday/],
  ['lesson on a Sunday', ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-04', '--number', '1', '--topic', 'X', '--as', 'T01'], 'invalid', /Sunday/],
  ['lesson on a public holiday (18 Nov)', ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-11-18', '--number', '1', '--topic', 'X', '--as', 'T01'], 'invalid', /public holiday/],
  ['lesson in the autumn break', ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-20', '--number', '1', '--topic', 'X', '--as', 'T01'], 'invalid', /school break/],
  ['lesson outside the semesters', ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2027-06-07', '--number', '1', '--topic', 'X', '--as', 'T01'], 'invalid', /outside the semesters/],
  ['lesson with a bad date', ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-13-01', '--number', '1', '--topic', 'X', '--as', 'T01'], 'invalid', /date/],
  ['lesson number 13', ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-07', '--number', '13', '--topic', 'X', '--as', 'T01'], 'invalid', /number/],
  ['invalid personas kods', ['student', 'add', 'S010', '--first-name', 'Anna', '--last-name', 'Liepa', '--personal-code', '010110-20003', '--class', '7.a'], 'invalid', /personas kods/],
  ['grade 11', ['grade', 'enter', '--lesson', '1', '--student', 'S001', '--value', '11', '--as', 'T01'], 'invalid', /1–10.*\bi\b, ni/],
  ['grade 0', ['grade', 'enter', '--lesson', '1', '--student', 'S001', '--value', '0', '--as', 'T01'], 'invalid', /1–10/],
  ['mastery level S in level 7', ['grade', 'enter', '--lesson', '1', '--student', 'S001', '--value', 'S', '--as', 'T01'], 'invalid', /1–10/],
  ['points for a credit work', ['grade', 'enter', '--lesson', '1', '--student', 'S001', '--value', '8', '--work', 'credit', '--as', 'T01'], 'invalid', /\bi\b, ni/],
  ['one bad value among several', ['grade', 'enter', '--lesson', '1', '--student', 'S001=8', '--student', 'S002=12', '--as', 'T01'], 'invalid', /S002/],
  ['a without a certificate', ['grade', 'enter', '--class', '7.a', '--subject', 'mat', '--work', 'annual', '--student', 'S001', '--value', 'a', '--as', 'T01'], 'invalid', /certificate/],
  ['a for a lesson grade', ['grade', 'enter', '--lesson', '1', '--student', 'S001', '--value', 'a', '--exempt-certificate', 'Izziņa Nr. 1', '--as', 'T01'], 'invalid', /semester and annual/],
  ['unknown work kind', ['grade', 'enter', '--lesson', '1', '--student', 'S001', '--value', '8', '--work', 'quiz', '--as', 'T01'], 'usage', /regular/],
  ['phone "123" (staff)', ['staff', 'add', 'T05', '--first-name', 'Ilze', '--last-name', 'Kalna', '--role', 'teacher', '--phone', '123'], 'invalid', /123/],
  ['phone "123" (student set)', ['student', 'set', 'S001', '--phone', '123'], 'invalid', /123/],
  ['phone "123" (guardian)', ['guardian', 'add', '--student', 'S001', '--first-name', 'Ilze', '--last-name', 'Bērziņa', '--relation', 'mother', '--phone', '123'], 'invalid', /123/],
  ['unknown role', ['staff', 'add', 'T06', '--first-name', 'A', '--last-name', 'B', '--role', 'janitor'], 'usage', /janitor/],
  ['absence code ns in a lesson', ['absence', 'mark', '--lesson', '1', '--student', 'S001', '--code', 'ns', '--as', 'T01'], 'usage', /n or k/],
  ['justify --to before --from', ['absence', 'justify', '--student', 'S001', '--from', '2026-10-07', '--to', '2026-10-05', '--reason', 'illness', '--as', 'T01'], 'invalid', /before/],
  ['justify reason "lazy"', ['absence', 'justify', '--student', 'S001', '--from', '2026-10-05', '--reason', 'lazy', '--as', 'T01'], 'usage', /illness/],
];

const forbidden: Case[] = [
  ['grade in a lesson of another teacher', ['grade', 'enter', '--lesson', '1', '--student', 'S001', '--value', '7', '--as', 'T02'], 'forbidden', /T02.*enter grades.*mat in 7\.a/],
  ['registry write by a teacher', ['staff', 'add', 'T07', '--first-name', 'A', '--last-name', 'B', '--role', 'teacher', '--as', 'T01'], 'forbidden', /T01.*manage the school registry/],
  ['justify by a non-class-teacher', ['absence', 'justify', '--student', 'S002', '--from', '2026-10-05', '--reason', 'illness', '--as', 'T02'], 'forbidden', /T02.*justify/],
];

const conflict: Case[] = [
  ['two lessons in one slot', ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'Atkārtoti', '--as', 'T01'], 'conflict', /already has lesson 1/],
  ['same slot, another subject', ['lesson', 'add', '--class', '7.a', '--subject', 'lat', '--date', '2026-10-05', '--number', '1', '--topic', 'Teikums', '--force'], 'conflict', /already has lesson 1/],
  ['duplicate staff code', ['staff', 'add', 'T01', '--first-name', 'Cita', '--last-name', 'Anna', '--role', 'teacher'], 'conflict', /T01/],
  ['duplicate subject code', ['subject', 'add', 'mat', '--name', 'Matemātika 2'], 'conflict', /mat/],
  ['duplicate class code', ['class', 'add', '7.a', '--level', '7'], 'conflict', /7\.a/],
  ['duplicate student code', ['student', 'add', 'S001', '--first-name', 'Cits', '--last-name', 'Jānis'], 'conflict', /S001/],
  ['duplicate personas kods', ['student', 'add', 'S011', '--first-name', 'Cits', '--last-name', 'Jānis', '--personal-code', '010110-20002'], 'conflict', /S001/],
  ['duplicate assignment', ['assign', 'add', '--class', '7.a', '--subject', 'mat', '--teacher', 'T01'], 'conflict', /T01/],
  ['second semester1 grade', ['grade', 'enter', '--class', '7.a', '--subject', 'mat', '--work', 'semester1', '--student', 'S001=8', '--as', 'T01'], 'conflict', /S001.*semester1/],
  ['init on the existing database', ['init', '--school', 'Cita', '--year', '2026/2027'], 'conflict', /already exists/],
];

for (const [name, cases] of [['usage', usage], ['not_found', notFound], ['invalid', invalid], ['forbidden', forbidden], ['conflict', conflict]] as const) {
  test(`exit ${EXIT_CODES[name]} (${name}): ${cases.length} refusals, JSON error on stderr, database unchanged`, async () => {
    await refusedAll(cases.map(([label, args, error, message, env]) => ({ label, args, error, message, env })));
  });
}

test('an id that is not a number is invalid data (4) naming what was given, for every command that takes one', async () => {
  await refusedAll([
    { label: 'lesson id', args: ['absence', 'mark', '--lesson', 'abc', '--student', 'S001', '--as', 'T01'], error: 'invalid', message: /abc/ },
    { label: 'grade id', args: ['grade', 'history', 'abc'], error: 'invalid', message: /abc/ },
    { label: 'absence id', args: ['absence', 'remove', 'abc', '--yes', '--as', 'T01'], error: 'invalid', message: /abc/ },
    { label: 'guardian id', args: ['guardian', 'set', 'abc', '--phone', '+37120000009'], error: 'invalid', message: /abc/ },
    { label: 'guardian id (link)', args: ['guardian', 'link', 'abc', '--student', 'S001', '--relation', 'mother'], error: 'invalid', message: /abc/ },
    { label: 'calendar entry id', args: ['holiday', 'remove', 'abc', '--yes'], error: 'invalid', message: /abc/ },
  ]);
});

test('a noun without its command is a usage error; with --json only a JSON error that says what is missing', async () => {
  const plain = await run(['grade']);
  assert.is(plain.code, 2);
  assert.is(plain.stdout, '');
  assert.match(plain.stderr, /enter/, 'shows the commands');
  const json = await run(['grade', '--json']);
  assert.is(json.code, 2);
  assert.is(json.stdout, '');
  assert.is(json.errorJson?.error?.code, 'usage', `stderr is one JSON error: ${json.stderr}`);
  assert.match(json.errorJson.error.message, /command/, 'says a command is missing');
});

test('a usage error without --json is plain text on stderr, stdout empty', async () => {
  const r = await run(['class', 'list', '--bogus']);
  assert.is(r.code, 2);
  assert.is(r.stdout, '');
  assert.match(r.stderr, /unknown option '--bogus'/);
});

test('a refused lesson date succeeds with --force', async () => {
  const dates: [string, number][] = [
    ['2026-10-03', 4], // Saturday
    ['2026-11-18', 4], // public holiday
    ['2026-10-20', 4], // autumn break
    ['2027-06-07', 4], // outside the semesters
  ];
  const results = await Promise.all(dates.map(([date]) => cli(['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', date, '--number', '3', '--topic', 'Papildnodarbība', '--force', '--as', 'T01', '--json'], env)));
  dates.forEach(([date], i) => {
    const r = results[i]!;
    assert.is(r.code, 0, `${date}: ${r.stderr}`);
    assert.is(r.json.date, date);
  });
  const listed = (await run(['lesson', 'list', '--class', '7.a', '--json'])).json.map((l: { date: string }) => l.date);
  for (const [date] of dates) assert.ok(listed.includes(date), date);
});

test('a command that fails midway changes nothing (one transaction)', async () => {
  // S001's absence is written first, then S002's (justified as nc above) is a
  // conflict: S001's new row must be rolled back with it.
  const before = await dbState(t.dbPath);
  const r = await run(['absence', 'mark', '--lesson', '1', '--student', 'S001', '--student', 'S002', '--as', 'T01', '--json']);
  assert.is(r.code, 6, r.stderr);
  assert.match(r.errorJson?.error?.message ?? '', /S002/);
  assert.is(await dbState(t.dbPath), before);
  const unknown = await run(['absence', 'mark', '--lesson', '1', '--student', 'S001', '--student', 'S404', '--as', 'T01', '--json']);
  assert.is(unknown.code, 3);
  assert.is(await dbState(t.dbPath), before);
});

// ---------------------------------------------------------------- help and version

test('--help works on every level', async () => {
  const nouns = ['lesson', 'absence', 'grade', 'student', 'staff', 'class', 'subject', 'guardian', 'assign', 'year', 'holiday'];
  const [root, ...perNoun] = await Promise.all([await cli(['--help']), ...nouns.map((noun) => cli([noun, '--help']))]);
  assert.is(root!.code, 0, root!.stderr);
  for (const noun of [...nouns, 'init']) assert.ok(root!.stdout.includes(noun), `root help lists ${noun}`);
  assert.match(root!.stdout, /Examples/);
  assert.match(root!.stdout, /Exit codes/);
  nouns.forEach((noun, i) => {
    const r = perNoun[i]!;
    assert.is(r.code, 0, `${noun} --help: ${r.stderr}`);
    assert.match(r.stdout, /Usage: ezurnals/, noun);
    assert.match(r.stdout, /Commands:/, noun);
  });
});

test('--help on leaves shows their examples', async () => {
  const leaves = [
    ['init'],
    ['lesson', 'add'],
    ['lesson', 'list'],
    ['lesson', 'set'],
    ['absence', 'mark'],
    ['absence', 'justify'],
    ['absence', 'remove'],
    ['absence', 'list'],
    ['grade', 'enter'],
    ['grade', 'correct'],
    ['grade', 'list'],
    ['student', 'add'],
    ['student', 'move'],
    ['staff', 'add'],
    ['class', 'add'],
    ['subject', 'add'],
    ['guardian', 'add'],
    ['assign', 'add'],
    ['year', 'add'],
    ['holiday', 'add'],
  ];
  const results = await Promise.all(leaves.map((leaf) => cli([...leaf, '--help'])));
  leaves.forEach((leaf, i) => {
    const r = results[i]!;
    assert.is(r.code, 0, `${leaf.join(' ')} --help: ${r.stderr}`);
    assert.match(r.stdout, /Usage: ezurnals/, leaf.join(' '));
    assert.match(r.stdout, /Examples:/, `${leaf.join(' ')} has examples`);
    assert.match(r.stdout, new RegExp(`\\$ ezurnals ${leaf.join(' ')}`), `${leaf.join(' ')}: an example of itself`);
  });
  const enter = results[leaves.findIndex((l) => l.join(' ') === 'grade enter')]!.stdout;
  assert.match(enter, /S001=8/, 'documents STUDENT=VALUE');
  assert.match(enter, /--exempt-certificate/);
});

test('--help needs no database and no author', async () => {
  const r = await cli(['lesson', 'add', '--help'], { EZURNALS_DB: '/nonexistent/dir/x.db' });
  assert.is(r.code, 0, r.stderr);
});

test.run();
