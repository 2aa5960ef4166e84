import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { smallSchool } from '../services/fixtures.ts';
import { tempDir } from '../support/school.ts';
import { lineWith, pdfText } from '../support/pdf.ts';
import { runner } from './_helpers.ts';

/*
 * 7.a (S001 Jānis, S002 Anna, S003 Zane) splits for English: 7a-ang1 (T05: S001, S002), 7a-ang2 (T06: S003).
 * Sport 7-sp (T02) crosses 7.a and 7.b: S001 and S004 (7.b).
 */
const school = await smallSchool();
const out = tempDir('ezurnals-groups-');
const { run, refused, refusedAll, setup, read } = runner(school.dbPath);

test.after(async () => {
  await school.cleanup();
  out.cleanup();
});

let ang1: any;
let ang2: any;
let sport: any;

test('groups are added with subject, teachers and classes, members join from a day, and list and show read back', async () => {
  await setup([
    ['staff', 'add', 'T05', '--first-name', 'Līga', '--last-name', 'Ozola', '--role', 'teacher'],
    ['staff', 'add', 'T06', '--first-name', 'Mārtiņš', '--last-name', 'Kalns', '--role', 'teacher'],
    ['subject', 'add', 'ang', '--name', 'Angļu valoda'],
    ['group', 'add', '7a-ang1', '--subject', 'ang', '--teacher', 'T05', '--class', '7.a', '--name', 'Angļu valoda, 1. grupa'],
    ['group', 'add', '7a-ang2', '--subject', 'ang', '--teacher', 'T06', '--class', '7.a'],
    ['group', 'add', '7-sp', '--subject', 'sp', '--teacher', 'T02'],
    ['group', 'member', 'add', '7a-ang1', '--student', 'S001', '--student', 'S002', '--from', '2026-09-01'],
    ['group', 'member', 'add', '7a-ang2', '--student', 'S003', '--from', '2026-09-01'],
    ['group', 'member', 'add', '7-sp', '--student', 'S001', '--student', 'S004', '--from', '2026-09-01'],
  ]);
  const list = await read(['group', 'list']);
  assert.equal(list.map((g: any) => [g.code, g.subject, g.teachers, g.classes, g.members]), [
    ['7-sp', 'sp', ['T02'], ['7.a', '7.b'], 2],
    ['7a-ang1', 'ang', ['T05'], ['7.a'], 2],
    ['7a-ang2', 'ang', ['T06'], ['7.a'], 1],
  ]);
  assert.equal((await read(['group', 'list', '--class', '7.b'])).map((g: any) => g.code), ['7-sp']);
  assert.equal((await read(['group', 'list', '--teacher', 'T05'])).map((g: any) => g.code), ['7a-ang1']);
  const shown = await read(['group', 'show', '7a-ang1']);
  assert.is(shown.name, 'Angļu valoda, 1. grupa');
  assert.equal(shown.memberships.map((m: any) => [m.student, m.class, m.from, m.to]), [['S002', '7.a', '2026-09-01', null], ['S001', '7.a', '2026-09-01', null]]);
  const table = await run(['group', 'show', '7a-ang1']);
  assert.is(table.code, 0);
  assert.match(table.stdout, 'Līga Ozola (T05)');
  assert.match(table.stdout, 'Jānis Bērziņš');
});

