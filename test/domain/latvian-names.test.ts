import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { declineName } from '../../src/domain/latvian-names.ts';

// name, accusative, dative, genitive
const CASES: [string, string, string, string][] = [
  ['Jānis Bērziņš', 'Jāni Bērziņu', 'Jānim Bērziņam', 'Jāņa Bērziņa'],
  ['Anna Ābele', 'Annu Ābeli', 'Annai Ābelei', 'Annas Ābeles'],
  ['Kārlis Ozols', 'Kārli Ozolu', 'Kārlim Ozolam', 'Kārļa Ozola'],
  ['Ingus Kalniņš', 'Ingu Kalniņu', 'Ingum Kalniņam', 'Ingus Kalniņa'],
  ['Līga Liepa-Ozola', 'Līgu Liepu-Ozolu', 'Līgai Liepai-Ozolai', 'Līgas Liepas-Ozolas'],
  ['Andris Krūmiņš', 'Andri Krūmiņu', 'Andrim Krūmiņam', 'Andra Krūmiņa'],
  // Foreign endings and initials stay as written.
  ['Hugo Alex', 'Hugo Alex', 'Hugo Alex', 'Hugo Alex'],
  ['DACE K.', 'DACE K.', 'DACE K.', 'DACE K.'],
];

for (const [name, accusative, dative, genitive] of CASES) {
  test(`${name}: ${accusative} / ${dative} / ${genitive}`, () => {
    assert.is(declineName(name, 'accusative'), accusative);
    assert.is(declineName(name, 'dative'), dative);
    assert.is(declineName(name, 'genitive'), genitive);
    assert.is(declineName(name, 'nominative'), name);
  });
}

test.run();
