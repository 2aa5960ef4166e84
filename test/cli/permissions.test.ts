// Who may do what (issue 2, "Who did it"), through the real bin. Every refusal
// is exit 5 naming who lacks which right, and leaves the database unchanged.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';
import { runner } from './_helpers.ts';

const t = tempDir('ezurnals-permissions-');
const { env, run, refused, refusedAll, setup, read } = runner(t.dbPath);
test.after(() => t.cleanup());

/** Lesson ids by name, filled in by the setup. */
const L: Record<string, number> = {};

test.before(async () => {
  const staff: [string, string, string, string[]][] = [
    ['T01', 'Anna', 'Kalniņa', ['teacher', 'class-teacher']], // mat in 7.a, class teacher of 7.a
    ['T02', 'Pēteris', 'Ozoliņš', ['teacher']], // lat in 7.a
    ['T03', 'Dace', 'Liepiņa', ['teacher']], // mat in 7.b; substitutes in 7.a
    ['T04', 'Ģirts', 'Zariņš', ['teacher', 'class-teacher']], // class teacher of 7.b, teaches nothing
    ['D01', 'Inese', 'Kalēja', ['deputy']],
    ['N01', 'Māra', 'Ābele', ['nurse']],
    ['X01', 'Uldis', 'Priede', ['teacher']], // lat in 7.b, deactivated later
  ];
  const lessons: [string, string, string, string, number, string][] = [
    ['mat7a', '7.a', 'mat', '2026-10-05', 1, 'T01'],
    ['lat7a', '7.a', 'lat', '2026-10-05', 2, 'T02'],
    ['mat7b', '7.b', 'mat', '2026-10-05', 1, 'T03'],
    ['lat7b', '7.b', 'lat', '2026-10-05', 2, 'X01'],
  ];
  const results = await setup([
    ['init', '--school', 'Valmieras Viestura vidusskola', '--year', '2026/2027'],
    ...staff.map(([code, first, last, roles]) => ['staff', 'add', code, '--first-name', first, '--last-name', last, ...roles.flatMap((r) => ['--role', r])]),
    ['subject', 'add', 'mat', '--name', 'Matemātika'],
    ['subject', 'add', 'lat', '--name', 'Latviešu valoda'],
    ['class', 'add', '7.a', '--class-teacher', 'T01'],
    ['class', 'add', '7.b', '--class-teacher', 'T04'],
    ['student', 'add', 'S001', '--first-name', 'Jānis', '--last-name', 'Bērziņš', '--class', '7.a'],
    ['student', 'add', 'S002', '--first-name', 'Līga', '--last-name', 'Ozola', '--class', '7.a'],
    ['student', 'add', 'S101', '--first-name', 'Kārlis', '--last-name', 'Krūmiņš', '--class', '7.b'],
    ['assign', 'add', '--class', '7.a', '--subject', 'mat', '--teacher', 'T01'],
    ['assign', 'add', '--class', '7.a', '--subject', 'lat', '--teacher', 'T02'],
    ['assign', 'add', '--class', '7.b', '--subject', 'mat', '--teacher', 'T03'],
    ['assign', 'add', '--class', '7.b', '--subject', 'lat', '--teacher', 'X01'],
    ...lessons.map(([, cls, subject, date, number, as]) => ['lesson', 'add', '--class', cls, '--subject', subject, '--date', date, '--number', String(number), '--topic', `${subject} ${date}`, '--as', as, '--json']),
  ]);
  lessons.forEach(([name], i) => (L[name] = results[results.length - lessons.length + i].id));
});

const forbiddenMessage = (who: string, right: string) => new RegExp(`${who}.*may not ${right}`);

// ------------------------------------------------------------ subject teachers

test('a subject teacher on their own assignment may add a lesson, mark absences and enter grades', async () => {
  const lesson = await run(['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-07', '--number', '1', '--topic', 'Procenti', '--as', 'T01', '--json']);
  assert.is(lesson.code, 0, lesson.stderr);
  assert.is(lesson.json.teacher, 'T01');
  assert.is(lesson.json.created_by, 'T01');
  const absence = await run(['absence', 'mark', '--lesson', String(L.mat7a), '--student', 'S001', '--as', 'T01', '--json']);
  assert.is(absence.code, 0, absence.stderr);
  assert.is(absence.json[0].marked_by, 'T01');
  const grade = await run(['grade', 'enter', '--lesson', String(L.mat7a), '--student', 'S002', '--value', '8', '--as', 'T01', '--json']);
  assert.is(grade.code, 0, grade.stderr);
  assert.is(grade.json[0].created_by, 'T01');
  const term = await run(['grade', 'enter', '--class', '7.a', '--subject', 'mat', '--work', 'semester1', '--student', 'S002=8', '--as', 'T01', '--json']);
  assert.is(term.code, 0, term.stderr);
});

