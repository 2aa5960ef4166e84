// The rules' reasons in Latvian (issue 18 §1): why a day is off and why a
// promotion decision is refused, read in the run's language (the suite runs
// in English; these run in Latvian by name).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { WorkingCalendar } from '../../src/domain/calendar.ts';
import { makeupRefusal, recordedDecision } from '../../src/domain/promotion.ts';
import { withLanguage } from '../../src/i18n/language.ts';

const calendar = new WorkingCalendar([
  { from: '2026-10-19', to: '2026-10-23', kind: 'school-break', name: 'Rudens brīvlaiks' },
  { from: '2023-05-29', to: '2023-05-29', kind: 'holiday', name: 'Hokeja bronzas diena' },
]);

test('why a day is off, in Latvian and in English', () => {
  const cases: [string, string, string][] = [
    ['2026-11-21', 'sestdiena', 'Saturday'],
    ['2026-11-22', 'svētdiena', 'Sunday'],
    ['2026-11-18', 'valsts svētku diena: Latvijas Republikas proklamēšanas diena', 'public holiday: Latvijas Republikas proklamēšanas diena'],
    ['2026-10-20', 'brīvlaiks: Rudens brīvlaiks', 'school break: Rudens brīvlaiks'],
    ['2023-05-29', 'svētku diena: Hokeja bronzas diena', 'holiday: Hokeja bronzas diena'],
  ];
  for (const [day, lv, en] of cases) {
    assert.is(withLanguage('lv', () => calendar.whyNotWorking(day)), lv, day);
    assert.is(withLanguage('en', () => calendar.whyNotWorking(day)), en, day);
  }
  assert.is(withLanguage('lv', () => calendar.whyNotWorking('2026-11-23')), null);
});

test("a council's decision the grade cannot have, and a make-up grade for a passed subject, refused in Latvian", () => {
  withLanguage('lv', () => {
    assert.equal(recordedDecision('promoted', 9, []), { ok: false, reason: '9. klase noslēdz pamatizglītību: lēmums ir graduated, certificate vai repeat' });
    assert.equal(recordedDecision('promoted', 12, []), { ok: false, reason: '12. klase noslēdz vidējo izglītību: lēmums ir graduated, certificate vai repeat' });
    assert.equal(recordedDecision('makeup', 7, []), { ok: false, reason: 'pēcpārbaudījuma lēmumā jānorāda mācību priekšmeti' });
    assert.match(makeupRefusal('6', 7, null)!, /^gada vērtējums ir 6, tas nav nepietiekams/);
    assert.is(makeupRefusal('3', 7, null), null);
  });
});

test.run();
