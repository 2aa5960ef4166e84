// The behaviour journal (§28–29) and the class teacher's appendices (§15–16) on the small school.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addBehavior, listBehavior, removeBehavior, type BehaviorInput } from '../../src/services/behavior.ts';
import { addNote, listNotes, removeNote, type NoteInput } from '../../src/services/parent-notes.ts';
import { addBriefing, listBriefings, type BriefingInput } from '../../src/services/briefings.ts';
import { addConversation, listConversations, type ConversationInput } from '../../src/services/conversations.ts';
import { addLesson } from '../../src/services/lessons.ts';
import { markAbsences } from '../../src/services/absences.ts';
import { addGuardian } from '../../src/services/guardians.ts';
import { behaviorForExtract } from '../../src/db/repositories/behavior.ts';
import { notesForExtract } from '../../src/db/repositories/parent-notes.ts';
import { counts, rejects, smallSchool, type SmallSchool } from './fixtures.ts';

let s: SmallSchool;
const fresh = async () => {
  s = await smallSchool();
};
const close = () => s.cleanup();

/** 2026-10-05 is a Monday; "today" (DEFAULT_NOW) is Sunday 2026-11-29. */
const MON = '2026-10-05';
const TODAY = '2026-11-29';

const studentId = async (code: string) => (await s.db.selectFrom('student').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const classId = async (code: string) => (await s.db.selectFrom('school_class').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

/* ---------------------------------------------------------------- behaviour */

const Behavior = suite('behaviour journal');
Behavior.before.each(fresh);
Behavior.after.each(close);

const remark = (as: string, input: BehaviorInput) => s.as(as, (c) => addBehavior(c, input));

Behavior('a teacher of any subject in the class writes a remark, filed under the student\'s class that day', async () => {
  const entry = await remark('T02', { student: 'S001', kind: 'negative', date: MON, text: 'Traucēja stundu, sarunājās ar kaimiņu' });
  assert.equal(
    { date: entry.date, class: entry.class, student: entry.student, student_name: entry.student_name, kind: entry.kind, text: entry.text, author: entry.author, author_name: entry.author_name, removed: entry.removed },
    { date: MON, class: '7.a', student: 'S001', student_name: 'Jānis Bērziņš', kind: 'negative', text: 'Traucēja stundu, sarunājās ar kaimiņu', author: 'T02', author_name: 'Pēteris Ozoliņš', removed: false },
  );
});

Behavior('the class teacher, a deputy and an admin write remarks; the date defaults to today', async () => {
  assert.is((await remark('T01', { student: 'S002', kind: 'positive', text: 'Palīdzēja klasesbiedram' })).date, TODAY);
  assert.is((await remark('D01', { student: 'S004', kind: 'positive', text: 'Uzvara olimpiādē' })).class, '7.b');
  assert.is((await remark('admin', { student: 'S101', kind: 'negative', date: '01.10.2026', text: 'Kavēja' })).date, '2026-10-01');
});

Behavior('refusals change nothing', async () => {
  const ok: BehaviorInput = { student: 'S001', kind: 'positive', date: MON, text: 'Labi' };
  await rejects(() => remark('T03', ok), 'forbidden', 'T03 (Ilze Priede) may not write in the behaviour journal: neither teaches in 7.a nor is its class teacher');
  await rejects(() => remark('T04', ok), 'forbidden', 'T04');
  await rejects(() => remark('N01', ok), 'forbidden', 'N01');
  await rejects(() => remark('T01', { ...ok, student: 'S004' }), 'forbidden', 'T01', '7.b');
  await rejects(async () => addBehavior(await s.ctx(null), ok), 'usage', '--as');
  await rejects(() => remark('T01', { ...ok, student: 'S999' }), 'not_found', 'S999');
  await rejects(() => remark('T01', { ...ok, kind: 'neutral' }), 'usage', 'positive or negative');
  await rejects(() => remark('T01', { ...ok, kind: undefined }), 'usage', '--kind');
  await rejects(() => remark('T01', { ...ok, text: '  ' }), 'usage', '--text');
  await rejects(() => remark('T01', { ...ok, date: '2026-11-30' }), 'invalid', 'future');
  await rejects(() => remark('T01', { ...ok, date: '2026-08-31' }), 'invalid', 'outside the school year 2026/2027');
  await rejects(() => remark('T01', { ...ok, date: '31.02.2026' }), 'invalid', 'not a date');
  assert.equal(await counts(s.db, 'behavior_entry'), { behavior_entry: 0 });
});

Behavior('removing keeps the entry, marked with who, when and why; only the author, a deputy or an admin may', async () => {
  const first = await remark('T02', { student: 'S001', kind: 'negative', date: MON, text: 'Kļūdains ieraksts' });
  const second = await remark('T02', { student: 'S002', kind: 'negative', date: MON, text: 'Aizmirsa burtnīcu' });
  await rejects(() => s.as('T01', (c) => removeBehavior(c, first.id, { reason: 'Nav taisnība' })), 'forbidden', 'T01 (Anna Kalniņa) may not remove behaviour entries: did not write behaviour entry');
  await rejects(() => s.as('T02', (c) => removeBehavior(c, first.id, {})), 'usage', '--reason');
  await rejects(() => s.as('T02', (c) => removeBehavior(c, 999, { reason: 'x' })), 'not_found', '999');
  await rejects(() => s.as('T02', (c) => removeBehavior(c, 'abc', { reason: 'x' })), 'invalid', 'abc');
  const removed = await s.as('T02', (c) => removeBehavior(c, first.id, { reason: 'Ierakstīts pie cita skolēna' }), new Date('2026-11-29T09:30:00Z'));
  assert.equal([removed.removed, removed.removed_by, removed.removed_at, removed.removed_reason], [true, 'T02', '2026-11-29T11:30:00+02:00', 'Ierakstīts pie cita skolēna']);
  await rejects(() => s.as('D01', (c) => removeBehavior(c, first.id, { reason: 'x' })), 'conflict', 'already removed');
  await s.as('D01', (c) => removeBehavior(c, second.id, { reason: 'Dublikāts' }));

  const ctx = await s.ctx('T01');
  assert.equal(await listBehavior(ctx), []);
  const all = await listBehavior(ctx, { includeRemoved: true });
  // Same day and class: in register order, Ābele before Bērziņš.
  assert.equal(all.map((e) => [e.student, e.text, e.removed_by]), [['S002', 'Aizmirsa burtnīcu', 'D01'], ['S001', 'Kļūdains ieraksts', 'T02']]);
  assert.equal(await counts(s.db, 'behavior_entry'), { behavior_entry: 2 });
});

Behavior('list filters by student, class, period and kind', async () => {
  await remark('T02', { student: 'S001', kind: 'negative', date: MON, text: 'A' });
  await remark('T01', { student: 'S002', kind: 'positive', date: '2026-10-20', text: 'B' });
  await remark('T02', { student: 'S004', kind: 'positive', date: '2026-11-02', text: 'C' });
  const ctx = await s.ctx(null);
  const texts = async (filter: Parameters<typeof listBehavior>[1]) => (await listBehavior(ctx, filter)).map((e) => e.text);
  assert.equal(await texts({}), ['A', 'B', 'C']);
  assert.equal(await texts({ student: 'S001' }), ['A']);
  assert.equal(await texts({ class: '7.a' }), ['A', 'B']);
  assert.equal(await texts({ kind: 'positive' }), ['B', 'C']);
  assert.equal(await texts({ from: '2026-10-06', to: '2026-10-31' }), ['B']);
  await rejects(() => listBehavior(ctx, { kind: 'good' }), 'usage', '--kind');
  await rejects(() => listBehavior(ctx, { class: '9.z' }), 'not_found', '9.z');
});

Behavior('behaviorForExtract: the students\' remarks in the period, without removed ones, with the author\'s name', async () => {
  await remark('T02', { student: 'S001', kind: 'negative', date: '2026-09-30', text: 'Septembrī' });
  await remark('T02', { student: 'S001', kind: 'negative', date: '2026-10-01', text: 'Oktobra sākumā' });
  const gone = await remark('T01', { student: 'S001', kind: 'positive', date: '2026-10-15', text: 'Noņemts' });
  await remark('T01', { student: 'S002', kind: 'positive', date: '2026-10-31', text: 'Čakla' });
  await remark('T02', { student: 'S004', kind: 'positive', date: '2026-10-10', text: 'Cita klase' });
  await s.as('T01', (c) => removeBehavior(c, gone.id, { reason: 'Kļūda' }));
  const [s1, s2] = [await studentId('S001'), await studentId('S002')];
  assert.equal(await behaviorForExtract(s.db, [s1, s2], '2026-10-01', '2026-10-31'), [
    { student_id: s1, date: '2026-10-01', kind: 'negative', text: 'Oktobra sākumā', author_name: 'Pēteris Ozoliņš' },
    { student_id: s2, date: '2026-10-31', kind: 'positive', text: 'Čakla', author_name: 'Anna Kalniņa' },
  ]);
  assert.equal(await behaviorForExtract(s.db, [], '2026-10-01', '2026-10-31'), []);
});

/* ---------------------------------------------------------------- notes */

const Notes = suite('notes for parents');
Notes.before.each(fresh);
Notes.after.each(close);

const note = (as: string, input: NoteInput) => s.as(as, (c) => addNote(c, input));

Notes('the class teacher writes a class note and a student note; from defaults to today', async () => {
  const classNote = await note('T01', { class: '7.a', text: 'Ekskursija uz Siguldu — līdzi ņemt pusdienas', until: '2026-12-18' });
  assert.equal(
    { student: classNote.student, class: classNote.class, valid_from: classNote.valid_from, valid_until: classNote.valid_until, author: classNote.author },
    { student: null, class: '7.a', valid_from: TODAY, valid_until: '2026-12-18', author: 'T01' },
  );
  const own = await note('T01', { student: 'S001', text: 'Lūdzu parakstīt izrakstu', from: '2026-11-02' });
  assert.equal([own.student, own.student_name, own.class, own.valid_until], ['S001', 'Jānis Bērziņš', '7.a', null]);
  assert.is((await note('D01', { class: '7.b', text: 'Vecāku sapulce' })).class, '7.b');
});

Notes('refusals change nothing', async () => {
  await rejects(() => note('T02', { class: '7.a', text: 'X' }), 'forbidden', "T02 (Pēteris Ozoliņš) may not keep the class teacher's appendices: is not the class teacher of 7.a");
  await rejects(() => note('T03', { student: 'S001', text: 'X' }), 'forbidden', 'T03', '7.a');
  await rejects(() => note('T01', { class: '7.b', text: 'X' }), 'forbidden', '7.b');
  await rejects(() => note('T01', { class: '7.a', student: 'S001', text: 'X' }), 'usage', '--student', '--class');
  await rejects(() => note('T01', { text: 'X' }), 'usage', '--student');
  await rejects(() => note('T01', { class: '7.a', text: '' }), 'usage', '--text');
  await rejects(() => note('T01', { class: '7.a', text: 'X', from: '2026-12-01', until: '2026-11-30' }), 'invalid', 'before');
  await rejects(() => note('T01', { class: '7.a', text: 'X', from: '2027-09-01' }), 'invalid', 'outside the school year');
  await rejects(() => note('T01', { class: '9.z', text: 'X' }), 'not_found', '9.z');
  assert.equal(await counts(s.db, 'parent_note'), { parent_note: 0 });
});

Notes('a student\'s list has their own notes and their class\'s; --on keeps those shown that day', async () => {
  await note('T01', { class: '7.a', text: 'Klasei', from: '2026-11-02', until: '2026-11-20' });
  await note('T01', { student: 'S001', text: 'Jānim', from: '2026-11-10' });
  await note('T01', { student: 'S002', text: 'Annai', from: '2026-11-10' });
  await note('D01', { class: '7.b', text: '7.b klasei', from: '2026-11-02' });
  const ctx = await s.ctx(null);
  const texts = async (filter: Parameters<typeof listNotes>[1]) => (await listNotes(ctx, filter)).map((n) => n.text);
  assert.equal(await texts({ student: 'S001' }), ['Klasei', 'Jānim']);
  assert.equal(await texts({ student: 'S001', on: '2026-11-05' }), ['Klasei']);
  assert.equal(await texts({ student: 'S001', on: '2026-11-25' }), ['Jānim']);
  assert.equal(await texts({ class: '7.a' }), ['Klasei', 'Jānim', 'Annai']);
  assert.equal(await texts({}), ['Klasei', '7.b klasei', 'Jānim', 'Annai']);
});

Notes('remove: by the class teacher, kept and marked; twice is a conflict', async () => {
  const n = await note('T01', { class: '7.a', text: 'Atcelts' });
  await rejects(() => s.as('T02', (c) => removeNote(c, n.id)), 'forbidden', 'T02');
  await rejects(() => s.as('T01', (c) => removeNote(c, 999)), 'not_found', '999');
  const removed = await s.as('T01', (c) => removeNote(c, n.id));
  assert.equal([removed.removed, removed.removed_by], [true, 'T01']);
  await rejects(() => s.as('T01', (c) => removeNote(c, n.id)), 'conflict', 'already removed');
  const ctx = await s.ctx(null);
  assert.equal(await listNotes(ctx, { class: '7.a' }), []);
  assert.is((await listNotes(ctx, { class: '7.a', includeRemoved: true })).length, 1);
});

Notes('notesForExtract: the students\' own and the classes\' notes valid in the period', async () => {
  await note('T01', { class: '7.a', text: 'Oktobrī klasei', from: '2026-10-01', until: '2026-10-31' });
  await note('T01', { class: '7.a', text: 'Pirms oktobra', from: '2026-09-01', until: '2026-09-30' });
  await note('T01', { student: 'S001', text: 'Jānim no septembra', from: '2026-09-15' });
  await note('T01', { student: 'S002', text: 'Annai', from: '2026-10-05' });
  await note('T01', { student: 'S001', text: 'Pēc oktobra', from: '2026-11-01' });
  const removed = await note('T01', { student: 'S001', text: 'Noņemta', from: '2026-10-05' });
  await s.as('T01', (c) => removeNote(c, removed.id));
  const [s1, c7a] = [await studentId('S001'), await classId('7.a')];
  const rows = await notesForExtract(s.db, [s1], [c7a], '2026-10-01', '2026-10-31');
  assert.equal(rows.map((r) => [r.text, r.student_id, r.class_id, r.author_name]), [
    ['Jānim no septembra', s1, c7a, 'Anna Kalniņa'],
    ['Oktobrī klasei', null, c7a, 'Anna Kalniņa'],
  ]);
  assert.equal((await notesForExtract(s.db, [s1], [], '2026-10-01', '2026-10-31')).map((r) => r.text), ['Jānim no septembra']);
  assert.equal(await notesForExtract(s.db, [], [], '2026-10-01', '2026-10-31'), []);
});

/* ---------------------------------------------------------------- briefings */

const Briefings = suite('safety briefings');
Briefings.before.each(fresh);
Briefings.after.each(close);

const brief = (as: string, input: BriefingInput) => s.as(as, (c) => addBriefing(c, input));

Briefings('--all-present briefs everybody in the class that day except the absent (not the late)', async () => {
  const lesson = await s.as('T01', (c) => addLesson(c, { class: '7.a', subject: 'mat', date: MON, number: 1, topic: 'Daļskaitļi' }));
  await s.as('T01', (c) => markAbsences(c, { lesson: lesson.id, students: ['S002'] }));
  await s.as('T01', (c) => markAbsences(c, { lesson: lesson.id, students: ['S003'], code: 'k' }));
  const b = await brief('T01', { class: '7.a', date: MON, topic: 'Ugunsdrošība', allPresent: true });
  assert.equal(
    { class: b.class, date: b.date, topic: b.topic, briefed: b.briefed, absent: b.absent, author: b.author },
    {
      class: '7.a',
      date: MON,
      topic: 'Ugunsdrošība',
      briefed: [{ student: 'S001', name: 'Jānis Bērziņš' }, { student: 'S003', name: 'Zane Ziemele' }],
      absent: [{ student: 'S002', name: 'Anna Ābele' }],
      author: 'T01',
    },
  );
});

Briefings('named students; the rest of the class shows as not briefed', async () => {
  const b = await brief('D01', { class: '7.a', date: '2026-10-07', topic: 'Elektrodrošība', students: ['S002', 'S002'] });
  assert.equal(b.briefed.map((x) => x.student), ['S002']);
  assert.equal(b.absent.map((x) => x.student), ['S001', 'S003']);
});

Briefings('refusals change nothing', async () => {
  const ok: BriefingInput = { class: '7.a', date: MON, topic: 'Ugunsdrošība', allPresent: true };
  await rejects(() => brief('T02', ok), 'forbidden', "T02 (Pēteris Ozoliņš) may not keep the class teacher's appendices: is not the class teacher of 7.a");
  await rejects(() => brief('T03', ok), 'forbidden', 'T03');
  await rejects(() => brief('T01', { ...ok, allPresent: false }), 'usage', '--all-present');
  await rejects(() => brief('T01', { ...ok, students: ['S001'] }), 'usage', '--all-present');
  await rejects(() => brief('T01', { ...ok, allPresent: false, students: ['S004'] }), 'invalid', 'Not in 7.a', 'S004');
  await rejects(() => brief('T01', { ...ok, allPresent: false, students: ['S999'] }), 'not_found', 'S999');
  await rejects(() => brief('T01', { ...ok, date: undefined }), 'usage', '--date');
  await rejects(() => brief('T01', { ...ok, date: '2026-12-01' }), 'invalid', 'future');
  await rejects(() => brief('T01', { ...ok, date: '2026-08-20' }), 'invalid', 'outside the school year');
  await rejects(() => brief('T01', { ...ok, topic: ' ' }), 'usage', '--topic');
  await rejects(() => brief('T01', { ...ok, class: '9.z' }), 'not_found', '9.z');
  assert.equal(await counts(s.db, 'briefing', 'briefing_student'), { briefing: 0, briefing_student: 0 });
});

Briefings('everybody absent: nobody to brief', async () => {
  const lesson = await s.as('T01', (c) => addLesson(c, { class: '7.a', subject: 'mat', date: MON, number: 1, topic: 'X' }));
  await s.as('T01', (c) => markAbsences(c, { lesson: lesson.id, students: ['S001', 'S002', 'S003'] }));
  await rejects(() => brief('T01', { class: '7.a', date: MON, topic: 'Ugunsdrošība', allPresent: true }), 'invalid', 'Everybody in 7.a was absent');
});

Briefings('list by class and period', async () => {
  await brief('T01', { class: '7.a', date: '2026-09-01', topic: 'Ugunsdrošība', allPresent: true });
  await brief('T01', { class: '7.a', date: MON, topic: 'Ceļu satiksme', allPresent: true });
  await brief('T03', { class: '2.a', date: MON, topic: 'Uz ledus', allPresent: true });
  const ctx = await s.ctx(null);
  assert.equal((await listBriefings(ctx)).map((b) => [b.date, b.class, b.topic]), [['2026-09-01', '7.a', 'Ugunsdrošība'], [MON, '2.a', 'Uz ledus'], [MON, '7.a', 'Ceļu satiksme']]);
  assert.equal((await listBriefings(ctx, { class: '7.a', from: '2026-09-02' })).map((b) => b.topic), ['Ceļu satiksme']);
  assert.equal((await listBriefings(ctx, { to: '2026-09-30' })).map((b) => b.briefed.length), [3]);
});

/* ---------------------------------------------------------------- conversations */

const Conversations = suite('conversations with parents');
Conversations.before.each(fresh);
Conversations.after.each(close);

const talk = (as: string, input: ConversationInput) => s.as(as, (c) => addConversation(c, input));
let ilze: number;
let oskarsMother: number;
const withGuardians = async () => {
  await fresh();
  ilze = (await s.as('admin', (c) => addGuardian(c, { students: ['S001'], firstName: 'Ilze', lastName: 'Bērziņa', relation: 'mother' }))).id;
  await s.as('admin', (c) => addGuardian(c, { students: ['S001'], firstName: 'Andris', lastName: 'Bērziņš', relation: 'father' }));
  oskarsMother = (await s.as('admin', (c) => addGuardian(c, { students: ['S004'], firstName: 'Ilze', lastName: 'Ozola', relation: 'mother' }))).id;
};
Conversations.before.each(withGuardians);

Conversations('the class teacher records a talk with a guardian named by name or id', async () => {
  const byName = await talk('T01', { student: 'S001', guardian: 'ilze bērziņa', date: '2026-10-12', summary: 'Kavējumi oktobrī', agreed: 'Māte zvanīs tās pašas dienas rītā' });
  assert.equal(
    { date: byName.date, class: byName.class, student: byName.student, guardian_id: byName.guardian_id, guardian_name: byName.guardian_name, relation: byName.relation, summary: byName.summary, agreed: byName.agreed, author: byName.author },
    { date: '2026-10-12', class: '7.a', student: 'S001', guardian_id: ilze, guardian_name: 'Ilze Bērziņa', relation: 'mother', summary: 'Kavējumi oktobrī', agreed: 'Māte zvanīs tās pašas dienas rītā', author: 'T01' },
  );
  assert.is((await talk('T01', { student: 'S001', guardian: 'Andris', date: '2026-10-13', summary: 'Sekmes' })).relation, 'father');
  assert.is((await talk('D01', { student: 'S004', guardian: String(oskarsMother), date: '2026-10-13', summary: 'Uzvedība' })).agreed, null);
});

Conversations('refusals change nothing', async () => {
  const ok: ConversationInput = { student: 'S001', guardian: String(ilze), date: '2026-10-12', summary: 'Kavējumi' };
  await rejects(() => talk('T02', ok), 'forbidden', "T02 (Pēteris Ozoliņš) may not keep the class teacher's appendices: is not the class teacher of 7.a");
  await rejects(() => talk('T03', ok), 'forbidden', 'T03');
  await rejects(() => talk('T01', { ...ok, guardian: String(oskarsMother) }), 'invalid', 'not linked to', '(S001)', 'guardian link');
  await rejects(() => talk('T01', { ...ok, guardian: '999' }), 'not_found', '999');
  await rejects(() => talk('T01', { ...ok, guardian: 'Ilze Ozola' }), 'not_found', 'Ilze Bērziņa (id');
  await rejects(() => talk('T01', { ...ok, guardian: undefined }), 'usage', '--guardian');
  await rejects(() => talk('T01', { ...ok, summary: '' }), 'usage', '--summary');
  await rejects(() => talk('T01', { ...ok, date: '2026-12-24' }), 'invalid', 'future');
  await rejects(() => talk('T01', { ...ok, student: 'S999' }), 'not_found', 'S999');
  assert.equal(await counts(s.db, 'parent_conversation'), { parent_conversation: 0 });
});

Conversations('two guardians answering to one name: give the id', async () => {
  await s.as('admin', (c) => addGuardian(c, { students: ['S001'], firstName: 'Ilze', lastName: 'Kalna', relation: 'grandmother' }));
  await rejects(() => talk('T01', { student: 'S001', guardian: 'Ilze', date: '2026-10-12', summary: 'X' }), 'usage', 'several', 'give the id');
});

Conversations('read by the class teacher of the class, deputies and admins only', async () => {
  await talk('T01', { student: 'S001', guardian: 'Ilze Bērziņa', date: '2026-10-12', summary: 'Par 7.a' });
  await talk('admin', { student: 'S004', guardian: 'Ilze Ozola', date: '2026-10-13', summary: 'Par 7.b' });
  const summaries = async (as: string | null, filter: Parameters<typeof listConversations>[1] = {}) => (await listConversations(await s.ctx(as), filter)).map((c) => c.summary);
  assert.equal(await summaries('T01'), ['Par 7.a']);
  assert.equal(await summaries('T01', { student: 'S001' }), ['Par 7.a']);
  assert.equal(await summaries('T01', { class: '7.a' }), ['Par 7.a']);
  assert.equal(await summaries('D01'), ['Par 7.a', 'Par 7.b']);
  assert.equal(await summaries('admin', { class: '7.b' }), ['Par 7.b']);
  await rejects(() => summaries('T01', { class: '7.b' }), 'forbidden', 'read conversations with parents', '7.b');
  await rejects(() => summaries('T01', { student: 'S004' }), 'forbidden', '7.b');
  await rejects(() => summaries('T02', { class: '7.a' }), 'forbidden', 'T02');
  await rejects(() => summaries('T04'), 'forbidden', 'T04', 'any class');
  await rejects(() => summaries('N01'), 'forbidden', 'N01');
  await rejects(() => summaries(null), 'usage', '--as');
});

Behavior.run();
Notes.run();
Briefings.run();
Conversations.run();
