import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  defaultTermDate,
  futureGradeReason,
  isTermLike,
  notEnrolledReason,
  outsideYearReason,
  termGradeTakenReason,
  type YearDates,
} from '../../src/domain/journal-rules.ts';

const year: YearDates = { code: '2026/2027', starts_on: '2026-09-01', ends_on: '2027-08-31', semester1_to: '2026-12-22', semester2_to: '2027-05-28' };

test('term-like works: the three term grades, state exams and make-ups', () => {
  for (const work of ['semester1', 'semester2', 'annual', 'state-exam', 'makeup']) assert.ok(isTermLike(work), work);
  for (const work of ['regular', 'credit', 'test', 'large']) assert.not.ok(isTermLike(work), work);
});

test('term grades default to their semester end; other works have no default date', () => {
  assert.is(defaultTermDate('semester1', year), '2026-12-22');
  assert.is(defaultTermDate('semester2', year), '2027-05-28');
  assert.is(defaultTermDate('annual', year), '2027-05-28');
  assert.is(defaultTermDate('regular', year), undefined);
});

test('a date outside the school year is refused with the year and its bounds; its first and last days are in', () => {
  assert.is(outsideYearReason('2026-09-01', year), null);
  assert.is(outsideYearReason('2027-08-31', year), null);
  assert.is(outsideYearReason('2026-08-31', year), '2026-08-31 is outside the school year 2026/2027 (2026-09-01 – 2027-08-31).');
});

test('only term-like grades may be dated after today', () => {
  assert.is(futureGradeReason('2026-11-29', '2026-11-29', false), null);
  assert.is(futureGradeReason('2026-11-30', '2026-11-29', false), 'A grade cannot be dated in the future (2026-11-30).');
  assert.is(futureGradeReason('2026-12-22', '2026-11-29', true), null);
});

test('enrollment and term-grade refusals name the students', () => {
  assert.is(notEnrolledReason('7.a', '2026-10-01', ['S100', 'S101']), 'Not in 7.a on 2026-10-01: S100, S101.');
  assert.is(termGradeTakenReason(['S100'], 'semester1', 'mat', [7]), 'S100 already has a semester1 grade in mat (ids 7); use `ezurnals grade correct`.');
  assert.is(termGradeTakenReason(['S100', 'S101'], 'annual', 'mat', [7, 9]), 'S100, S101 already have a annual grade in mat (ids 7, 9); use `ezurnals grade correct`.');
});

test.run();
