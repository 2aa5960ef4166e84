// The school year, calendar, groups and timetable in Latvian (issue 18 §1,
// §4): the wording tests run in one named language, Latvian, set per command
// (EZURNALS_LANG=lv) on a school built in English. An error message, table
// headers, plural forms, the working-day reason, and students named in the
// sentence's case in a group membership's confirmation.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { usePrompter, type Prompter } from '../../src/cli/prompt.ts';
import { smallSchool } from '../services/fixtures.ts';
import { yearEndSchool } from '../services/year-end-fixture.ts';
import { dbState, runner } from './_helpers.ts';

const LV = { EZURNALS_LANG: 'lv' };
const school = await smallSchool();
const { run, setup } = runner(school.dbPath);

/** A terminal's person who answers each confirmation with `answer`, noting the questions. */
function answering(answer: boolean): { prompter: Prompter; asked: string[] } {
  const asked: string[] = [];
  const refuse = async () => {
    throw new Error('only a confirmation is expected');
  };
  return { asked, prompter: { input: refuse, select: refuse, confirm: async ({ message }) => (asked.push(message), answer) } };
}

test.before(async () => {
  await setup([
    ['staff', 'add', 'T05', '--first-name', 'Līga', '--last-name', 'Ozola', '--role', 'teacher'],
    ['subject', 'add', 'ang', '--name', 'Angļu valoda'],
    ['group', 'add', '7a-ang1', '--subject', 'ang', '--teacher', 'T05', '--class', '7.a'],
  ]);
});
test.after.each(() => usePrompter(undefined));
test.after(() => school.cleanup());

test('an error message in Latvian; its code stays English', async () => {
  const r = await run(['group', 'show', '7a-x', '--json'], LV);
  assert.is(r.code, 3);
  assert.is(r.errorJson.error.code, 'not_found');
  assert.is(r.errorJson.error.message, 'Mācību gadā 2026/2027 nav grupas 7a-x. Skatiet `ezurnals group list`.');
  const weekday = await run(['timetable', 'set', '--class', '7.a', '--weekday', 'svētdiena', '--number', '1', '--subject', 'mat', '--json'], LV);
  assert.match(weekday.errorJson.error.message, /^--weekday "svētdiena" jābūt 1 \(pirmdiena\) … 5 \(piektdiena\) vai 6 sestdienas stundām/);
  const cleared = await run(['timetable', 'clear', '--class', '7.a', '--weekday', '1', '--number', '6', '--json'], LV);
  assert.is(cleared.errorJson.error.message, 'Stundu sarakstā 7.a klasei nav stundas pirmdienā, 6. stundā, 2026-11-29 vai vēlāk.');
});

test('table headers and the calendar: Latvian headers, the reason a day is off, plural forms of working days', async () => {
  const years = await run(['year', 'list'], LV);
  assert.is(years.code, 0, years.stderr);
  for (const header of ['gads', 'pašreizējais', 'I semestris', 'II semestris', 'brīvlaiki']) assert.ok(years.stdout.includes(header), `${header} in\n${years.stdout}`);
  assert.ok(!/semester|breaks/.test(years.stdout), years.stdout);

  const holiday = await run(['calendar', '2026-11-18', '--add', '1'], LV);
  assert.match(holiday.stdout, /datums/);
  assert.match(holiday.stdout, /valsts svētku diena: Latvijas Republikas proklamēšanas diena/);
  assert.match(holiday.stdout, /\+1 darba diena\b/);
  assert.match((await run(['calendar', '2026-11-21'], LV)).stdout, /sestdiena/);
  assert.match((await run(['calendar', '2026-11-16', '--add', '3'], LV)).stdout, /\+3 darba dienas/);
  assert.match((await run(['calendar', '2026-11-16', '--add', '10'], LV)).stdout, /\+10 darba dienu/);
  // JSON keeps the reason's words of the running language, but its keys in English.
  assert.equal(Object.keys((await run(['calendar', '2026-11-18', '--json'], LV)).json), ['date', 'working', 'reason']);

  const breaks = await run(['holiday', 'list', '--from', '2026-10-01', '--to', '2026-10-31'], LV);
  assert.match(breaks.stdout, /veids/);
  assert.match(breaks.stdout, /│ brīvlaiks │ Rudens brīvlaiks │/);
});

test('plurals: "0 aizvietotu stundu", "3 skolēniem trūkst gada vērtējumu"', async () => {
  const none = await run(['substitution', 'list', '--from', '2026-10-01', '--to', '2026-10-31'], LV);
  assert.match(none.stderr, /0 aizvietotu stundu\./);
  const promote = await run(['year', 'promote', '--class', '7.a'], LV);
  assert.is(promote.code, 0, promote.stderr);
  assert.match(promote.stderr, /3 skolēniem trūkst gada vērtējumu, lēmums netiktu ierakstīts: Annai Ābelei \(S002, 7\.a\), Jānim Bērziņam \(S001, 7\.a\) un Zanei Ziemelei \(S003, 7\.a\)\./);
  assert.match(promote.stderr, /Tikai priekšlikums: nekas nav ierakstīts\./);
  assert.match(promote.stdout, /priekšlikums/);
  assert.match(promote.stdout, /lēmums vēl nav pieņemts: nav gada vērtējuma/);
  assert.match(promote.stdout, /trūkst vērtējumu/);
  // The JSON keeps its English proposal_text: the scripts' contract.
  const json = await run(['year', 'promote', '--class', '7.a', '--json'], LV);
  assert.match(json.json.students[0].proposal_text, /^no decision yet/);
});

