import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { decideStudent, promoteStudents } from '../../src/services/promotion.ts';
import { closeYear, verifyYearArchive } from '../../src/services/year-close.ts';
import { openYear } from '../../src/services/year-open.ts';
import { enterGrades } from '../../src/services/grades.ts';
import { loadCardData } from '../../src/reports/card.ts';
import { loadSummaryJournalData } from '../../src/reports/summary-journal.ts';
import { decisionHistory } from '../../src/db/repositories/promotion-decisions.ts';
import { tempDir } from '../support/school.ts';
import { schoolYearArchive } from '../support/archive.ts';
import { corruptTablePage } from '../support/corrupt.ts';
import { nativeDatabase, openDatabase } from '../../src/db/connection.ts';
import { currentAuditHead, verifyAudit } from '../../src/services/audit.ts';
import { formatHead, parseHead } from '../../src/domain/audit-chain.ts';
import { counts, rejects } from './fixtures.ts';
import { yearEndSchool } from './year-end-fixture.ts';
import { onSqlite } from '../support/postgres.ts';

const DECISION_TABLES = ['promotion_decision', 'school_year', 'school_class', 'enrollment', 'assignment'];

const outcomes = (rows: { student: string; outcome: string }[]) => Object.fromEntries(rows.map((r) => [r.student, r.outcome]));

test('year promote: proposals per student without --apply, nothing recorded', async () => {
  const s = await yearEndSchool();
  try {
    const before = await counts(s.db, ...DECISION_TABLES);
    const result = await s.as('D01', (c) => promoteStudents(c, { all: true }));
    assert.is(result.applied, false);
    assert.equal(
      result.students.map((r) => [r.class, r.student, r.proposal]),
      [
        ['2.a', 'S101', { kind: 'promoted', nextLevel: 3 }],
        ['7.a', 'S002', { kind: 'not-promoted', failing: ['Latviešu valoda', 'Matemātika'] }],
        ['7.a', 'S001', { kind: 'promoted', nextLevel: 8 }],
        ['7.a', 'S003', { kind: 'incomplete', missing: ['Latviešu valoda', 'Matemātika'] }],
        ['7.b', 'S004', { kind: 'makeup', subjects: ['Matemātika'] }],
        ['9.a', 'S901', { kind: 'completed', stage: 'basic' }],
        ['9.a', 'S902', { kind: 'certificate', stage: 'basic', failing: ['Matemātika'] }],
      ],
    );
    assert.equal(outcomes(result.students), { S101: 'new', S002: 'new', S001: 'new', S003: 'incomplete', S004: 'new', S901: 'new', S902: 'new' });
    assert.is(result.students.find((r) => r.student === 'S004')!.proposal_text, 'make-up exam required: Matemātika');
    assert.equal(await counts(s.db, ...DECISION_TABLES), before);
  } finally {
    await s.cleanup();
  }
});

test('year promote --apply records; again unchanged; after a make-up exam the changed proposal replaces it, keeping history', async () => {
  const s = await yearEndSchool();
  try {
    const first = await s.as('D01', (c) => promoteStudents(c, { class: ['7.b', '7.a'], apply: true }));
    assert.equal(outcomes(first.students), { S002: 'new', S001: 'new', S003: 'incomplete', S004: 'new' });
    assert.equal(first.students.find((r) => r.student === 'S001')!.recorded?.decided_by, 'D01');
    assert.is(first.students.find((r) => r.student === 'S003')!.recorded, null);
    const again = await s.as('admin', (c) => promoteStudents(c, { class: ['7.a', '7.b'], apply: true }));
    assert.equal(outcomes(again.students), { S002: 'unchanged', S001: 'unchanged', S003: 'incomplete', S004: 'unchanged' });

    // S004 passes the make-up exam in mat: the proposal becomes promotion.
    await s.as('T02', (c) => enterGrades(c, { class: '7.b', subject: 'mat', work: 'makeup', students: ['S004=5'], date: '2027-06-15' }));
    const after = await s.as('admin', (c) => promoteStudents(c, { class: ['7.b'], apply: true }));
    assert.equal(after.students.map((r) => [r.student, r.outcome, r.recorded?.decision, r.recorded?.decided_by]), [['S004', 'changed', { kind: 'promoted', nextLevel: 8 }, 'admin']]);
    const yearId = (await s.db.selectFrom('school_year').select('id').where('code', '=', '2026/2027').executeTakeFirstOrThrow()).id;
    const studentId = (await s.db.selectFrom('student').select('id').where('code', '=', 'S004').executeTakeFirstOrThrow()).id;
    const history = await decisionHistory(s.db, yearId, studentId);
    assert.equal(history.map((h) => [h.kind, h.decided_by, h.replaced_at !== null]), [['makeup', 'D01', true], ['promoted', 'admin', false]]);
  } finally {
    await s.cleanup();
  }
});

