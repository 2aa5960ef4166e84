import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { asciiSlug, classSlug, uniqueNames } from '../../src/reports/file-names.ts';

test('file names are plain ASCII', () => {
  const cases: [string, string][] = [
    ['Bērziņš Jānis', 'berzins-janis'],
    ['ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž', 'acegiklnsuz-acegiklnsuz'],
    ['  Anna-Marija  Ozoliņa ', 'anna-marija-ozolina'],
    ['<b>Anna & "Ko"</b>', 'b-anna-ko-b'],
    ['Ābele/..\\etc', 'abele-etc'],
  ];
  for (const [input, expected] of cases) assert.is(asciiSlug(input), expected, input);
  assert.is(classSlug('7.a'), '7a');
  assert.is(classSlug('12.b'), '12b');
});

test('only colliding names get the distinguishing part', () => {
  const students = [
    { name: 'skuja-zane', code: 'S001' },
    { name: 'skuja-zane', code: 'S002' },
    { name: 'ozols-niks', code: 'S003' },
  ];
  assert.equal(uniqueNames(students, (s) => s.name, (s) => s.code), ['skuja-zane_s001', 'skuja-zane_s002', 'ozols-niks']);
});

test.run();