test('a student named in the sentence: the council decision refused, a group membership confirmed in the accusative and genitive', async () => {
  const decided = await run(['year', 'decide', '--student', 'S001', '--decision', 'graduated', '--reason', 'x', '--json'], LV);
  assert.is(decided.code, 4);
  assert.is(decided.errorJson.error.message, 'Jānis Bērziņš (S001), 7.a: izglītības posmu noslēdz tikai 9. un 12. klase; 7. klasē skolēnu pārceļ, atstāj otru gadu vai nosaka pēcpārbaudījumus.');

  const before = await dbState(school.dbPath);
  const no = answering(false);
  usePrompter(no.prompter);
  const refused = await run(['group', 'member', 'add', '7a-ang1', '--student', 'S001', '--student', 'S002', '--from', '2026-09-01'], LV);
  assert.is(refused.code, 2, refused.stderr);
  assert.equal(no.asked, ['Pievienot Jāni Bērziņu (S001) un Annu Ābeli (S002) grupai 7a-ang1 no 2026-09-01?']);
  assert.is(await dbState(school.dbPath), before, 'a refused confirmation changes nothing');

  const yes = answering(true);
  usePrompter(yes.prompter);
  const added = await run(['group', 'member', 'add', '7a-ang1', '--student', 'S001', '--student', 'S002', '--from', '2026-09-01'], LV);
  assert.is(added.code, 0, added.stderr);
  assert.match(added.stdout, /Grupas 7a-ang1 dalībnieki/);
  assert.match(added.stdout, /vārds, uzvārds/);

  // --yes asks nothing, and a refusal names the student.
  const twice = await run(['group', 'member', 'add', '7a-ang1', '--student', 'S001', '--from', '2026-10-01', '--yes', '--json'], LV);
  assert.equal(yes.asked.length, 1);
  assert.is(twice.errorJson.error.message, 'Jānis Bērziņš (S001) tajā laikā jau ir grupā 7a-ang1.');

  const leave = answering(false);
  usePrompter(leave.prompter);
  await run(['group', 'member', 'remove', '7a-ang1', '--student', 'S001', '--to', '2026-10-31'], LV);
  assert.equal(leave.asked, ['Beigt Jāņa Bērziņa (S001) dalību grupā 7a-ang1 ar 2026-10-31?']);

  // A substitution names both teachers, the replaced one in the accusative.
  const substitution = await run(['substitution', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-08', '--number', '2', '--teacher', 'T04'], LV);
  assert.is(substitution.code, 0, substitution.stderr);
  assert.match(substitution.stderr, /Jānis Ābele \(T04\) aizvieto Annu Kalniņu \(T01\): 7\.a mat, 2\. stunda 2026-10-08\./);

  // English names the person too, without declining.
  const english = answering(false);
  usePrompter(english.prompter);
  await run(['group', 'member', 'remove', '7a-ang1', '--student', 'S002']);
  assert.equal(english.asked, ['End the membership of Anna Ābele (S002) in group 7a-ang1?']);
});

test('the year end names the students it holds back, moves and lets go, in Latvian', async () => {
  const end = await yearEndSchool();
  await end.db.destroy();
  const { run: runEnd } = runner(end.dbPath);
  assert.is((await runEnd(['year', 'promote', '--all', '--apply', '--as', 'D01'])).code, 0);
  const undecided = await runEnd(['year', 'open', '2027/2028', '--json'], LV);
  assert.is(undecided.code, 4);
  assert.match(undecided.errorJson.error.message, /^2026\/2027: 1 skolēnam nav ierakstīta pārcelšanas lēmuma: vispirms ierakstiet to ar/);
  assert.equal(undecided.errorJson.error.details, ['Zane Ziemele (S003, 7.a)']);
  assert.is((await runEnd(['year', 'decide', '--student', 'S003', '--decision', 'repeat', '--reason', 'Padomes sēde'])).code, 0);
  const pending = await runEnd(['year', 'open', '2027/2028', '--json'], LV);
  assert.match(pending.errorJson.error.message, /^2026\/2027: 1 skolēnam vēl jākārto pēcpārbaudījumi/);
  assert.is((await runEnd(['year', 'decide', '--student', 'S004', '--decision', 'promoted', '--reason', 'Nokārtots'])).code, 0);
  const plan = await runEnd(['year', 'open', '2027/2028', '--dry-run'], LV);
  assert.is(plan.code, 0, plan.stderr);
  assert.match(plan.stderr, /Aiziet \(izglītības posms pabeigts\): Kārlis Kalns \(S901, 9\.a\), Laura Lapa \(S902, 9\.a\)/);
  assert.match(plan.stderr, /Paliek otru gadu tajā pašā klasē: .*Zane Ziemele \(S003, 7\.a\)/);
  assert.match(plan.stderr, /Tikai plāns: 2027\/2028 nav mainīts\./);
  assert.match(plan.stdout, /7\.a pārceltie/);
});

test.run();