test("year decide: the council's decision overrides the proposal, is kept by --apply and replaced only with --replace", async () => {
  const s = await yearEndSchool();
  try {
    await s.as('D01', (c) => promoteStudents(c, { class: ['7.a'], apply: true }));
    const decided = await s.as('D01', (c) => decideStudent(c, { student: 'S002', decision: 'promoted', reason: 'Pedagoģiskās padomes sēde 10.06.2027' }));
    assert.equal(decided.recorded.decision, { kind: 'promoted', nextLevel: 8 });
    assert.is(decided.recorded.basis, 'council');
    assert.is(decided.replaced?.decision.kind, 'not-promoted');
    const kept = await s.as('D01', (c) => promoteStudents(c, { class: ['7.a'], apply: true }));
    assert.is(kept.students.find((r) => r.student === 'S002')!.outcome, 'council-kept');
    assert.is(kept.students.find((r) => r.student === 'S002')!.recorded?.decision.kind, 'promoted');
    const replaced = await s.as('D01', (c) => promoteStudents(c, { class: ['7.a'], apply: true, replace: true }));
    assert.is(replaced.students.find((r) => r.student === 'S002')!.outcome, 'changed');
    assert.is(replaced.students.find((r) => r.student === 'S002')!.recorded?.decision.kind, 'not-promoted');

    // A student without annual grades gets a decision only from the council.
    const makeup = await s.as('D01', (c) => decideStudent(c, { student: 'S003', decision: 'makeup', subject: ['mat', 'lv'], reason: 'slimības dēļ' }));
    assert.equal(makeup.recorded.decision, { kind: 'makeup', subjects: ['Matemātika', 'Latviešu valoda'] });
    assert.is(makeup.replaced, null);
  } finally {
    await s.cleanup();
  }
});

test('year decide and year promote refuse what the level cannot have, bad input, and anybody but admins and deputies, changing nothing', async () => {
  const s = await yearEndSchool();
  try {
    const before = await counts(s.db, ...DECISION_TABLES);
    await rejects(() => s.as('D01', (c) => decideStudent(c, { student: 'S001', decision: 'graduated', reason: 'x' })), 'invalid', '(S001) in 7.a', 'only grades 9 and 12');
    await rejects(() => s.as('D01', (c) => decideStudent(c, { student: 'S901', decision: 'promoted', reason: 'x' })), 'invalid', 'grade 9 ends basic education');
    await rejects(() => s.as('D01', (c) => decideStudent(c, { student: 'S001', decision: 'makeup', reason: 'x' })), 'invalid', 'names its subjects');
    await rejects(() => s.as('D01', (c) => decideStudent(c, { student: 'S001', decision: 'repeat' })), 'usage', '--reason');
    await rejects(() => s.as('D01', (c) => decideStudent(c, { student: 'S001', decision: 'stay', reason: 'x' })), 'usage', 'promoted, makeup, repeat, graduated, certificate');
    await rejects(() => s.as('T01', (c) => decideStudent(c, { student: 'S001', decision: 'repeat', reason: 'x' })), 'forbidden', 'record promotion decisions');
    await rejects(() => s.as('T01', (c) => promoteStudents(c, { class: ['7.a'], apply: true })), 'forbidden', 'only an admin or a deputy director may');
    await rejects(() => s.as('T01', (c) => promoteStudents(c, { class: ['7.a'] })), 'forbidden');
    await rejects(() => s.as('D01', (c) => promoteStudents(c, { class: ['7.a'], apply: true, dryRun: true })), 'usage', 'not both');
    await rejects(() => s.as('D01', (c) => promoteStudents(c, {})), 'usage', '--class CODE');
    await rejects(() => s.as('D01', (c) => promoteStudents(c, { class: ['8.z'] })), 'not_found', 'Unknown class 8.z');
    assert.equal(await counts(s.db, ...DECISION_TABLES), before);
  } finally {
    await s.cleanup();
  }
});

test('the annual card and the summary journal print the recorded decision, and the proposal marked as one before', async () => {
  const s = await yearEndSchool();
  try {
    const card = async () => (await s.as('admin', (c) => loadCardData(c, { term: 'year', class: ['7.a'] }))).students;
    const proposed = (await card()).find((st) => st.code === 'S002')!;
    assert.is(proposed.promotion?.kind, 'not-promoted');
    assert.is(proposed.promotion_record, null);
    await s.as('D01', (c) => decideStudent(c, { student: 'S002', decision: 'promoted', reason: 'padomes lēmums' }));
    const recorded = (await card()).find((st) => st.code === 'S002')!;
    assert.equal(recorded.promotion, { kind: 'promoted', nextLevel: 8 });
    assert.equal({ ...recorded.promotion_record, decided_at: '' }, { basis: 'council', decided_by: 'D01', decided_at: '' });
    const journal = await s.as('admin', (c) => loadSummaryJournalData(c, { class: ['7.a'] }));
    const row = journal.classes[0]!.students.find((st) => st.code === 'S002')!;
    assert.equal([row.promotion, row.promotion_record?.basis], [{ kind: 'promoted', nextLevel: 8 }, 'council']);
    assert.is(journal.classes[0]!.students.find((st) => st.code === 'S001')!.promotion_record, null);
  } finally {
    await s.cleanup();
  }
});