test('group refusals: a second code, unknown subject or teacher, no teacher, a member twice, a student in no class', async () => {
  await refusedAll([
    { label: 'code taken', args: ['group', 'add', '7a-ang1', '--subject', 'ang', '--teacher', 'T05'], error: 'conflict', message: /already exists/ },
    { label: 'no teacher', args: ['group', 'add', '7a-x', '--subject', 'ang'], error: 'usage', message: /teacher/ },
    { label: 'unknown subject', args: ['group', 'add', '7a-x', '--subject', 'xyz', '--teacher', 'T05'], error: 'not_found' },
    { label: 'not a teacher', args: ['group', 'add', '7a-x', '--subject', 'ang', '--teacher', 'N01'], error: 'invalid', message: /no teacher role/ },
    { label: 'bad code', args: ['group', 'add', '7a ang', '--subject', 'ang', '--teacher', 'T05'], error: 'invalid' },
    { label: 'member twice', args: ['group', 'member', 'add', '7a-ang1', '--student', 'S001', '--from', '2026-10-01'], error: 'conflict', message: /already in group 7a-ang1/ },
    { label: 'a teacher may not add groups', args: ['group', 'add', '7a-y', '--subject', 'ang', '--teacher', 'T05', '--as', 'T05'], error: 'forbidden' },
    { label: 'unknown group', args: ['group', 'show', 'nav'], error: 'not_found' },
  ]);
});

test('two groups of a class share a slot; the whole class and the same group or teacher there conflict (exit 6)', async () => {
  [ang1] = await setup([['lesson', 'add', '--group', '7a-ang1', '--date', '2026-10-05', '--number', '3', '--topic', 'Present Simple', '--homework', '5. lpp.', '--as', 'T05', '--json']]);
  [ang2] = await setup([['lesson', 'add', '--group', '7a-ang2', '--date', '2026-10-05', '--number', '3', '--topic', 'Past Simple', '--as', 'T06', '--json']]);
  assert.is(ang1.group, '7a-ang1');
  assert.is(ang1.class, '7.a');
  assert.is(ang1.subject, 'ang');
  assert.is(ang2.teacher, 'T06');
  await refusedAll([
    { label: 'whole class in the groups slot', args: ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '3', '--topic', 'X', '--as', 'T01'], error: 'conflict', message: /7\.a already has lesson 3 on 2026-10-05: ang of group 7a-ang1 .* with S001, S002 in both/ },
    { label: 'the group twice', args: ['lesson', 'add', '--group', '7a-ang1', '--date', '2026-10-05', '--number', '3', '--topic', 'X', '--as', 'T05'], error: 'conflict', message: /group 7a-ang1/ },
  ]);
  // A group lesson where the class already has its whole-class lesson: its members are in both.
  await setup([['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-06', '--number', '2', '--topic', 'Procenti', '--as', 'T01']]);
  await refused('group in the whole class slot', ['lesson', 'add', '--group', '7a-ang2', '--date', '2026-10-06', '--number', '2', '--topic', 'X', '--as', 'T06'], 'conflict', /mat \(id \d+\), with S003 in both/);
  await refused('a teacher of another group', ['lesson', 'add', '--group', '7a-ang1', '--date', '2026-10-07', '--number', '1', '--topic', 'X', '--as', 'T06'], 'forbidden');
  await setup([['group', 'add', '7a-ang3', '--subject', 'ang', '--teacher', 'T05', '--class', '7.a']]);
  await refused('a group with no members that day', ['lesson', 'add', '--group', '7a-ang3', '--date', '2026-10-07', '--number', '1', '--topic', 'X', '--as', 'T05'], 'invalid', /Group 7a-ang3 has no members on 2026-10-07/);
  // The same teacher in two groups of the class at once.
  await setup([['group', 'member', 'add', '7a-ang3', '--student', 'S003', '--from', '2026-11-01']]);

});

