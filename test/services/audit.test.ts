import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sql } from 'kysely';
import { inTransaction, nativeDatabase, type Db } from '../../src/db/connection.ts';
import { installAuditTriggers } from '../../src/db/audit/triggers.ts';
import { addYear } from '../../src/services/years.ts';
import { addClass } from '../../src/services/classes.ts';
import { addStudent, setStudent } from '../../src/services/students.ts';
import { addGuardian } from '../../src/services/guardians.ts';
import { listAudit, verifyAudit } from '../../src/services/audit.ts';
import { exportStudentData } from '../../src/services/student-data.ts';
import { anonymizePeople } from '../../src/services/anonymize.ts';
import { addStaff } from '../../src/services/staff.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { addSubject } from '../../src/services/subjects.ts';
import { importSources } from '../../src/transfer/import.ts';
import { bulkSettings } from '../../src/transfer/bulk.ts';
import { contextAs, freshSchool, inTx, legacyPersonalCode, rejects } from './fixtures.ts';
import { onSqlite } from '../support/postgres.ts';

const Audit = suite('audit trail');

interface School {
  db: Db;
  dbPath: string;
  admin: ServiceContext;
  cleanup: () => Promise<void>;
}

const S001_CODE = legacyPersonalCode(3, 4, 2003);
const S002_CODE = legacyPersonalCode(5, 6, 2013);

/**
 * S001 was in 9.a of 2018/2019 and left; S002 is in 7.a now. Guardian 1 is
 * S001's alone, guardian 2 is the parent of both.
 */
async function school(): Promise<School> {
  const s = await freshSchool();
  const admin = await contextAs(s.db, 'admin');
  const old = { ...admin, yearCode: '2018/2019' };
  await inTx(admin, (ctx) => addYear(ctx, { code: '2018/2019' }));
  await inTx(old, (ctx) => addClass(ctx, '9.a', {}));
  await inTx(admin, (ctx) => addClass(ctx, '7.a', {}));
  await inTx(old, (ctx) => addStudent(ctx, 'S001', { firstName: 'Jānis', lastName: 'Bērziņš', personalCode: S001_CODE, class: '9.a', phone: '+37120000001', address: 'Rīga, Brīvības iela 1' }));
  await inTx(admin, (ctx) => addStudent(ctx, 'S002', { firstName: 'Līga', lastName: 'Bērziņa', personalCode: S002_CODE, class: '7.a' }));
  await inTx(admin, (ctx) => addGuardian(ctx, { students: ['S001'], firstName: 'Pēteris', lastName: 'Kalniņš', relation: 'father', phone: '+37120000002' }));
  await inTx(admin, (ctx) => addGuardian(ctx, { students: ['S001', 'S002'], firstName: 'Ilze', lastName: 'Bērziņa', relation: 'mother' }));
  return { ...s, admin };
}

function shell(db: Db, statement: string): void {
  nativeDatabase(db)!.exec(statement);
}