async function allDecided(s: Awaited<ReturnType<typeof yearEndSchool>>): Promise<void> {
  await s.as('D01', (c) => promoteStudents(c, { all: true, apply: true }));
  await s.as('D01', (c) => decideStudent(c, { student: 'S003', decision: 'promoted', reason: 'mācījās ģimenē; padomes lēmums' }));
  await s.as('T02', (c) => enterGrades(c, { class: '7.b', subject: 'mat', work: 'makeup', students: ['S004=2'], date: '2027-06-15' }));
  await s.as('D01', (c) => promoteStudents(c, { class: ['7.b'], apply: true }));
}

test('year open refuses while a student has no decision or a make-up exam pending, naming them, and changes nothing', async () => {
  const s = await yearEndSchool();
  try {
    await s.as('D01', (c) => promoteStudents(c, { all: true, apply: true }));
    const before = await counts(s.db, ...DECISION_TABLES);
    const missing = await rejects(() => s.as('admin', (c) => openYear(c, '2027/2028', {})), 'invalid', '1 student of 2026/2027 has no recorded promotion decision');
    assert.equal(missing.details, ['Zane Ziemele (S003, 7.a)']);
    await s.as('D01', (c) => decideStudent(c, { student: 'S003', decision: 'repeat', reason: 'padome' }));
    const pending = await rejects(() => s.as('admin', (c) => openYear(c, '2027/2028', {})), 'invalid', 'still has make-up exams');
    assert.equal(pending.details, ['Oskars Ozols (S004, 7.b): Matemātika']);
    await rejects(() => s.as('T01', (c) => openYear(c, '2027/2028', {})), 'forbidden');
    await rejects(() => s.as('admin', (c) => openYear(c, '2025/2026', { from: '2026/2027' })), 'invalid', 'does not come after');
    assert.equal(await counts(s.db, 'promotion_decision', 'school_year', 'school_class', 'enrollment', 'assignment'), { ...before, promotion_decision: before.promotion_decision! + 1 });
  } finally {
    await s.cleanup();
  }
});

test('year open: promoted students one grade up with their class teacher and teachers, repeaters stay, graduates leave', async () => {
  const s = await yearEndSchool();
  try {
    await allDecided(s);
    const before = await counts(s.db, ...DECISION_TABLES);
    const plan = await s.as('admin', (c) => openYear(c, '2027/2028', { carryAssignments: true, dryRun: true }));
    assert.equal(await counts(s.db, ...DECISION_TABLES), before, 'a dry run writes nothing');
    assert.equal(
      plan.classes.map((c) => [c.code, c.level, c.promoted_from, c.class_teacher, c.students.map((st) => `${st.code}:${st.from_class}`), c.assignments.map((a) => `${a.subject}:${a.teacher}`)]),
      [
        ['3.a', 3, '2.a', 'T03', ['S101:2.a'], ['mat:T03']],
        ['7.a', 7, null, null, ['S002:7.a'], []],
        ['7.b', 7, null, null, ['S004:7.b'], []],
        ['8.a', 8, '7.a', 'T01', ['S001:7.a', 'S003:7.a'], ['mat:T01', 'lv:T02']],
      ],
    );
    // 7.a's S002 repeats: a new 7.a, without 7.a's teachers, who moved up with the class.
    assert.equal(plan.leaving.map((st) => [st.code, st.decision]), [['S901', 'completed'], ['S902', 'certificate']]);

    const done = await s.as('admin', (c) => openYear(c, '2027/2028', { carryAssignments: true, current: true }));
    assert.is(done.year_created, true);
    const classes = await s.db
      .selectFrom('school_class as c')
      .innerJoin('school_year as y', 'y.id', 'c.school_year_id')
      .leftJoin('staff as t', 't.id', 'c.class_teacher_id')
      .select(['c.code', 'c.level', 't.code as teacher', 'y.is_current'])
      .where('y.code', '=', '2027/2028')
      .orderBy('c.code')
      .execute();
    assert.equal(classes.map((c) => [c.code, c.level, c.teacher, c.is_current]), [['3.a', 3, 'T03', 1], ['7.a', 7, null, 1], ['7.b', 7, null, 1], ['8.a', 8, 'T01', 1]]);
    const enrolled = await s.db
      .selectFrom('enrollment as e')
      .innerJoin('school_class as c', 'c.id', 'e.class_id')
      .innerJoin('school_year as y', 'y.id', 'c.school_year_id')
      .innerJoin('student as st', 'st.id', 'e.student_id')
      .select(['st.code', 'c.code as class', 'e.from_date'])
      .where('y.code', '=', '2027/2028')
      .orderBy('st.code')
      .execute();
    assert.equal(enrolled.map((e) => `${e.code}:${e.class}:${e.from_date}`), ['S001:8.a:2027-09-01', 'S002:7.a:2027-09-01', 'S003:8.a:2027-09-01', 'S004:7.b:2027-09-01', 'S101:3.a:2027-09-01']);
    await rejects(() => s.as('admin', (c) => openYear(c, '2027/2028', {})), 'conflict', 'already exists in 2027/2028');
  } finally {
    await s.cleanup();
  }
});

