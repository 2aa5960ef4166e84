// How the journal's messages name a student (issue 18 §4): name and code, in
// Latvian in the sentence's case; a code that is a personas kods is masked.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { withLanguage } from '../../src/i18n/language.ts';
import { named, namedList } from '../../src/i18n/messages/journal-people.ts';

const janis = { code: 'S001', first_name: 'Jānis', last_name: 'Bērziņš' };
const liga = { code: 'S002', name: 'Līga Ozola' };

test('Latvian: the name in the case asked for, the code as it is', () => {
  withLanguage('lv', () => {
    assert.is(named(janis), 'Jānis Bērziņš (S001)');
    assert.is(named(janis, 'dative'), 'Jānim Bērziņam (S001)');
    assert.is(named(janis, 'genitive'), 'Jāņa Bērziņa (S001)');
    assert.is(named(janis, 'accusative'), 'Jāni Bērziņu (S001)');
    assert.is(named(liga, 'dative'), 'Līgai Ozolai (S002)');
    assert.is(namedList([janis, liga, janis], 'dative'), 'Jānim Bērziņam (S001) un Līgai Ozolai (S002)');
  });
});

test('English: the name as written, whatever the case', () => {
  withLanguage('en', () => {
    assert.is(named(janis, 'dative'), 'Jānis Bērziņš (S001)');
    assert.is(namedList([janis, liga]), 'Jānis Bērziņš (S001) and Līga Ozola (S002)');
  });
});

test('a personas kods used as a code is masked in messages', () => {
  withLanguage('lv', () => assert.is(named({ code: '160415-12345', name: 'Anna Liepa' }), 'Anna Liepa (160415-*****)'));
});

test.run();
