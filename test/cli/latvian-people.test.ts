// The registry and people area speaks Latvian (issue 18 §1), and names
// people by name in the case the sentence needs (§4): "Pārcelt Jāni Bērziņu
// (S001) uz 7.b?". These tests run in one named language, Latvian; the rest of
// the suite checks the same commands in English.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { usePrompter, type Prompter } from '../../src/cli/prompt.ts';
import { withLanguage } from '../../src/i18n/language.ts';
import { m as people } from '../../src/i18n/messages/people.ts';
import { checkPersonalCode } from '../../src/domain/personal-code.ts';
import { EXAMPLE_SCHOOL, runner } from './_helpers.ts';
import { tempDir } from '../support/school.ts';

const LV = { EZURNALS_LANG: 'lv' };
const t = tempDir('ezurnals-latvian-people-');
const { run, setup } = runner(t.dbPath);

/** A terminal that answers every confirmation with `answer`, and remembers the questions. */
function confirming(answer: boolean): { prompter: Prompter; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    prompter: {
      input: async ({ message }) => {
        throw new Error(`not expected to ask: ${message}`);
      },
      select: async ({ message }) => {
        throw new Error(`not expected to choose: ${message}`);
      },
      confirm: async ({ message }) => (asked.push(message), answer),
    },
  };
}

test.before(async () => {
  await setup([
    ...EXAMPLE_SCHOOL,
    ['class', 'add', '7.b', '--level', '7'],
    ['student', 'add', 'S002', '--first-name', 'Anna', '--last-name', 'Liepa', '--class', '7.a'],
    ['guardian', 'add', '--student', 'S001', '--first-name', 'Ilze', '--last-name', 'Bērziņa', '--relation', 'mother', '--phone', '+37129999999'],
  ]);
});

test.after.each(() => usePrompter(undefined));
test.after(() => t.cleanup());

test('moving a student asks about them by name, in the accusative: "Pārcelt Jāni Bērziņu (S001) uz 7.b?"', async () => {
  const { prompter, asked } = confirming(false);
  usePrompter(prompter);
  const r = await run(['student', 'move', 'S001', '--class', '7.b', '--date', '2026-11-02'], LV);
  assert.equal(asked, ['Pārcelt Jāni Bērziņu (S001) uz 7.b?']);
  assert.is(r.code, 2);
  assert.match(r.stderr, /kļūda: Atcelts\./);
  assert.is((await run(['student', 'show', 'S001', '--json'])).json.class, '7.a', 'a cancelled move changes nothing');
});

test('the same question in English names the student too', async () => {
  const { prompter, asked } = confirming(false);
  usePrompter(prompter);
  await run(['student', 'move', 'S001', '--class', '7.b']);
  assert.equal(asked, ['Move Jānis Bērziņš (S001) to 7.b?']);
});

test('deactivating an employee and ending an assignment name the teacher in the right case', async () => {
  const { prompter, asked } = confirming(false);
  usePrompter(prompter);
  await run(['staff', 'set', 'T02', '--no-active'], LV);
  await run(['assign', 'remove', '--class', '7.a', '--subject', 'mat', '--teacher', 'T01'], LV);
  assert.equal(asked, [
    'Deaktivizēt Pēteri Ozoliņu (T02)? Vēsture saglabāsies, bet žurnālu vairs nevarēs lietot.',
    'Beigt Annas Kalniņas (T01) norīkojumu mācīt mat 7.a klasē?',
  ]);
});

test('table headers are Latvian; JSON keys stay English', async () => {
  const table = await run(['student', 'list', '--class', '7.a'], LV);
  assert.is(table.code, 0, table.stderr);
  for (const header of ['kods', 'vārds, uzvārds', 'klase', 'personas kods', 'dzimšanas datums', 'tālrunis']) assert.ok(table.stdout.includes(header), `${header} in\n${table.stdout}`);
  const json = await run(['student', 'list', '--class', '7.a', '--json'], LV);
  assert.equal(Object.keys(json.json[0]).slice(0, 4), ['id', 'code', 'first_name', 'last_name']);
});

