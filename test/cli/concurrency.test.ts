// Four processes writing to one database at once (issue 2, "Done when"):
// every `grade enter` must succeed (none fails with "database is locked") and
// nothing may be lost or doubled.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bin, binAsync } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';
import { runner } from './_helpers.ts';

const WRITERS = 4;
/**
 * Sequential `grade enter` calls per writer (one student per call): 4 × 25
 * keeps the four processes overlapping for long enough to contend for the
 * write lock many times. The full 4 × 200 takes minutes on the 2-core
 * test machine; it is `npm run stress` (scripts/stress.mjs), not a test.
 */
const CALLS_PER_WRITER = 25;

const t = tempDir('ezurnals-concurrency-');
const { env, setup } = runner(t.dbPath);

interface Writer {
  teacher: string;
  schoolClass: string;
  student: string;
  lesson: number;
}

const writers: Writer[] = [];

test.before(async () => {
  // The fixture is built in-process (fast); only the measured writes start the bin.
  await setup([
    ['init', '--school', 'Rīgas Parauga vidusskola', '--year', '2026/2027'],
    ['subject', 'add', 'mat', '--name', 'Matemātika'],
  ]);
  for (let k = 1; k <= WRITERS; k++) {
    const w = { teacher: `T0${k}`, schoolClass: `7.${'abcd'[k - 1]}`, student: `S00${k}`, lesson: 0 };
    const results = await setup([
      ['staff', 'add', w.teacher, '--first-name', 'Skolotājs', '--last-name', `Nr${k}`, '--role', 'teacher'],
      ['class', 'add', w.schoolClass, '--level', '7'],
      ['student', 'add', w.student, '--first-name', 'Jānis', '--last-name', `Bērziņš${k}`, '--class', w.schoolClass],
      ['assign', 'add', '--class', w.schoolClass, '--subject', 'mat', '--teacher', w.teacher],
      ['lesson', 'add', '--class', w.schoolClass, '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'Daļskaitļi', '--as', w.teacher, '--json'],
    ]);
    w.lesson = results[4].id;
    writers.push(w);
  }
});

test.after(() => t.cleanup());

const valueFor = (i: number) => String((i % 10) + 1);
const noteFor = (k: number, i: number) => `w${k}-${i}`;

test(`${WRITERS} concurrent writers × ${CALLS_PER_WRITER} grade enter each: all succeed, nothing lost`, async () => {
  const started = Date.now();
  const failures: string[] = [];
  await Promise.all(
    writers.map(async (w, k) => {
      for (let i = 0; i < CALLS_PER_WRITER; i++) {
        const r = await binAsync(
          ['grade', 'enter', '--lesson', String(w.lesson), '--student', w.student, '--value', valueFor(i), '--note', noteFor(k, i), '--as', w.teacher],
          { EZURNALS_DB: t.dbPath },
        );
        if (r.code !== 0) failures.push(`writer ${k} call ${i}: exit ${r.code}: ${r.stderr.trim()}`);
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  process.stderr.write(`  concurrency: ${WRITERS * CALLS_PER_WRITER} grade enter in ${seconds.toFixed(1)} s\n`);
  assert.equal(failures, [], failures.slice(0, 5).join('\n'));

  const all = bin(['grade', 'list', '--json'], env);
  assert.is(all.code, 0, all.stderr);
  assert.ok(Array.isArray(all.json));
  assert.is(all.json.length, WRITERS * CALLS_PER_WRITER);
  assert.is(new Set(all.json.map((g: { id: number }) => g.id)).size, WRITERS * CALLS_PER_WRITER, 'ids are unique');

  writers.forEach((w, k) => {
    const mine = all.json.filter((g: { class: string }) => g.class === w.schoolClass);
    assert.is(mine.length, CALLS_PER_WRITER, `writer ${k} (${w.schoolClass})`);
    const byNote = new Map<string, { value: string; student: string; lesson_id: number; created_by: string }>(mine.map((g: { note: string }) => [g.note, g]));
    assert.is(byNote.size, CALLS_PER_WRITER, `writer ${k}: every call stored exactly once`);
    for (let i = 0; i < CALLS_PER_WRITER; i++) {
      const g = byNote.get(noteFor(k, i));
      assert.ok(g, `writer ${k} call ${i} is missing`);
      assert.is(g!.value, valueFor(i));
      assert.is(g!.student, w.student);
      assert.is(g!.lesson_id, w.lesson);
      assert.is(g!.created_by, w.teacher);
    }
  });
});

test.run();