test('absences and grades only for members (exit 4 naming the group); only the group teacher grades it (exit 5)', async () => {
  await refusedAll([
    { label: 'absence of a non-member', args: ['absence', 'mark', '--lesson', String(ang1.id), '--student', 'S003', '--as', 'T05'], error: 'invalid', message: /\(S003\) is not in group 7a-ang1 on 2026-10-05/ },
    { label: 'grade of a non-member', args: ['grade', 'enter', '--lesson', String(ang1.id), '--student', 'S003', '--value', '7', '--as', 'T05'], error: 'invalid', message: /not in group 7a-ang1/ },
    { label: 'the teacher of group 2 grades group 1', args: ['grade', 'enter', '--lesson', String(ang1.id), '--student', 'S001', '--value', '7', '--as', 'T06'], error: 'forbidden', message: /group 7a-ang1/ },
    { label: 'the teacher of group 2 marks group 1', args: ['absence', 'mark', '--lesson', String(ang1.id), '--student', 'S001', '--as', 'T06'], error: 'forbidden' },
  ]);
  await setup([
    ['grade', 'enter', '--lesson', String(ang1.id), '--student', 'S001=9', '--student', 'S002=6', '--as', 'T05'],
    ['absence', 'mark', '--lesson', String(ang2.id), '--student', 'S003', '--as', 'T06'],
  ]);
  const grades = await read(['grade', 'list', '--class', '7.a', '--subject', 'ang']);
  assert.equal(grades.map((g: any) => [g.student, g.value]).sort(), [['S001', '9'], ['S002', '6']]);
});

test('a group across classes: one lesson, a row per class; a 7.b student is graded through the 7.a row and filed in 7.b', async () => {
  [sport] = await setup([['lesson', 'add', '--group', '7-sp', '--date', '2026-10-08', '--number', '5', '--topic', 'Basketbols', '--as', 'T02', '--json']]);
  const rows = (await read(['lesson', 'list', '--from', '2026-10-08', '--to', '2026-10-08'])).filter((l: any) => l.group === '7-sp');
  assert.equal(rows.map((l: any) => l.class), ['7.a', '7.b']);
  await setup([['grade', 'enter', '--lesson', String(sport.id), '--student', 'S004=8', '--student', 'S001=10', '--as', 'T02']]);
  const grades = await read(['grade', 'list', '--subject', 'sp']);
  assert.equal(grades.map((g: any) => [g.student, g.class, g.value]).sort(), [['S001', '7.a', '10'], ['S004', '7.b', '8']]);
  await refused('7.b student not in the group', ['grade', 'enter', '--lesson', String(sport.id), '--student', 'S005=8', '--as', 'T02'], ['invalid', 'not_found']);
});

test('a member leaves: later lessons refuse them, earlier ones keep them; with grades after the day it is refused', async () => {
  await refused('grades after the end', ['group', 'member', 'remove', '7a-ang1', '--student', 'S002', '--to', '2026-10-01'], 'invalid', /1 grade\(s\) or absence\(s\)/);
  const r = await setup([['group', 'member', 'remove', '7a-ang1', '--student', 'S002', '--to', '2026-10-31', '--json']]);
  assert.equal(r[0].memberships.find((m: any) => m.student === 'S002').to, '2026-10-31');
  const [later] = await setup([['lesson', 'add', '--group', '7a-ang1', '--date', '2026-11-02', '--number', '3', '--topic', 'Future', '--as', 'T05', '--json']]);
  await refused('one teacher in two groups of a slot', ['lesson', 'add', '--group', '7a-ang3', '--date', '2026-11-02', '--number', '3', '--topic', 'X', '--as', 'T05'], 'conflict', /ang of group 7a-ang1 \(id \d+\), taught by the same teacher/);
  await refused('former member', ['grade', 'enter', '--lesson', String(later.id), '--student', 'S002=7', '--as', 'T05'], 'invalid', /\(S002\) is not in group 7a-ang1 on 2026-11-02/);
});

