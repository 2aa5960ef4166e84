// `ezurnals batch`: many commands in one process, one JSON line each.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/main.ts';
import { splitBatchLine } from '../../src/cli/batch-line.ts';
import { AppError } from '../../src/errors.ts';
import { bin, cli, TEST_NOW } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';
import { dbState, EXAMPLE_SCHOOL, runner } from './_helpers.ts';

const t = tempDir('ezurnals-batch-');
const { run, setup, read } = runner(t.dbPath);
test.after(() => t.cleanup());

/** Lesson ids by date. */
const L: Record<string, number> = {};

/** Runs `ezurnals batch` with the script on stdin; returns the exit code and each printed JSON line. */
async function batch(script: string, args: string[] = [], env: Record<string, string | undefined> = {}) {
  const r = await run(['batch', ...args], env, script);
  const records = r.stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
  return { ...r, records };
}

test.before(async () => {
  await setup([...EXAMPLE_SCHOOL, ['student', 'add', 'S002', '--first-name', 'Līga', '--last-name', 'Ozola', '--class', '7.a']]);
  for (const [date, topic] of [
    ['2026-10-05', 'Daļskaitļi'],
    ['2026-10-06', 'Procenti'],
    ['2026-10-07', 'Proporcijas'],
  ] as const) {
    const lesson = await read(['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', date, '--number', '1', '--topic', topic, '--as', 'T01']);
    L[date] = lesson.id;
  }
});

test('batch lines are split as a shell would, and what a shell would expand is refused', () => {
  const cases: [string, string[]][] = [
    ['grade enter --lesson 1 --student S001 --value 8', ['grade', 'enter', '--lesson', '1', '--student', 'S001', '--value', '8']],
    [`lesson add --topic 'Daļskaitļi un "procenti"' --as T01`, ['lesson', 'add', '--topic', 'Daļskaitļi un "procenti"', '--as', 'T01']],
    ['note add --text "Ņem \\"līdzi\\" \\$5 un \'lineālu\'"', ['note', 'add', '--text', 'Ņem "līdzi" $5 un \'lineālu\'']],
    ['a\\ b c\t d', ['a b', 'c', 'd']],
    ["--topic=''", ['--topic=']],
    ['x "" y', ['x', '', 'y']],
    ['   # a comment', []],
    ['', []],
    ['subject list # the rest is a comment', ['subject', 'list']],
    ['subject add c#2 --name "C# valoda"', ['subject', 'add', 'c#2', '--name', 'C# valoda']],
    ["--topic 'a | b; c & $d'", ['--topic', 'a | b; c & $d']],
    ['line\r', ['line']],
  ];
  for (const [line, words] of cases) assert.equal(splitBatchLine(line), words, line);
  for (const line of ['echo $HOME', 'x "$HOME"', 'a | b', 'a; b', 'a > out', 'a < in', 'a & b', 'a `b`', 'a $(b)', "'open", '"open', 'trailing \\']) {
    assert.throws(
      () => splitBatchLine(line),
      (e: unknown) => e instanceof AppError && e.code === 'usage',
      line,
    );
  }
});