Audit('every write of a command is logged with its values and sealed with who and which command', async () => {
  const s = await school();
  try {
    await inTransaction(s.db, (trx) => setStudent({ ...s.admin, db: trx }, 'S002', { phone: '+37120000009' }), { actor: 'admin', command: 'ezurnals student set S002 --phone +37120000009' });
    const [entry] = await listAudit(s.admin, { entity: 'student', limit: 1 });
    assert.is(entry!.operation, 'update');
    assert.is(entry!.by, 'admin');
    assert.is(entry!.command, 'ezurnals student set S002 --phone +37120000009');
    assert.equal(entry!.changed!.phone, [null, '+37120000009']);
    assert.ok(entry!.sealed);
    const verdict = await verifyAudit(s.admin);
    assert.ok(verdict.entries > 10, `${verdict.entries} entries`);
    // Without --as: the system operator.
    const first = await listAudit(s.admin, { by: 'system', oldestFirst: true, limit: 1 });
    assert.is(first[0]!.table, 'school');
    assert.match(first[0]!.by!, /^system \(/);
  } finally {
    await s.cleanup();
  }
});

Audit('audit list filters by student, table and date, newest first', async () => {
  const s = await school();
  try {
    const aboutS001 = await listAudit(s.admin, { student: 'S001', limit: 100 });
    assert.ok(aboutS001.length >= 3);
    assert.ok(aboutS001.every((e) => ['student', 'enrollment', 'student_guardian'].includes(e.table)), aboutS001.map((e) => e.table).join());
    assert.ok(aboutS001[0]!.id > aboutS001.at(-1)!.id, 'newest first');
    assert.is((await listAudit(s.admin, { since: '2099-01-01', limit: 10 })).length, 0);
    assert.is((await listAudit(s.admin, { entity: 'guardian', limit: 10 })).length, 2);
    await rejects(() => listAudit(s.admin, { since: 'vakar', limit: 10 }), 'usage', '--since');
  } finally {
    await s.cleanup();
  }
});

Audit('only admins and deputies read the audit log', async () => {
  const s = await school();
  try {
    await inTx(s.admin, (ctx) => addStaff(ctx, 'T01', { firstName: 'Anna', lastName: 'Kalniņa', roles: ['teacher', 'class-teacher'] }));
    await inTx(s.admin, (ctx) => addStaff(ctx, 'D01', { firstName: 'Dace', lastName: 'Liepa', roles: ['deputy'] }));
    const teacher = await contextAs(s.db, 'T01');
    await rejects(() => listAudit(teacher, { limit: 5 }), 'forbidden', 'may not read the audit log');
    await rejects(() => verifyAudit(teacher), 'forbidden');
    await rejects(() => exportStudentData(teacher, 'S001'), 'forbidden', "export a student's personal data");
    const deputy = await contextAs(s.db, 'D01');
    assert.ok((await listAudit(deputy, { limit: 5 })).length > 0);
    await rejects(() => inTx(deputy, (ctx) => anonymizePeople(ctx, { leftBefore: '2020-09-01' })), 'forbidden', 'only an admin may');
  } finally {
    await s.cleanup();
  }
});

onSqlite(Audit)('a table added by a later migration is audited; secret columns are logged as [redacted] and left out of export-data', async () => {
  const s = await school();
  try {
    // As a later migration might add one, and openDatabase then reinstalls the triggers.
    shell(s.db, `create table portal_visit (id integer primary key autoincrement, student_id integer references student(id), at text not null);
      create trigger year_lock_portal_visit before delete on portal_visit begin select 1; end;`);
    nativeDatabase(s.db)!.transaction(() => installAuditTriggers(nativeDatabase(s.db)!))();
    const now = '2026-11-29T10:00:00+02:00';
    await inTransaction(s.db, async (trx) => {
      await trx.insertInto('portal_visit' as never).values({ student_id: 1, at: now } as never).execute();
      // S001's profile was made when their phone was entered; a new password hash for it.
      const account = await trx.selectFrom('account').select('id').where('kind', '=', 'student').where('person_id', '=', 1).executeTakeFirstOrThrow();
      await trx.updateTable('account').set({ password_hash: 'scrypt$abc$def' }).where('id', '=', account.id).execute();
      await trx
        .insertInto('sms_outbox')
        .values({ school_id: 1, account_id: account.id, phone: '+37120000001', body: 'E-žurnāls: parole Xy7kP2mQ9r', secret_from: null, secret_length: null, state: 'queued', created_at: now, updated_at: now })
        .execute();
    });
    const [visit] = await listAudit(s.admin, { entity: 'portal_visit', limit: 1 });
    assert.equal(visit!.after, { id: 1, student_id: 1, at: now });
    assert.ok((await listAudit(s.admin, { student: 'S001', entity: 'portal_visit', limit: 5 })).length === 1, 'the new table is found as the student’s');
    const [sms] = await listAudit(s.admin, { entity: 'sms_outbox', limit: 1 });
    assert.is(sms!.after!.body, '[redacted]');
    const [account] = await listAudit(s.admin, { entity: 'account', limit: 1 });
    assert.is(account!.after!.password_hash, '[redacted]');
    const triggers = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and name like '%portal_visit%' order by name`.execute(s.db);
    assert.equal(triggers.rows.map((r) => r.name), ['audit_portal_visit_delete', 'audit_portal_visit_insert', 'audit_portal_visit_update', 'year_lock_portal_visit']);
    const data = await exportStudentData(s.admin, 'S001');
    assert.equal(data.records.portal_visit, [{ id: 1, student_id: 1, at: now }]);
    assert.not.ok(JSON.stringify(data).includes('scrypt$abc$def'));
    assert.not.ok(JSON.stringify(await listAudit(s.admin, { limit: 1000 })).includes('Xy7kP2mQ9r'));
    await verifyAudit(s.admin);
  } finally {
    await s.cleanup();
  }
});

onSqlite(Audit)('a write behind the tool’s back stays unsealed: the next command does not sign it, and verify names it', async () => {
  const s = await school();
  try {
    shell(s.db, "update student set phone = '+37129999999' where code = 'S002'");
    const outside = (await listAudit(s.admin, { entity: 'student', limit: 1 }))[0]!;
    assert.is(outside.sealed, false);
    assert.is(outside.by, null);
    await inTx(s.admin, (ctx) => setStudent(ctx, 'S002', { email: 'liga@example.lv' }));
    const again = (await listAudit(s.admin, { entity: 'student', limit: 2 })).find((e) => e.id === outside.id)!;
    assert.is(again.sealed, false);
    await rejects(() => verifyAudit(s.admin), 'invalid', `entry #${outside.id}`, 'written outside ezurnals');
  } finally {
    await s.cleanup();
  }
});

onSqlite(Audit)('a write that changes nothing is not logged; a refused command leaves no entry', async () => {
  const s = await school();
  try {
    const before = (await listAudit(s.admin, { limit: 1 }))[0]!.id;
    shell(s.db, "update student set first_name = first_name where code = 'S002'");
    await rejects(() => inTx(s.admin, (ctx) => addStudent(ctx, 'S002', { firstName: 'A', lastName: 'B' })), 'conflict');
    assert.is((await listAudit(s.admin, { limit: 1 }))[0]!.id, before);
  } finally {
    await s.cleanup();
  }
});

Audit('export-data holds the student, their guardians, class history, lessons and the audit trail, and nobody else’s data', async () => {
  const s = await school();
  try {
    const data = await exportStudentData(s.admin, 'S001');
    assert.is(data.student.first_name, 'Jānis');
    assert.is(data.student.personal_code, S001_CODE);
    assert.equal(data.guardians.map((g) => g.last_name), ['Kalniņš', 'Bērziņa']);
    assert.is(data.records.enrollment!.length, 1);
    assert.is(data.records.student_guardian!.length, 2);
    assert.ok(data.audit.some((e) => e.table === 'student' && e.operation === 'insert'));
    assert.ok(data.audit.some((e) => e.table === 'guardian'));
    // S002 shares a guardian, but none of S002's own records come along.
    assert.not.ok(JSON.stringify(data).includes(S002_CODE));
    assert.not.ok(JSON.stringify(data.records).includes('"student_id":2'));
    await rejects(() => exportStudentData(s.admin, 'S999'), 'not_found');
  } finally {
    await s.cleanup();
  }
});

Audit('anonymize: a dry run names who would go and writes nothing', async () => {
  const s = await school();
  try {
    const before = (await listAudit(s.admin, { limit: 1 }))[0]!.id;
    const plan = await inTx(s.admin, (ctx) => anonymizePeople(ctx, { leftBefore: '2020-09-01', dryRun: true }));
    assert.equal(plan.students, [{ code: 'S001', name: 'Jānis Bērziņš', left_on: '2019-08-31' }]);
    assert.equal(plan.guardians.map((g) => g.name), ['Pēteris Kalniņš']);
    assert.is((await listAudit(s.admin, { limit: 1 }))[0]!.id, before);
    const student = await s.db.selectFrom('student').selectAll().where('code', '=', 'S001').executeTakeFirstOrThrow();
    assert.is(student.first_name, 'Jānis');
    // Nobody left before 2019: nothing to do.
    assert.is((await inTx(s.admin, (ctx) => anonymizePeople(ctx, { leftBefore: '2019-01-01' }))).students.length, 0);
    await rejects(() => inTx(s.admin, (ctx) => anonymizePeople(ctx, { leftBefore: '2030-01-01' })), 'invalid', 'future');
  } finally {
    await s.cleanup();
  }
});

Audit('anonymize replaces personal data, redacts it from old audit entries, records itself, and the log still verifies', async () => {
  const s = await school();
  try {
    const result = await inTransaction(s.db, (trx) => anonymizePeople({ ...s.admin, db: trx }, { leftBefore: '2020-09-01' }), { actor: 'admin' });
    assert.equal(result.students, [{ code: 'S001', name: null, left_on: '2019-08-31' }]);
    assert.is(result.guardians.length, 1);
    assert.ok(result.audit_entries_redacted >= 2, `${result.audit_entries_redacted}`);
    const student = await s.db.selectFrom('student').selectAll().where('code', '=', 'S001').executeTakeFirstOrThrow();
    assert.equal([student.first_name, student.last_name, student.personal_code, student.birth_date, student.phone, student.address], ['Anonimizēts', 'S001', null, null, null, null]);
    const guardians = await s.db.selectFrom('guardian').select(['first_name', 'last_name', 'phone']).orderBy('id').execute();
    assert.equal(guardians[0], { first_name: 'Anonimizēts', last_name: 'G1', phone: null });
    assert.equal(guardians[1], { first_name: 'Ilze', last_name: 'Bērziņa', phone: null }, 'S002’s mother stays');
    // The class history stays: the student is still countable in 9.a's statistics.
    assert.is((await s.db.selectFrom('enrollment').where('student_id', '=', student.id).selectAll().execute()).length, 1);
    // No personal value is left anywhere in the log, not even in the anonymisation's own entries.
    const log = JSON.stringify(await s.db.selectFrom('audit_log').selectAll().execute());
    for (const value of ['Jānis', 'Bērziņš', S001_CODE, '+37120000001', 'Brīvības', 'Pēteris', 'Kalniņš', '+37120000002']) assert.not.ok(log.includes(value), value);
    assert.ok(log.includes('Līga'), 'S002 keeps her entries');
    const [record] = await listAudit(s.admin, { entity: 'audit_log', limit: 1 });
    assert.is(record!.operation, 'redact');
    assert.is(record!.by, 'admin');
    assert.is((record!.after!.entries as number[]).length, result.audit_entries_redacted);
    const verdict = await verifyAudit(s.admin);
    assert.is(verdict.redacted, result.audit_entries_redacted);
    // Running it again finds them done.
    const again = await inTx(s.admin, (ctx) => anonymizePeople(ctx, { leftBefore: '2020-09-01' }));
    assert.equal([again.students.length, again.already_anonymized], [0, 1]);
  } finally {
    await s.cleanup();
  }
});

onSqlite(Audit)('a redacted entry whose values are changed afterwards, or one marked redacted by hand, fails verification', async () => {
  const s = await school();
  try {
    await inTx(s.admin, (ctx) => anonymizePeople(ctx, { leftBefore: '2020-09-01' }));
    const [record] = await listAudit(s.admin, { entity: 'audit_log', limit: 1 });
    const redactedId = (record!.after!.entries as number[])[0]!;
    // Editing a redacted entry's remaining values is not caught by its digest (which is why redaction drops only personal columns), but its seal still covers what the chain covers:
    const at = (await s.db.selectFrom('audit_log').select('at').where('id', '=', redactedId).executeTakeFirstOrThrow()).at;
    shell(s.db, `update audit_log set at = '2020-01-01T00:00:00.000Z' where id = ${redactedId}`);
    await rejects(() => verifyAudit(s.admin), 'invalid', 'sealed together were changed: one of them no longer matches their seal');
    shell(s.db, `update audit_log set at = '${at}' where id = ${redactedId}`);
    await verifyAudit(s.admin);
    const plain = (await listAudit(s.admin, { entity: 'student', student: 'S002', oldestFirst: true, limit: 1 }))[0]!;
    shell(s.db, `update audit_log set after_values = '{}', nonce = null, redacted_at = 'x' where id = ${plain.id}`);
    await rejects(() => verifyAudit(s.admin), 'invalid', `entry #${plain.id}`, 'no sealed anonymisation lists it');
  } finally {
    await s.cleanup();
  }
});

Audit('the bulk import path’s prepared inserts are logged and sealed like every other write', async () => {
  const s = await school();
  const minRows = bulkSettings.minRows;
  try {
    await inTx(s.admin, (ctx) => addSubject(ctx, 'mat', { name: 'Matemātika' }));
    bulkSettings.minRows = 2;
    const csv = ['class,subject,date,student,value', '7.a,mat,2026-10-05,S002,8', '7.a,mat,2026-10-06,S002,9', '7.a,mat,2026-10-07,S002,7'].join('\n');
    const [summary] = await inTransaction(s.db, (trx) => importSources({ ...s.admin, db: trx }, [{ kind: 'grades', file: 'grades.csv', bytes: new TextEncoder().encode(csv) }]), { actor: 'admin', command: 'ezurnals import grades grades.csv' });
    assert.is(summary!.created, 3);
    const grades = await listAudit(s.admin, { entity: 'grade', limit: 10 });
    assert.equal(grades.map((e) => [e.after!.value, e.by, e.command, e.sealed]), [['7', 'admin', 'ezurnals import grades grades.csv', true], ['9', 'admin', 'ezurnals import grades grades.csv', true], ['8', 'admin', 'ezurnals import grades grades.csv', true]]);
    await verifyAudit(s.admin);
  } finally {
    bulkSettings.minRows = minRows;
    await s.cleanup();
  }
});

onSqlite(Audit)('a column a later migration adds does not fail the row check while it holds null or its default; set behind the audit, it does', async () => {
  const s = await school();
  try {
    const native = nativeDatabase(s.db)!;
    // As a migration would: add the columns, then the triggers of the tables as they now are.
    native.transaction(() => {
      native.exec("alter table student add column nickname text; alter table student add column house text not null default 'Ziemeļi'; alter table student add column rank integer default 3");
      installAuditTriggers(native);
    })();
    const verdict = await verifyAudit(s.admin);
    assert.ok(verdict.rows > 5, `${verdict.rows} rows`);
    // A value set with the triggers dropped: caught, though the chain is whole.
    const triggers = native.prepare("select sql from sqlite_master where type = 'trigger' and tbl_name = 'student'").all() as { sql: string }[];
    native.exec("drop trigger audit_student_update; update student set house = 'Dienvidi' where code = 'S002'");
    native.exec(triggers.map((t) => t.sql).find((q) => q.includes('audit_student_update'))!);
    await rejects(() => verifyAudit(s.admin), 'invalid', 'the data does not match them: student #', 'does not hold the values of its last audit entry');
  } finally {
    await s.cleanup();
  }
});

Audit.run();