test('a look-up error is Latvian, with the error code English', async () => {
  const r = await run(['student', 'show', 'S999', '--json'], LV);
  assert.is(r.code, 3);
  assert.is(r.errorJson.error.code, 'not_found');
  assert.is(r.errorJson.error.message, 'Nav skolēna ar kodu S999. Skatiet `ezurnals student list`.');
  const year = await run(['class', 'list', '--year', '2030/2031'], LV);
  assert.match(year.stderr, /kļūda: Mācību gads 2030\/2031 nav atrasts/);
});

test('a refusal names the person first, then what they may not do and why', async () => {
  const r = await run(['student', 'add', 'S050', '--first-name', 'Zane', '--last-name', 'Ābele', '--as', 'T01', '--json'], LV);
  assert.is(r.code, 5);
  assert.is(r.errorJson.error.message, 'Anna Kalniņa (T01) nedrīkst kārtot skolas reģistru: to drīkst tikai administrators vai direktora vietnieks');
});

test('a guardian already linked: both people named, the student in the dative', async () => {
  const list = await run(['guardian', 'list', '--student', 'S001', '--json']);
  const id = String(list.json[0].id);
  const r = await run(['guardian', 'link', id, '--student', 'S001', '--relation', 'mother', '--json'], LV);
  assert.is(r.code, 6);
  assert.is(r.errorJson.error.message, `Ilze Bērziņa (likumiskais pārstāvis ${id}) jau ir piesaistīts skolēnam Jānim Bērziņam (S001).`);
});

test('a password reset says to whom the SMS goes, in the dative', async () => {
  const r = await run(['account', 'reset', 'ilze.berzina'], LV);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /Jauna parole Ilzei Bērziņai \(ilze\.berzina\) ielikta rindā nosūtīšanai uz \+37129999999/);
  assert.ok(r.stdout.includes('lietotājvārds'), r.stdout);
});

test('the shared words read one way in every table: a status is "statuss", a school year "mācību gads"', async () => {
  const accounts = await run(['account', 'list'], LV);
  assert.is(accounts.code, 0, accounts.stderr);
  assert.match(accounts.stdout, /│ statuss +│/);
  assert.not.match(accounts.stdout, /stāvoklis/);
  const classes = await run(['class', 'list'], LV);
  assert.is(classes.code, 0, classes.stderr);
  assert.match(classes.stdout, /│ mācību gads +│/);
});

test('counts take the Latvian plural: 1 skolēns, 2 skolēni, 10 skolēnu; 21 likumiskais pārstāvis', () => {
  withLanguage('lv', () => {
    assert.is(people.anonymizeCounts(1, 2, '2020-09-01'), '1 skolēns un 2 likumiskie pārstāvji, kas skolu atstājuši pirms 2020-09-01');
    assert.is(people.anonymizeCounts(10, 21, '2020-09-01'), '10 skolēnu un 21 likumiskais pārstāvis, kas skolu atstājuši pirms 2020-09-01');
  });
  withLanguage('en', () => assert.is(people.anonymizeCounts(1, 2, '2020-09-01'), '1 student and 2 guardians who left before 2020-09-01'));
});

test('the SMS outbox counts its messages in Latvian', async () => {
  const r = await run(['sms', 'send'], { ...LV, EZURNALS_SMS_TRANSPORT: 'outbox' });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /rindā paliek \d+ (ziņa|ziņas|ziņu)\./);
});

test("a personas kods check explains itself in Latvian", () => {
  const check = withLanguage('lv', () => checkPersonalCode('010110-20003'));
  assert.equal(check, { ok: false, reason: 'kontrolcipars nesakrīt (pēdējam ciparam jābūt 2)' });
  const bad = withLanguage('lv', () => checkPersonalCode('12345'));
  assert.equal(bad, { ok: false, reason: 'jābūt 11 cipariem: DDMMGG-CNNNN vai 32XXXX-XXXXX' });
});

test('a missing value on the command line is a Latvian usage error naming the flag', async () => {
  const r = await run(['staff', 'add', 'T09', '--json'], LV);
  assert.is(r.code, 2);
  assert.is(r.errorJson.error.message, '--first-name ir obligāts.');
});

test.run();
