// The questions `grade enter` asks on a terminal, answered by the test through an injected prompter.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { usePrompter, type Choice, type Prompter } from '../../src/cli/prompt.ts';
import { EXAMPLE_SCHOOL, runner } from './_helpers.ts';
import { cli as inProcess } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';

interface Asked {
  kind: 'input' | 'select' | 'confirm';
  message: string;
  choices?: string[];
}

/** A prompter that answers in order and records every question with the choices offered. */
function answering(answers: string[]): { prompter: Prompter; asked: Asked[] } {
  const asked: Asked[] = [];
  const next = () => {
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`asked more than answered: ${JSON.stringify(asked.at(-1))}`);
    return answer;
  };
  return {
    asked,
    prompter: {
      input: async ({ message }) => (asked.push({ kind: 'input', message }), next()),
      select: async ({ message, choices }: { message: string; choices: Choice[] }) => {
        asked.push({ kind: 'select', message, choices: choices.map((c) => c.value) });
        const answer = next();
        if (!choices.some((c) => c.value === answer)) throw new Error(`"${answer}" is not among the choices offered for ${message}: ${choices.map((c) => c.value).join(', ')}`);
        return answer;
      },
      confirm: async ({ message }) => (asked.push({ kind: 'confirm', message }), next() === 'y'),
    },
  };
}

const t = tempDir('ezurnals-prompt-helpers-');
const { env, setup, read } = runner(t.dbPath);
let lessonId = '';

test.before(async () => {
  await setup([
    ...EXAMPLE_SCHOOL,
    ['subject', 'add', 'fiz', '--name', 'Fizika'],
    ['assign', 'add', '--class', '7.a', '--subject', 'fiz', '--teacher', 'T02'],
    ['class', 'add', '7.b', '--level', '7'],
    ['student', 'add', 'S002', '--first-name', 'Anna', '--last-name', 'Ozola', '--class', '7.a'],
    ['student', 'add', 'S101', '--first-name', 'Pēteris', '--last-name', 'Kalns', '--class', '7.b'],
  ]);
  const [lesson] = await setup([['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'Daļskaitļi', '--as', 'T01', '--json']]);
  lessonId = String(lesson.id);
});

test.after.each(() => usePrompter(undefined));
test.after(() => t.cleanup());

test('grade enter: the subject list holds only the teacher’s subjects, the student is picked from the class, a wrong grade is asked again', async () => {
  const { prompter, asked } = answering(['7.a', 'mat', lessonId, 'S002', 'x', '11', '8']);
  usePrompter(prompter);
  const r = await inProcess(['grade', 'enter', '--as', 'T01', '--json'], env);
  assert.is(r.code, 0, r.stderr);
  const subject = asked.find((a) => a.message === 'Subject')!;
  // 7.a has mat (T01) and fiz (T02): T01 is offered mat only.
  assert.equal(subject.choices, ['mat']);
  const student = asked.find((a) => a.message === 'Student')!;
  assert.equal(student.kind, 'select');
  // The class's students in surname order, and not 7.b's S101.
  assert.equal(student.choices, ['S001', 'S002']);
  const grades = asked.filter((a) => a.kind === 'input');
  assert.is(grades.length, 3, 'asked for the grade three times');
  assert.is(grades[0]!.message, 'Grade');
  assert.match(grades[1]!.message, /"x" is not on the scale.*try again/);
  assert.match(grades[2]!.message, /"11" is not on the scale.*1–10/);
  const stored = (await read(['grade', 'list', '--class', '7.a', '--subject', 'mat'])) as { student: string; value: string }[];
  assert.equal(stored.map((g) => [g.student, g.value]), [['S002', '8']]);
});

test('someone who teaches nothing in the class is offered every subject of the class', async () => {
  const { prompter, asked } = answering(['7.a', 'fiz', '06.10.2026', '2', 'Spēks']);
  usePrompter(prompter);
  const r = await inProcess(['lesson', 'add', '--as', 'admin', '--json'], env);
  assert.is(r.code, 0, r.stderr);
  assert.equal(asked.find((a) => a.message === 'Subject')!.choices!.sort(), ['fiz', 'mat']);
  assert.equal([r.json.subject, r.json.date], ['fiz', '2026-10-06']);
});

test('lesson add: a date or lesson number that is none is asked again', async () => {
  const { prompter, asked } = answering(['7.a', 'mat', '2026-13-01', '2026-10-07', '1e1', '13', '3', 'Procenti']);
  usePrompter(prompter);
  const r = await inProcess(['lesson', 'add', '--as', 'T01', '--json'], env);
  assert.is(r.code, 0, r.stderr);
  const inputs = asked.filter((a) => a.kind === 'input').map((a) => a.message);
  assert.match(inputs[1]!, /"2026-13-01" is not a date/);
  assert.match(inputs[3]!, /"1e1" is not a lesson number 0–12/);
  assert.match(inputs[4]!, /"13" is not a lesson number/);
  assert.equal([r.json.date, r.json.number], ['2026-10-07', 3]);
});

test('five wrong answers end in a usage error naming the problem, and nothing is written', async () => {
  const before = (await read(['grade', 'list', '--class', '7.a'])).length;
  const { prompter } = answering(['S001', 'x', 'y', 'z', '0', '99']);
  usePrompter(prompter);
  const r = await inProcess(['grade', 'enter', '--lesson', lessonId, '--as', 'T01'], env);
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stderr, /--value: grade "99" is not on the scale/);
  assert.is((await read(['grade', 'list', '--class', '7.a'])).length, before);
});

test.run();
