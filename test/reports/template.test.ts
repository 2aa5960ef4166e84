import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile, escapeHtml, render, trusted, TemplateError } from '../../src/reports/template.ts';

const partials: Record<string, string> = { greeting: 'Sveiki, {{name}}!' };
const run = (source: string, view: unknown) => render(compile(source), view, (name) => compile(partials[name] ?? `missing ${name}`));

test('values are escaped, null and undefined print nothing', async () => {
  const cases: [string, unknown, string][] = [
    ['{{name}}', { name: '<b>Anna & "Ko"</b>' }, '&lt;b&gt;Anna &amp; &quot;Ko&quot;&lt;/b&gt;'],
    ["{{name}}", { name: "O'Neil" }, 'O&#39;Neil'],
    ['[{{missing}}]', {}, '[]'],
    ['[{{none}}]', { none: null }, '[]'],
    ['{{n}}', { n: 0 }, '0'],
    ['{{a.b.c}}', { a: { b: { c: 'ģ' } } }, 'ģ'],
    ['{{a.x.c}}', { a: {} }, ''],
    ['{{ spaced }}', { spaced: 'ok' }, 'ok'],
  ];
  for (const [source, view, expected] of cases) assert.is(await run(source, view), expected, source);
});

test('raw output takes only trusted HTML', async () => {
  assert.is(await run('<p>{{{body}}}</p>', { body: trusted('<b>ā</b>') }), '<p><b>ā</b></p>');
  assert.is(await run('<p>{{{body}}}</p>', {}), '<p></p>');
  assert.throws(() => run('{{{body}}}', { body: '<script>x</script>' }), /not trusted HTML/);
});

test('each repeats with the item as scope, falls back to else, and names resolve outwards', async () => {
  const view = { title: 'Klase', rows: [{ name: 'Ābele' }, { name: 'Bērziņš' }], empty: [] };
  assert.is(await run('{{#each rows}}{{@index}}:{{name}}/{{title}};{{/each}}', view), '0:Ābele/Klase;1:Bērziņš/Klase;');
  assert.is(await run('{{#each empty}}x{{else}}nav{{/each}}', view), 'nav');
  assert.is(await run('{{#each missing}}x{{else}}nav{{/each}}', view), 'nav');
  assert.is(await run('{{#each list}}[{{.}}]{{/each}}', { list: ['n', 'ns'] }), '[n][ns]');
  assert.is(await run('{{#each outer}}{{#each inner}}{{.}}{{/each}}|{{/each}}', { outer: [{ inner: [1, 2] }, { inner: [3] }] }), '12|3|');
  assert.throws(() => run('{{#each title}}x{{/each}}', view), /not a list/);
});

test('if and unless treat empty lists, empty text, zero and null as false', async () => {
  const cases: [unknown, string][] = [[[], 'no'], [[1], 'yes'], ['', 'no'], ['a', 'yes'], [0, 'no'], [3, 'yes'], [null, 'no'], [undefined, 'no'], [true, 'yes']];
  for (const [value, expected] of cases) {
    assert.is(await run('{{#if v}}yes{{else}}no{{/if}}', { v: value }), expected, `if ${JSON.stringify(value)}`);
    assert.is(await run('{{#unless v}}no{{else}}yes{{/unless}}', { v: value }), expected, `unless ${JSON.stringify(value)}`);
  }
});

test('partials render in the current scope', async () => {
  assert.is(await run('{{#each people}}{{> greeting}} {{/each}}', { people: [{ name: 'Jānis' }, { name: '<Zane>' }] }), 'Sveiki, Jānis! Sveiki, &lt;Zane&gt;! ');
});

test('malformed templates fail when compiled, naming the problem', () => {
  const cases: [string, RegExp][] = [
    ['{{#each rows}}x', /not closed/],
    ['{{#if a}}x{{/each}}', /closes \{\{#if\}\}/],
    ['x{{/if}}', /closes nothing/],
    ['{{#loop rows}}{{/loop}}', /unknown block/],
    ['{{else}}', /outside a block/],
    ['{{#if a}}1{{else}}2{{else}}3{{/if}}', /outside a block/],
    ['{{#each}}{{/each}}', /needs a name/],
  ];
  for (const [source, message] of cases) {
    try {
      compile(source, 'bad.html');
      assert.unreachable(source);
    } catch (error) {
      assert.instance(error, TemplateError, source);
      assert.match((error as Error).message, message, source);
      assert.match((error as Error).message, /bad\.html/);
    }
  }
});

test('escapeHtml', () => {
  assert.is(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  assert.is(escapeHtml('Ābele Ģirts'), 'Ābele Ģirts');
});

test.run();
