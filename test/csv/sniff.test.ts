import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { detectDelimiter, normalizeDelimiter } from '../../src/csv/sniff.ts';

const cases: [string, string, string][] = [
  ['semicolons (Latvian Excel)', 'Kods;Vārds;Uzvārds\nS1;Jānis;Bērziņš\n', ';'],
  ['commas', 'code,first_name,last_name\nS1,Jānis,Bērziņš\n', ','],
  ['tabs (Excel "Unicode text")', 'Kods\tVārds\nS1\tJānis\n', '\t'],
  ['CRLF', 'a;b\r\n1;2\r\n3;4\r\n', ';'],
  ['a header alone', 'Klase;Priekšmets;Datums', ';'],
  ['quoted commas in a ; file', 'Klase;Skolēns;Vērtējums\n7.a;"Bērziņš, Jānis";"7,5"\n7.b;"Ābele, Žanete";"8,5"\n', ';'],
  // Counting every ',' would see two per line against one ';' and choose ','.
  ['more quoted commas than semicolons, on every line', '"Uzvārds, vārds";"Vidējais, atzīme"\n"Bērziņš, Jānis";"7,5"\n"Ābele, Žanete";"8,5"\n', ';'],
  ['unquoted decimal commas in a ; file', 'Skolēns;Vērtējums\nS1;7,5\nS2;8\nS3;9,25\n', ';'],
  ['quoted decimal commas in a , file', 'student,value\nS1,"7,5"\nS2,"8,25"\n', ','],
  ['a quoted newline does not start a record', 'a;b\n"x\ny,z,w,v";1\n2;3\n', ';'],
  ['doubled quotes inside a quoted value', 'a;b\n"Saka ""jā, jā""";1\n"x";2\n', ';'],
  ['spaces before an opening quote', 'a; "b,c"\n1; "2,3"\n', ';'],
  ['a quote inside an unquoted value is data', 'Nosaukums;Adrese\nSIA "Zeme, mežs";Rīga\n5" disketes;Cēsis\n', ';'],
  ['semicolons in the text of a tab file', 'Vārds\tPiezīmes\nJānis\tlabi; ļoti\nAnna\tslikti\n', '\t'],
  ['semicolons in unquoted text of a , file', 'a,b\n1,x;y\n2,z\n', ','],
  ['short rows: the count most rows share with the header', 'a;b;c\n1;2\n3;4;5\n6;7;8\n', ';'],
  ['blank lines are not records', 'a;b\n\n\n1;2\n\n', ';'],
  ['cut off inside a quoted value (a 64 KiB sample)', 'a;b\n1;2\n3;"unterminated, x, y, z', ';'],
  ['one column', 'code\nS1\nS2\n', ','],
  ['empty text', '', ','],
];
for (const [name, text, expected] of cases) {
  test(`detectDelimiter: ${name}`, () => assert.is(detectDelimiter(text), expected));
}

test('detectDelimiter reads only the first 20 records', () => {
  // In the first 20 records ';' and ',' tie (';' wins ties); were the rest
  // counted, ';' would vary per record and ',' alone would be consistent.
  const text = 'a;b,c\n'.repeat(20) + 'a;b;c,d\n'.repeat(30);
  assert.is(detectDelimiter(text), ';');
});

const overrides: [string, string | null][] = [
  [';', ';'],
  [',', ','],
  ['\t', '\t'],
  ['tab', '\t'],
  ['TAB', '\t'],
  ['\\t', '\t'],
  ['semicolon', ';'],
  ['comma', ','],
  ['|', '|'],
  ['"', null],
  [';;', null],
  ['', null],
];
for (const [input, expected] of overrides) {
  test(`normalizeDelimiter ${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () =>
    assert.is(normalizeDelimiter(input), expected));
}

test.run();