test('batch runs each line as its own command: one JSON line each, results as --json prints them, comments and blank lines skipped', async () => {
  const script = [
    '# grades for the first lesson',
    `grade enter --lesson ${L['2026-10-05']} --student S001 --value 8`,
    '',
    `grade enter --lesson ${L['2026-10-05']} --student S002=7 --work test --note 'Kontroldarbs "A"'`,
    'subject list',
    'subject list --json',
  ].join('\n');
  const r = await batch(script, ['--as', 'T01']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(
    r.records.map((x) => [x.line, x.exit]),
    [
      [2, 0],
      [4, 0],
      [5, 0],
      [6, 0],
    ],
  );
  assert.is(r.records[0].result[0].value, '8');
  assert.is(r.records[0].result[0].created_by, 'T01', 'the batch --as acts on every line');
  assert.is(r.records[1].result[0].note, 'Kontroldarbs "A"');
  assert.is(r.records[1].result[0].work, 'test');
  const subjects = await read(['subject', 'list']);
  assert.equal(r.records[2].result, subjects, 'a line without --json prints its data as JSON');
  assert.equal(r.records[3].result, subjects);
  const grades = await read(['grade', 'list', '--from', '2026-10-05', '--to', '2026-10-05']);
  assert.equal(grades.map((g: any) => [g.student, g.value]).sort(), [
    ['S001', '8'],
    ['S002', '7'],
  ]);
  // Each line is in the audit log as its own command.
  const audit = (await read(['audit', 'list'])).filter((e: any) => e.table === 'grade');
  assert.ok(audit.some((e: any) => e.command === `ezurnals --as T01 grade enter --lesson ${L['2026-10-05']} --student S001 --value 8` && e.by === 'T01'), JSON.stringify(audit.map((e: any) => e.command)));
});

test('a bad line changes nothing and the others go on; the exit code is the worst line’s', async () => {
  const before = await read(['grade', 'list', '--from', '2026-10-06', '--to', '2026-10-06']);
  assert.equal(before, []);
  const script = [
    `grade enter --lesson ${L['2026-10-06']} --student S001 --value 9`,
    // Two students, the second unknown: the first one's grade must not stay behind.
    `grade enter --lesson ${L['2026-10-06']} --student S002=6 --student S999=5`,
    `grade enter --lesson ${L['2026-10-06']} --student S002 --value 11`,
    'no-such-command at all',
    `grade enter --lesson ${L['2026-10-06']} --student S002 --value 6`,
    'echo "$HOME"',
  ].join('\n');
  const r = await batch(script, ['--as', 'T01', '--json']);
  assert.equal(
    r.records.map((x) => [x.line, x.exit, x.error?.code]),
    [
      [1, 0, undefined],
      [2, 3, 'not_found'],
      [3, 4, 'invalid'],
      [4, 2, 'usage'],
      [5, 0, undefined],
      [6, 2, 'usage'],
    ],
  );
  assert.match(r.records[1].error.message, /S999/);
  assert.type(r.records[2].error.message, 'string');
  assert.is(r.code, 4, 'the highest exit code of the lines');
  assert.equal(r.errorJson?.error?.code, 'invalid', 'the summary is a JSON error with --json');
  assert.match(r.errorJson.error.message, /lines 2, 3, 4, 6 failed/);
  const after = await read(['grade', 'list', '--from', '2026-10-06', '--to', '2026-10-06']);
  assert.equal(after.map((g: any) => [g.student, g.value]).sort(), [
    ['S001', '9'],
    ['S002', '6'],
  ]);
});

test('--atomic: when a line fails nothing is written, every line is still checked, and done lines say they were rolled back', async () => {
  const before = await dbState(t.dbPath);
  const script = [
    'subject add fiz --name Fizika',
    `grade enter --lesson ${L['2026-10-07']} --student S001 --value 10 --as T01`,
    'subject list',
    `grade enter --lesson ${L['2026-10-07']} --student S001 --value 11 --as T01`,
    'subject add fiz --name Fizika',
  ].join('\n');
  // Lines acting as different people may not share one --atomic batch; this one acts as T01 throughout (see below).
  const mixed = await batch(script, ['--atomic']);
  assert.is(mixed.code, 6, mixed.stderr);
  assert.equal(
    mixed.records.map((x) => [x.line, x.exit, x.rolledBack ?? false]),
    [
      [1, 0, true],
      [2, 2, false],
      [3, 0, true],
      [4, 2, false],
      [5, 6, false],
    ],
  );
  assert.match(mixed.records[1].error.message, /acts as one person/);
  assert.equal(
    mixed.records[2].result.map((s: any) => s.code),
    ['fiz', 'mat'],
    'a later line sees the earlier lines’ writes',
  );
  assert.match(mixed.stderr, /nothing was written \(--atomic\)/);
  assert.is(await dbState(t.dbPath), before, 'an atomic batch with a failed line changed the database');

  const asTeacher = script.replace(/ --as T01/g, '').split('\n').slice(1).join('\n');
  const failed = await batch(asTeacher, ['--atomic', '--as', 'T01']);
  assert.equal(
    failed.records.map((x) => [x.line, x.exit]),
    [
      [1, 0],
      [2, 0],
      [3, 4],
      [4, 5],
    ],
  );
  assert.is(await dbState(t.dbPath), before);
});

test('--atomic: when every line succeeds, all is committed as one transaction, sealed in the audit log', async () => {
  const file = join(t.dir, 'term.txt');
  writeFileSync(file, [`grade enter --lesson ${L['2026-10-07']} --student S001 --value 10`, `grade enter --lesson ${L['2026-10-07']} --student S002 --value 9`, '# done', ''].join('\n'));
  const r = await batch('', [file, '--atomic', '--as', 'T01']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(
    r.records.map((x) => [x.line, x.exit, x.rolledBack]),
    [
      [1, 0, undefined],
      [2, 0, undefined],
    ],
  );
  const grades = await read(['grade', 'list', '--from', '2026-10-07', '--to', '2026-10-07']);
  assert.equal(grades.map((g: any) => [g.student, g.value, g.created_by]).sort(), [
    ['S001', '10', 'T01'],
    ['S002', '9', 'T01'],
  ]);
  const audit = (await read(['audit', 'list'])).filter((e: any) => e.table === 'grade');
  const entries = audit.filter((e: any) => e.command === `ezurnals batch ${file} --atomic --as T01`);
  assert.is(entries.length, 2, JSON.stringify(audit.map((e: any) => e.command)));
  assert.ok(entries.every((e: any) => e.by === 'T01' && e.sealed));
  const verify = await run(['audit', 'verify']);
  assert.is(verify.code, 0, verify.stderr);
});

test('--atomic refuses lines whose effects no rollback undoes; no batch nests another', async () => {
  const before = await dbState(t.dbPath);
  const r = await batch(['init --school X --year 2026/2027', 'sms send --class 7.a --text Sveiki', 'archive restore a --db b.db', 'batch other.txt'].join('\n'), ['--atomic', '--json']);
  assert.equal(
    r.records.map((x) => [x.exit, x.error.code]),
    [
      [2, 'usage'],
      [2, 'usage'],
      [2, 'usage'],
      [2, 'usage'],
    ],
  );
  assert.match(r.records[0].error.message, /creates a database file/);
  assert.match(r.records[3].error.message, /another batch/);
  assert.is(await dbState(t.dbPath), before);
});

test('--db, --as and --year of the batch apply to every line, and a line may give its own', async () => {
  const other = join(t.dir, 'other.db');
  const made = await cli(['init', '--school', 'Otra skola', '--year', '2026/2027', '--db', other]);
  assert.is(made.code, 0, made.stderr);
  const script = ['subject add ang --name "Angļu valoda"', `subject add vēst --name Vēsture --db ${t.dbPath}`, 'subject list', 'year list', 'staff list --as nobody'].join('\n');
  // No EZURNALS_DB or EZURNALS_USER: only the batch's own options say which file and who.
  const r = await cli(['batch', '--db', other, '--as', 'admin', '--year', '2026/2027'], {}, script);
  assert.is(r.code, 3, r.stderr);
  const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(
    records.map((x) => x.exit),
    [0, 0, 0, 0, 3],
  );
  assert.equal(
    records[2].result.map((s: any) => s.code),
    ['ang'],
    'the batch --db',
  );
  assert.equal(
    (await read(['subject', 'list'])).map((s: any) => s.code).sort(),
    ['mat', 'vēst'],
    'the line --db',
  );
  assert.match(records[4].error.message, /Unknown user nobody \(from --as\)/, 'the line --as overrides the batch --as');
  // EZURNALS_USER of the batch's environment applies too.
  const env = await batch('subject add bio --name Bioloģija', [], { EZURNALS_USER: 'T01' });
  assert.is(env.records[0].exit, 5, 'T01 is a teacher, who may not add subjects');
});

test('a report line writes its files; with --json it prints its data instead, as the command does', async () => {
  const out = join(t.dir, 'reports');
  const script = [`report extract --month 2026-10 --class 7.a --format html --out ${out}`, 'report extract --month 2026-10 --student S001 --json'].join('\n');
  const r = await batch(script, ['--as', 'admin']);
  assert.is(r.code, 0, r.stderr);
  const files = readdirSync(out);
  assert.ok(files.length >= 1, 'no file written');
  assert.equal(r.records[0].result.map((w: any) => join(out, w.file.split('/').pop())).sort(), files.map((f) => join(out, f)).sort());
  const html = readFileSync(join(out, files.find((f) => f.endsWith('.html'))!), 'utf8');
  assert.match(html, 'Bērziņš');
  assert.match(r.stderr, /^line 1: Wrote \d+ file\(s\)\./m, "a line's messages reach stderr, prefixed with its number");
  assert.ok(r.records[1].result, 'the --json line prints the data');
  assert.ok(!existsSync(join(process.cwd(), files[0]!)));
});

test('batch never prompts, even at a terminal: a line missing a value is a usage error', async () => {
  let stdout = '';
  let stderr = '';
  const file = join(t.dir, 'prompt.txt');
  writeFileSync(file, `grade enter --lesson ${L['2026-10-05']} --value 8\nlesson add --class 7.a --subject mat --number 2\n`);
  const code = await main(['batch', file, '--as', 'T01'], {
    now: TEST_NOW,
    env: { EZURNALS_DB: t.dbPath },
    stdin: Object.assign((async function* () {})(), { isTTY: true }),
    stdout: { write: (s: string) => (stdout += s), isTTY: true },
    stderr: { write: (s: string) => (stderr += s), isTTY: true },
  });
  const records = stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(
    records.map((x) => x.error?.code),
    ['usage', 'usage'],
    stderr,
  );
  assert.is(code, 2);
});

test('a missing script file is not found; an empty script does nothing', async () => {
  const missing = await run(['batch', join(t.dir, 'nope.txt'), '--json']);
  assert.is(missing.code, 3);
  assert.is(missing.errorJson.error.code, 'not_found');
  const empty = await batch('# nothing\n\n');
  assert.is(empty.code, 0);
  assert.equal(empty.records, []);
});

test("the README's example script runs as shown", async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const script = /```\n(# grades-7a\.txt[^`]*)```/.exec(readme)?.[1];
  assert.ok(script, 'the example script is in the README');
  const d = tempDir('ezurnals-batch-readme-');
  try {
    const own = runner(d.dbPath);
    await own.setup([
      ...EXAMPLE_SCHOOL,
      ...['S002', 'S003', 'S004'].map((code) => ['student', 'add', code, '--first-name', 'Anna', '--last-name', 'Ozola', '--class', '7.a']),
    ]);
    const lesson = await own.read(['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'Daļskaitļi', '--as', 'T01']);
    const out = join(d.dir, 'izraksti');
    const r = await own.run(['batch', '--as', 'T01'], {}, script!.replace(/--lesson 12/g, `--lesson ${lesson.id}`).replace('--out izraksti', `--out ${out}`));
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.is(r.code, 0, r.stdout + r.stderr);
    assert.equal(
      records.map((x) => x.line),
      [2, 3, 4, 5, 7],
    );
    assert.equal(
      records[1].result.map((g: any) => [g.student, g.value, g.note]),
      [
        ['S002', '7', 'Kontroldarbs "Daļskaitļi"'],
        ['S003', '9', 'Kontroldarbs "Daļskaitļi"'],
      ],
    );
    assert.ok(readdirSync(out).some((f) => f.endsWith('.html')));
  } finally {
    d.cleanup();
  }
});

test('the real bin: a script on stdin', () => {
  // The real clock: lessons of this test's school are in the past of any date the suite runs at.
  const r = bin(['batch', '-', '--as', 'admin'], { EZURNALS_DB: t.dbPath }, 'subject add ģeo --name Ģeogrāfija\nsubject list\nsubject add ģeo --name Ģeogrāfija\n');
  const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(
    records.map((x) => [x.line, x.exit]),
    [
      [1, 0],
      [2, 0],
      [3, 6],
    ],
  );
  assert.ok(records[1].result.some((s: any) => s.name === 'Ģeogrāfija'));
  assert.is(r.code, 6);
});

test.run();