test('printed: the group lessons grade on the extract, and each member counts their own group lessons on the card', async () => {
  const dir = join(out.dir, 'pdf');
  const extract = await run(['report', 'extract', '--month', '2026-10', '--student', 'S001', '--student', 'S004', '--out', dir]);
  assert.is(extract.code, 0, extract.stderr);
  const janis = pdfText(join(dir, '2026-10_7a_berzins-janis.pdf'));
  assert.match(lineWith(janis, 'Angļu valoda'), /Angļu valoda\s+9\b/);
  assert.match(lineWith(janis, 'Sports'), /Sports\s+.*10\b/);
  const oskars = pdfText(join(dir, '2026-10_7b_ozols-oskars.pdf'));
  assert.match(lineWith(oskars, 'Sports'), /Sports\s+.*8\b/);
  assert.not.ok(oskars.includes('Angļu valoda'), 'a 7.b student in no English group has no English row');

  const card = await run(['report', 'card', '--term', '1', '--student', 'S001', '--student', 'S002', '--student', 'S003', '--out', dir]);
  assert.is(card.code, 0, card.stderr);
  const files = { S001: 'berzins-janis', S002: 'abele-anna', S003: 'ziemele-zane' };
  const lessons = (code: keyof typeof files, subject: string) => {
    const text = pdfText(join(dir, `2026-2027_sem1_7a_${files[code]}.pdf`));
    return lineWith(text, subject);
  };
  // 7a-ang1 met on 5.10. and 2.11.; Anna left it on 31.10.; Zane's 7a-ang2 met once; sport (across 7.a and 7.b) once.
  assert.match(lessons('S001', 'Angļu valoda'), /Angļu valoda\s+2$/);
  assert.match(lessons('S002', 'Angļu valoda'), /Angļu valoda\s+1$/);
  assert.match(lessons('S003', 'Angļu valoda'), /Angļu valoda\s+1$/);
  assert.match(lessons('S001', 'Sports'), /Sports\s+1$/);
  assert.not.ok(pdfText(join(dir, '2026-2027_sem1_7a_abele-anna.pdf')).includes('Sports'), 'Anna is in no sport group');
});

test('the semester extract (§28.1): a column per month of the semester, the group lessons grades in their month', async () => {
  const dir = join(out.dir, 'term');
  await refused('month and term', ['report', 'extract', '--term', '1', '--month', '2026-10', '--student', 'S001', '--out', dir], 'usage');
  await refused('the year is no semester', ['report', 'extract', '--term', 'year', '--student', 'S001', '--out', dir], 'usage');
  const r = await run(['report', 'extract', '--term', '1', '--student', 'S001', '--out', dir]);
  assert.is(r.code, 0, r.stderr);
  const text = pdfText(join(dir, '2026-2027_sem1_7a_berzins-janis.pdf'));
  assert.match(text, 'Sekmju izraksts');
  assert.match(text, /I semestris/);
  assert.match(lineWith(text, 'Mācību priekšmets'), /09\.2026 10\.2026 11\.2026 12\.2026/);
  assert.match(lineWith(text, 'Angļu valoda'), /Angļu valoda\s+9\b/);
  assert.match(lineWith(text, 'Sports'), /Sports\s+10\b/);
});

test('the teacher report shows a group as its own class and subject: its lessons, its members without grades', async () => {
  const t06 = await read(['report', 'teacher', '--teacher', 'T06', '--term', '1']);
  const pairs = t06.teachers[0].class_subjects;
  assert.equal(pairs.map((p: any) => [p.class, p.subject.code, p.lessons_held, p.students_without_grades.map((s: any) => s.code)]), [['7.a (7a-ang2)', 'ang', 1, ['S003']]]);
  const t05 = (await read(['report', 'teacher', '--teacher', 'T05', '--term', '1'])).teachers[0].class_subjects;
  assert.ok(t05.some((p: any) => p.class === '7.a (7a-ang1)' && p.lessons_held >= 2), JSON.stringify(t05));
});