const otherAssignment: [string, string[], string][] = [
  ['lesson in another subject of the same class', ['lesson', 'add', '--class', '7.a', '--subject', 'lat', '--date', '2026-10-08', '--number', '1', '--topic', 'X', '--as', 'T01'], 'record lessons'],
  ['absence in another class', ['absence', 'mark', '--lesson', 'mat7b', '--student', 'S101', '--as', 'T01'], 'mark absences'],
  ['grade in another subject of the same class', ['grade', 'enter', '--lesson', 'lat7a', '--student', 'S001', '--value', '7', '--as', 'T01'], 'enter grades'],
  ['term grade in another class', ['grade', 'enter', '--class', '7.b', '--subject', 'mat', '--work', 'semester1', '--student', 'S101=7', '--as', 'T01'], 'enter grades'],
  ['another teacher in T01\'s lesson', ['grade', 'enter', '--lesson', 'mat7a', '--student', 'S001', '--value', '7', '--as', 'T02'], 'enter grades'],
];

/** Lesson names in args are replaced by their ids once the setup has run. */
const withIds = (args: string[]) => args.map((a) => (a in L ? String(L[a]) : a));

test(`exit 5 outside one's own assignment (${otherAssignment.length} cases), database unchanged`, async () => {
  const results = await refusedAll(
    otherAssignment.map(([label, args, right]) => {
      const who = args[args.indexOf('--as') + 1]!;
      return { label, args: withIds(args), error: 'forbidden' as const, message: forbiddenMessage(who, right) };
    }),
  );
  for (const r of results) assert.match(r.errorJson.error.message, /(mat|lat) in 7\.[ab]/, 'names the subject and class');
});

// ------------------------------------------------------------ substitutes

