// A school copied whole (src/db/copy.ts, `ezurnals db copy`): on whichever
// dialect the suite runs, into a new database of the same dialect; the audit
// chain comes along and verifies, and every table reads back the same.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openDatabase } from '../../src/db/connection.ts';
import { dumpDatabase } from '../../src/db/dump.ts';
import { auditHead } from '../../src/db/dialect.ts';
import { copySchool } from '../../src/db/copy.ts';
import { verifyAudit } from '../../src/services/audit.ts';
import { addLesson } from '../../src/services/lessons.ts';
import { enterGrades } from '../../src/services/grades.ts';
import { contextAs, inTx, smallSchool } from '../services/fixtures.ts';
import { tempDir } from '../support/school.ts';
import { runner } from '../cli/_helpers.ts';

const Copy = suite('db copy');

Copy('a school copied whole reads back the same, and its audit chain verifies with the same head', async () => {
  const s = await smallSchool();
  const t = tempDir();
  try {
    await s.as('T01', async (ctx) => {
      const lesson = await addLesson(ctx, { class: '7.a', subject: 'mat', date: '2026-11-23', number: 2, topic: 'Daļskaitļi' });
      await enterGrades(ctx, { lesson: String(lesson.id), students: ['S001'], value: '8', work: 'test' });
    });
    const target = await openDatabase(t.dbPath, { create: true });
    try {
      const result = await copySchool(s.db, target);
      assert.ok(result.auditEntries > 50, `audit entries copied: ${result.auditEntries}`);
      assert.is(await dumpDatabase(target), await dumpDatabase(s.db));
      assert.equal(await auditHead(target), await auditHead(s.db));
      const verdict = await verifyAudit(await contextAs(target, 'admin'));
      assert.is(verdict.entries, result.auditEntries);
      // The copy goes on as a journal of its own: the next write extends the same chain.
      const before = (await auditHead(target))!.position;
      await inTx(await contextAs(target, 'T01'), (ctx) => addLesson(ctx, { class: '7.a', subject: 'mat', date: '2026-11-24', number: 1, topic: 'Procenti' }));
      assert.ok((await auditHead(target))!.position > before);
      assert.is((await verifyAudit(await contextAs(target, 'admin'))).head!.position, (await auditHead(target))!.position);
    } finally {
      await target.destroy();
    }
  } finally {
    await s.cleanup();
    t.cleanup();
  }
});

Copy('db copy refuses a target that holds a school, and leaves both as they were', async () => {
  const s = await smallSchool();
  const other = await smallSchool();
  try {
    const { refused } = runner(s.dbPath);
    await refused('into an existing school', ['db', 'copy', s.dbPath, other.dbPath], 'conflict', /already exists|already holds/);
  } finally {
    await s.cleanup();
    await other.cleanup();
  }
});

Copy.run();