test('year open without --carry-assignments makes the classes bare', async () => {
  const s = await yearEndSchool();
  try {
    await allDecided(s);
    const plan = await s.as('admin', (c) => openYear(c, '2027/2028', {}));
    assert.ok(plan.classes.every((c) => c.class_teacher === null && c.assignments.length === 0));
    const assignments = await s.db.selectFrom('assignment as a').innerJoin('school_class as c', 'c.id', 'a.class_id').innerJoin('school_year as y', 'y.id', 'c.school_year_id').select('a.id').where('y.code', '=', '2027/2028').execute();
    assert.is(assignments.length, 0);
  } finally {
    await s.cleanup();
  }
});

test('year close needs a verifying archive of this year and school; closing twice conflicts', async () => {
  const s = await yearEndSchool();
  const t = tempDir('ezurnals-archive-');
  try {
    await rejects(async () => s.as('admin', (c) => verifyYearArchive(c, '2026/2027', join(t.dir, 'none'))), 'not_found', 'No archive at');
    const other = schoolYearArchive(join(t.dir, 'other'), '2025/2026');
    await rejects(async () => s.as('admin', (c) => verifyYearArchive(c, '2026/2027', other)), 'invalid', 'is of 2025/2026, not of 2026/2027');
    await rejects(async () => s.as('T01', (c) => verifyYearArchive(c, '2026/2027', other)), 'forbidden');
    const archivedHead = formatHead(await currentAuditHead(await s.ctx('admin')));
    const dir = schoolYearArchive(join(t.dir, 'ok'), '2026/2027', archivedHead);
    const archive = await s.as('D01', (c) => verifyYearArchive(c, '2026/2027', dir));
    const head = formatHead(await currentAuditHead(await s.ctx('admin')));
    const closed = await s.as('D01', (c) => closeYear(c, '2026/2027', archive));
    // The head as the year was closed (before the closure's own entries), and the archive's, kept with the closure.
    assert.equal({ ...closed, closed_at: '' }, { year: '2026/2027', closed_at: '', closed_by: 'D01', archive: dir, files: 3, bytes: archive.verification.bytes, audit_head: head, archive_audit_head: archivedHead });
    const stored = await s.db.selectFrom('year_closure').select(['audit_head', 'archive_audit_head']).executeTakeFirstOrThrow();
    assert.equal(stored, { audit_head: head, archive_audit_head: archivedHead });
    assert.equal((await verifyAudit(await s.ctx('admin'), { head: stored.audit_head! })).checkedHead, parseHead(head));
    await rejects(async () => s.as('D01', (c) => verifyYearArchive(c, '2026/2027', dir)), 'conflict', 'already closed');
  } finally {
    t.cleanup();
    await s.cleanup();
  }
});

onSqlite(test)('year close runs SQLite quick_check first: on a corrupt page the year stays open', async () => {
  const s = await yearEndSchool();
  const t = tempDir('ezurnals-archive-');
  const copy = join(t.dir, 'bojāta.db');
  nativeDatabase(s.db)!.exec(`vacuum into '${copy}'`);
  corruptTablePage(copy, 'grade');
  const db = await openDatabase(copy);
  try {
    const dir = schoolYearArchive(join(t.dir, 'ok'));
    const ctx = { ...(await s.ctx('admin')), db };
    await rejects(() => verifyYearArchive(ctx, '2026/2027', dir), 'invalid', 'The database file is damaged (SQLite quick_check:', '2026/2027 stays open');
    assert.is((await db.selectFrom('year_closure').selectAll().execute()).length, 0);
  } finally {
    await db.destroy();
    t.cleanup();
    await s.cleanup();
  }
});

test.run();
