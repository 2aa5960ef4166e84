// The staff's read-only journal grid of the web diary (src/services/journal-grid.ts) with groups (issue 19):
// a group's teacher finds the group's class and subject, assigned to the class or not; a group lesson is
// labelled with its group and its non-members' cells read "–".
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { gridChoices, journalGrid } from '../../src/services/journal-grid.ts';
import { addGroup, addGroupMembers } from '../../src/services/groups.ts';
import { addLesson } from '../../src/services/lessons.ts';
import { enterGrades } from '../../src/services/grades.ts';
import { smallSchool, type SmallSchool } from './fixtures.ts';

const Grid = suite('journal grid');
let s: SmallSchool;
Grid.before.each(async () => {
  s = await smallSchool();
});
Grid.after.each(() => s.cleanup());

Grid('a group teacher not assigned to the class sees the group lessons, members graded, non-members as –', async () => {
  await s.as('admin', (c) => addGroup(c, '7a-sp1', { subject: 'sp', teachers: ['T04'], classes: ['7.a'] }));
  await s.as('admin', (c) => addGroupMembers(c, '7a-sp1', { students: ['S001', 'S002'], from: '2026-09-01' }));
  const lesson = await s.as('T04', (c) => addLesson(c, { class: '7.a', subject: 'sp', date: '2026-11-25', number: 3, topic: 'Volejbols', group: '7a-sp1' }));
  await s.as('T04', (c) => enterGrades(c, { lesson: String(lesson.id), students: ['S001=9'] }));
  const ctx = await s.ctx('T04');
  const choices = await gridChoices(ctx);
  assert.equal(choices.map((c) => `${c.class}/${c.subject}`), ['7.a/sp']);
  const grid = await journalGrid(ctx, '7.a', 'sp', '2026-11');
  assert.equal(grid.lessons.map((l) => [l.date, l.group]), [['2026-11-25', '7a-sp1']]);
  const cells = Object.fromEntries(grid.rows.map((r) => [r.student, r.cells[0]]));
  assert.equal(cells, { S001: '9', S002: '', S003: '–' });
  // Another teacher of the school who teaches neither the class nor the group does not.
  const other = await s.ctx('T03');
  assert.equal((await gridChoices(other)).map((c) => c.class), ['2.a']);
  await journalGrid(other, '7.a', 'sp', '2026-11').then(
    () => assert.unreachable('T03 read 7.a'),
    (error: Error) => assert.match(error.message, /No such journal page/),
  );
});

Grid.run();