test('a substitute records the lesson and may mark absences and grades in it, not in the other lessons', async () => {
  // The substitution is set first, by a deputy: a teacher cannot name themselves the substitute.
  await setup([['substitution', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-06', '--number', '1', '--teacher', 'T03', '--as', 'D01']]);
  const lesson = await run(['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-06', '--number', '1', '--topic', 'Aizvietošana', '--substitute-for', 'T01', '--as', 'T03', '--json']);
  assert.is(lesson.code, 0, lesson.stderr);
  assert.is(lesson.json.teacher, 'T03');
  assert.is(lesson.json.substitute_for, 'T01');
  const id = String(lesson.json.id);
  const absence = await run(['absence', 'mark', '--lesson', id, '--student', 'S001', '--as', 'T03', '--json']);
  assert.is(absence.code, 0, absence.stderr);
  assert.is(absence.json[0].marked_by, 'T03');
  const grade = await run(['grade', 'enter', '--lesson', id, '--student', 'S002', '--value', '9', '--as', 'T03', '--json']);
  assert.is(grade.code, 0, grade.stderr);
  assert.is(grade.json[0].created_by, 'T03');
  const topic = await run(['lesson', 'set', id, '--homework', '7. uzd.', '--as', 'T03', '--json']);
  assert.is(topic.code, 0, topic.stderr);
  // The assigned teacher's own lessons stay closed to the substitute.
  await refusedAll([
    { label: 'substitute, other lesson: absence', args: ['absence', 'mark', '--lesson', String(L.mat7a), '--student', 'S002', '--as', 'T03'], error: 'forbidden', message: forbiddenMessage('T03', 'mark absences') },
    { label: 'substitute, other lesson: grade', args: ['grade', 'enter', '--lesson', String(L.mat7a), '--student', 'S002', '--value', '9', '--as', 'T03'], error: 'forbidden', message: forbiddenMessage('T03', 'enter grades') },
    { label: 'substitute, grade without a lesson', args: ['grade', 'enter', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-06', '--student', 'S002=9', '--as', 'T03'], error: 'forbidden', message: forbiddenMessage('T03', 'enter grades') },
    { label: 'substitute, topic of the other lesson', args: ['lesson', 'set', String(L.mat7a), '--topic', 'X', '--as', 'T03'], error: 'forbidden', message: forbiddenMessage('T03', 'record lessons') },
  ]);
  // The lists show it as a substituted lesson.
  const listed = (await read(['lesson', 'list', '--teacher', 'T03'])) as { id: number; substitute_for: string | null }[];
  assert.equal(listed.find((l) => l.id === Number(id))?.substitute_for, 'T01');
});

test('substitution rules: only a teacher substitutes, and only for the assigned teacher', async () => {
  await refusedAll([
    // A nurse is no teacher: refused as not permitted or as invalid data, either way naming N01.
    { label: 'a nurse substituting', args: ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-08', '--number', '2', '--topic', 'X', '--substitute-for', 'T01', '--as', 'N01'], error: ['forbidden', 'invalid'], message: /N01/ },
    { label: 'substituting for a teacher who does not teach it', args: ['lesson', 'add', '--class', '7.a', '--subject', 'lat', '--date', '2026-10-08', '--number', '2', '--topic', 'X', '--substitute-for', 'T01', '--as', 'T03'], error: 'invalid', message: /T01/ },
    { label: 'substituting for oneself', args: ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-08', '--number', '2', '--topic', 'X', '--substitute-for', 'T01', '--as', 'T01'], error: 'invalid', message: /themselves/ },
  ]);
});

// ------------------------------------------------------------ class teachers

test('only the class teacher (or a deputy/admin) justifies absences', async () => {
  // S001 was marked n in mat7a by T01.
  const justify = (who: string, from = '2026-10-05', to = from) => ['absence', 'justify', '--student', 'S001', '--from', from, '--to', to, '--reason', 'illness', '--as', who];
  await refusedAll([
    { label: 'a subject teacher of the class justifies', args: justify('T02'), error: 'forbidden', message: forbiddenMessage('T02', 'justify absences') },
    { label: 'the subject teacher who marked it justifies', args: justify('T03', '2026-10-05', '2026-10-06'), error: 'forbidden', message: forbiddenMessage('T03', 'justify absences') },
    { label: 'another class\'s class teacher justifies', args: justify('T04'), error: 'forbidden', message: forbiddenMessage('T04', 'justify absences') },
    { label: 'a nurse justifies', args: justify('N01'), error: 'forbidden', message: forbiddenMessage('N01', 'justify absences') },
    { label: 'a subject teacher justifies a range with nothing in it', args: justify('T02', '2026-09-01', '2026-09-04'), error: 'forbidden', message: forbiddenMessage('T02', 'justify absences') },
  ]);
  const r = await run(['absence', 'justify', '--student', 'S001', '--from', '2026-10-05', '--reason', 'illness', '--as', 'T01', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.json.map((a: { code: string; decided_by: string }) => [a.code, a.decided_by]), [['ns', 'T01']]);
});

test('a deputy and an admin may justify absences of any class', async () => {
  await setup([
    ['absence', 'mark', '--lesson', String(L.lat7a), '--student', 'S002', '--as', 'T02'],
    ['absence', 'mark', '--lesson', String(L.mat7b), '--student', 'S101', '--as', 'T03'],
  ]);
  const deputy = await run(['absence', 'justify', '--student', 'S002', '--from', '2026-10-05', '--reason', 'other', '--as', 'D01', '--json']);
  assert.is(deputy.code, 0, deputy.stderr);
  assert.equal(deputy.json.map((a: { code: string; decided_by: string }) => [a.code, a.decided_by]), [['nc', 'D01']]);
  const admin = await run(['absence', 'justify', '--student', 'S101', '--from', '2026-10-05', '--reason', 'illness', '--as', 'admin', '--json']);
  assert.is(admin.code, 0, admin.stderr);
  assert.equal(admin.json.map((a: { code: string; decided_by: string }) => [a.code, a.decided_by]), [['ns', 'admin']]);
});

test('the class teacher may correct absences of their class (remove, n → k); another class teacher may not', async () => {
  // S002's absence in lat7a was justified (nc) by the deputy above; S001 is marked n in lat7a by its teacher.
  await setup([['absence', 'mark', '--lesson', String(L.lat7a), '--student', 'S001', '--as', 'T02']]);
  await refusedAll([
    { label: 'another class teacher removes', args: ['absence', 'remove', '--lesson', String(L.lat7a), '--student', 'S001', '--yes', '--as', 'T04'], error: 'forbidden', message: forbiddenMessage('T04', 'correct absences') },
    { label: 'a teacher of another subject removes', args: ['absence', 'remove', '--lesson', String(L.lat7a), '--student', 'S001', '--yes', '--as', 'T03'], error: 'forbidden', message: forbiddenMessage('T03', 'correct absences') },
  ]);
  const removed = await run(['absence', 'remove', '--lesson', String(L.lat7a), '--student', 'S002', '--reason', 'Bija klāt', '--yes', '--as', 'T01', '--json']);
  assert.is(removed.code, 0, removed.stderr);
  assert.is(removed.json.removed, true);
  // REFERENCE §2: "Subject teachers and class teachers may correct absences": n → k is such a correction.
  const late = await run(['absence', 'mark', '--lesson', String(L.lat7a), '--student', 'S001', '--code', 'k', '--as', 'T01', '--json']);
  assert.is(late.code, 0, `the class teacher corrects n to k: ${late.stderr}`);
  assert.is(late.json[0].code, 'k');
});

test('the class teacher may correct grades of their class; another teacher may not', async () => {
  const [entered] = await setup([['grade', 'enter', '--lesson', String(L.lat7a), '--student', 'S001', '--value', '6', '--as', 'T02', '--json']]);
  const id = String(entered[0].id);
  const correct = (who: string) => ['grade', 'correct', id, '--value', '7', '--reason', 'Pārrēķināts', '--as', who];
  await refusedAll([
    { label: 'another class\'s class teacher corrects', args: correct('T04'), error: 'forbidden', message: forbiddenMessage('T04', 'correct grades') },
    { label: 'a teacher of another subject corrects', args: correct('T03'), error: 'forbidden', message: forbiddenMessage('T03', 'correct grades') },
    { label: 'a teacher of the same subject elsewhere corrects', args: correct('X01'), error: 'forbidden', message: forbiddenMessage('X01', 'correct grades') },
    { label: 'a nurse corrects', args: correct('N01'), error: 'forbidden', message: forbiddenMessage('N01', 'correct grades') },
  ]);
  const byClassTeacher = await run(['grade', 'correct', id, '--value', '7', '--reason', 'Pārrēķināts', '--as', 'T01', '--json']);
  assert.is(byClassTeacher.code, 0, byClassTeacher.stderr);
  assert.is(byClassTeacher.json.value, '7');
  assert.is(byClassTeacher.json.updated_by, 'T01');
  const bySubjectTeacher = await run(['grade', 'correct', id, '--value', '8', '--reason', 'Labots', '--as', 'T02', '--json']);
  assert.is(bySubjectTeacher.code, 0, bySubjectTeacher.stderr);
  const history = (await read(['grade', 'history', id])) as { changed_by: string; value_after: string }[];
  assert.equal(history.map((h) => [h.changed_by, h.value_after]), [['T02', '6'], ['T01', '7'], ['T02', '8']]);
});

test('the class teacher may update contact data of their class, not names; others may not', async () => {
  const phone = await run(['student', 'set', 'S001', '--phone', '+37129999998', '--as', 'T01', '--json']);
  assert.is(phone.code, 0, phone.stderr);
  assert.is(phone.json.phone, '+37129999998');
  await refusedAll([
    { label: 'class teacher renames a student', args: ['student', 'set', 'S001', '--last-name', 'Bērziņš-Ozols', '--as', 'T01'], error: 'forbidden', message: forbiddenMessage('T01', 'manage the school registry') },
    { label: 'subject teacher edits a phone', args: ['student', 'set', 'S001', '--phone', '+37129999997', '--as', 'T02'], error: 'forbidden', message: forbiddenMessage('T02', "edit a student's contact data") },
    { label: 'another class teacher edits a phone', args: ['student', 'set', 'S001', '--phone', '+37129999997', '--as', 'T04'], error: 'forbidden', message: forbiddenMessage('T04', "edit a student's contact data") },
    { label: 'subject teacher adds a guardian', args: ['guardian', 'add', '--student', 'S001', '--first-name', 'Ilze', '--last-name', 'Bērziņa', '--relation', 'mother', '--as', 'T02'], error: 'forbidden', message: forbiddenMessage('T02', "edit a student's contact data") },
  ]);
});

// ------------------------------------------------------------ registry

// A few representative commands: which commands need which right is the domain table's and the services' business.
const registryWrites: [string, string[], string][] = [
  ['staff set', ['staff', 'set', 'T02', '--role', 'teacher', '--role', 'deputy'], 'T02'],
  ['class set', ['class', 'set', '7.a', '--class-teacher', 'T04'], 'T01'],
  ['student move', ['student', 'move', 'S002', '--class', '7.b', '--date', '2026-11-02', '--yes'], 'T01'],
  ['assign add', ['assign', 'add', '--class', '7.a', '--subject', 'lat', '--teacher', 'T01'], 'T02'],
];

test(`exit 5: a teacher (even a class teacher) may not write the registry (${registryWrites.length} commands)`, async () => {
  await refusedAll(
    registryWrites.map(([label, args, who]) => ({ label: `${label} as ${who}`, args: [...args, '--as', who], error: 'forbidden' as const, message: forbiddenMessage(who, 'manage the school registry') })),
  );
});

test('a deputy writes the registry and in any class, in lessons of other teachers', async () => {
  const steps: [string, string[]][] = [
    ['staff add', ['staff', 'add', 'T10', '--first-name', 'Zane', '--last-name', 'Vītola', '--role', 'teacher']],
    ['class add', ['class', 'add', '8.a', '--class-teacher', 'T04']],
    ['lesson add for the assigned teacher', ['lesson', 'add', '--class', '7.a', '--subject', 'lat', '--date', '2026-10-09', '--number', '1', '--topic', 'Teikums']],
    ['absence mark', ['absence', 'mark', '--lesson', String(L.lat7b), '--student', 'S101']],
    ['grade enter', ['grade', 'enter', '--lesson', String(L.mat7b), '--student', 'S101', '--value', '5']],
    ['student set', ['student', 'set', 'S101', '--last-name', 'Krūmiņš-Kalns']],
  ];
  const results = await Promise.all(steps.map(([, args]) => cli([...args, '--as', 'D01', '--json'], env)));
  steps.forEach(([label], i) => assert.is(results[i]!.code, 0, `${label}: ${results[i]!.stderr}`));
  const lesson = await read(['lesson', 'list', '--class', '7.a', '--subject', 'lat', '--from', '2026-10-09', '--to', '2026-10-09']);
  assert.is(lesson[0].teacher, 'T02', 'a lesson added by the deputy belongs to the assigned teacher');
  assert.is(lesson[0].created_by, 'D01');
  const grades = await read(['grade', 'list', '--class', '7.b', '--subject', 'mat']);
  assert.equal(grades.map((g: { student: string; value: string; created_by: string }) => [g.student, g.value, g.created_by]), [['S101', '5', 'D01']]);
});

test('a deactivated staff member is refused, also for their own assignment', async () => {
  const deactivated = await run(['staff', 'set', 'X01', '--no-active', '--json']);
  assert.is(deactivated.code, 0, deactivated.stderr);
  assert.is(deactivated.json.active, false);
  await refusedAll([
    { label: 'grade enter', args: ['grade', 'enter', '--lesson', String(L.lat7b), '--student', 'S101', '--value', '7', '--as', 'X01'], error: 'forbidden', message: /X01.*deactivated/ },
    { label: 'via EZURNALS_USER', args: ['grade', 'enter', '--lesson', String(L.lat7b), '--student', 'S101', '--value', '7'], error: 'forbidden', message: /X01.*deactivated/, env: { EZURNALS_USER: 'X01' } },
  ]);
  // Re-activated, the assignment works again.
  await setup([['staff', 'set', 'X01', '--active']]);
  assert.is((await run(['grade', 'enter', '--lesson', String(L.lat7b), '--student', 'S101', '--value', '7', '--as', 'X01'])).code, 0);
});

test('an unknown author is exit 3, from --as and from EZURNALS_USER', async () => {
  await refusedAll([
    { label: 'unknown --as', args: ['grade', 'enter', '--lesson', String(L.mat7a), '--student', 'S001', '--value', '7', '--as', 'T99'], error: 'not_found', message: /T99/ },
    { label: 'unknown EZURNALS_USER', args: ['grade', 'enter', '--lesson', String(L.mat7a), '--student', 'S001', '--value', '7'], error: 'not_found', message: /T99.*EZURNALS_USER/, env: { EZURNALS_USER: 'T99' } },
  ]);
});

test('--as wins over EZURNALS_USER', async () => {
  const r = await run(['grade', 'enter', '--lesson', String(L.mat7a), '--student', 'S001', '--value', '4', '--as', 'T01', '--json'], { EZURNALS_USER: 'T02' });
  assert.is(r.code, 0, r.stderr);
  assert.is(r.json[0].created_by, 'T01');
  await refused('EZURNALS_USER=T01 but --as T02', ['grade', 'enter', '--lesson', String(L.mat7a), '--student', 'S001', '--value', '4', '--as', 'T02'], 'forbidden', /T02/, { EZURNALS_USER: 'T01' });
});

test.run();