test('the timetable holds group lessons side by side, and report missing expects each group its own lesson', async () => {
  await setup([
    ['timetable', 'set', '--group', '7a-ang1', '--weekday', '1', '--number', '3', '--from', '2026-11-02', '--as', 'D01'],
    ['timetable', 'set', '--group', '7a-ang2', '--weekday', '1', '--number', '3', '--teacher', 'T06', '--from', '2026-11-02', '--as', 'D01'],
  ]);
  const slots = (await read(['timetable', 'list', '--class', '7.a', '--on', '2026-11-02'])).filter((s: any) => s.weekday === 1 && s.number === 3);
  assert.equal(slots.map((s: any) => [s.group, s.teacher]), [['7a-ang1', 'T05'], ['7a-ang2', 'T06']]);
  // 2.11.: 7a-ang1 has its lesson ("Future"), 7a-ang2 has none.
  const missing = await read(['report', 'missing', '--date', '2026-11-02', '--class', '7.a']);
  const text = JSON.stringify(missing);
  assert.match(text, 'T06');
  assert.not.match(text, '"T05"');
  // The whole class's lesson takes the place from both groups.
  await setup([['timetable', 'set', '--class', '7.a', '--weekday', '1', '--number', '3', '--subject', 'mat', '--from', '2026-11-09', '--as', 'D01']]);
  const later = (await read(['timetable', 'list', '--class', '7.a', '--on', '2026-11-09'])).filter((s: any) => s.weekday === 1 && s.number === 3);
  assert.equal(later.map((s: any) => [s.group, s.subject]), [[null, 'mat']]);
});

test('CSV import of groups, memberships, group lessons and their absences; a second import changes nothing; export reads back', async () => {
  const dir = join(out.dir, 'csv');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'groups.csv'), 'Grupa;Priekšmets;Skolotāji;Klases;Nosaukums\n7b-ang1;ang;T05|T06;7.b;Angļu valoda 7.b\n');
  writeFileSync(join(dir, 'group_members.csv'), 'Grupa;Skolēns;No;Līdz\n7b-ang1;S004;01.09.2026;\n');
  writeFileSync(join(dir, 'lessons.csv'), 'Klase;Priekšmets;Datums;Stunda;Skolotājs;Tēma;Grupa\n7.b;ang;2026-10-07;2;T05;Colours;7b-ang1\n');
  writeFileSync(join(dir, 'absences.csv'), 'Klase;Priekšmets;Datums;Stunda;Skolēns;Atzīme\n7.b;ang;2026-10-07;2;S004;n\n');
  const first = await run(['import', 'bundle', dir, '--json']);
  assert.is(first.code, 0, first.stderr);
  assert.equal(first.json.map((k: any) => [k.kind, k.created]), [['groups', 1], ['group_members', 1], ['lessons', 1], ['absences', 1]]);
  const shown = await read(['group', 'show', '7b-ang1']);
  assert.equal([shown.teachers, shown.classes, shown.memberships.map((m: any) => m.student)], [['T05', 'T06'], ['7.b'], ['S004']]);
  const again = await run(['import', 'bundle', dir, '--json']);
  assert.is(again.code, 0, again.stderr);
  assert.equal(again.json.map((k: any) => [k.kind, k.created, k.updated, k.unchanged]), [['groups', 0, 0, 1], ['group_members', 0, 0, 1], ['lessons', 0, 0, 1], ['absences', 0, 0, 1]]);
  // An unknown group and a student twice in a group are problems at their lines; nothing is written.
  writeFileSync(join(dir, 'bad.csv'), 'Grupa;Skolēns;No\nnav-tādas;S004;01.09.2026\n7b-ang1;S004;01.10.2026\n');
  const bad = await run(['import', 'group_members', join(dir, 'bad.csv')]);
  assert.is(bad.code, 4, bad.stderr);
  assert.match(bad.stderr, 'bad.csv:2: column "Grupa": value "nav-tādas"');
  assert.match(bad.stderr, /bad\.csv:3: .*S004 is already in group 7b-ang1 then/);
  const exported = await run(['export', 'group_members', '--format', 'json']);
  assert.is(exported.code, 0, exported.stderr);
  assert.ok(JSON.parse(exported.stdout).some((r: any) => r.group === '7b-ang1' && r.student === 'S004' && r.from === '2026-09-01'));
  const lessons = await run(['export', 'lessons', '--format', 'json']);
  assert.ok(JSON.parse(lessons.stdout).some((l: any) => l.group === '7a-ang1' && l.topic === 'Present Simple'));
});

test.run();
