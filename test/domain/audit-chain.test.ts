import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ChainVerifier, entryHash, formatHead, GENESIS_HASH, parseHead, rowMatchesEntry, valuesDigest, type ChainEntry } from '../../src/domain/audit-chain.ts';

/** A sealed chain of `n` entries, as seal.ts makes it. */
function chain(n: number): ChainEntry[] {
  const entries: ChainEntry[] = [];
  let prev = GENESIS_HASH;
  for (let id = 1; id <= n; id++) {
    const nonce = `nonce-${id}`;
    const before = id % 2 ? null : `{"id":${id},"value":"7"}`;
    const after = `{"id":${id},"value":"${id}"}`;
    const base = { id, table_name: 'grade', operation: before ? 'update' : 'insert', record_key: String(id), student_id: 1, at: `2026-11-29T08:00:0${id}.000Z`, actor: 'T01', os_user: 'skola', command: 'ezurnals grade add', values_digest: valuesDigest(nonce, before, after), prev_hash: prev };
    const hash = entryHash(base);
    entries.push({ ...base, nonce, before_values: before, after_values: after, hash, redacted_at: null });
    prev = hash;
  }
  return entries;
}

function verify(entries: ChainEntry[], lastIssued = entries.at(-1)?.id ?? 0, listed: number[] = []) {
  const v = new ChainVerifier(new Set(listed));
  for (const e of entries) {
    const fault = v.check(e);
    if (fault) return fault;
  }
  return v.finish(lastIssued) ?? { ok: v.count };
}

test('an untouched chain verifies', () => {
  assert.equal(verify(chain(5)), { ok: 5 });
  assert.equal(verify([]), { ok: 0 });
});

const cases: [string, (c: ChainEntry[]) => ChainEntry[], number, RegExp][] = [
  ['a changed value', (c) => (c[2]!.after_values = '{"id":3,"value":"10"}', c), 3, /values no longer match their digest/],
  ['a changed author', (c) => (c[1]!.actor = 'admin', c), 2, /no longer matches its hash/],
  ['a changed time', (c) => (c[3]!.at = '2026-11-28T08:00:00.000Z', c), 4, /no longer matches its hash/],
  ['a deleted entry in the middle', (c) => c.filter((e) => e.id !== 3), 4, /1 entry before entry #4 .* was deleted \(id 3 is missing\)/],
  ['the first entries deleted', (c) => c.slice(2), 3, /2 entries before entry #3 .* were deleted \(ids 1–2 are missing\)/],
  ['an entry read twice (ids not ascending)', (c) => [c[0]!, c[1]!, c[1]!, c[2]!, c[3]!, c[4]!], 2, /out of order/],
  ['two entries swapped, contents only', (c) => { const [a, b] = [c[1]!, c[2]!]; return [c[0]!, { ...b, id: 2 }, { ...a, id: 3 }, c[3]!, c[4]!]; }, 2, /no longer matches its hash/],
  ['an entry re-hashed after an edit, but not its successor', (c) => {
    const e = c[1]!;
    e.after_values = '{"id":2,"value":"10"}';
    e.values_digest = valuesDigest(e.nonce!, e.before_values, e.after_values);
    e.hash = entryHash(e);
    return c;
  }, 3, /does not follow the entry before it/],
  ['an unsealed entry', (c) => (Object.assign(c[2]!, { hash: null, nonce: null, values_digest: null, prev_hash: null }), c), 3, /written outside ezurnals/],
  ['an entry marked redacted that no anonymisation lists', (c) => (Object.assign(c[1]!, { nonce: null, after_values: '{}', redacted_at: 'x' }), c), 2, /no sealed anonymisation lists it/],
];
for (const [name, tamper, entryId, reason] of cases) {
  test(`detected: ${name}`, () => {
    const fault = verify(tamper(chain(5)), 5) as { entryId: number; reason: string };
    assert.is(fault.entryId, entryId, fault.reason);
    assert.match(fault.reason, reason);
  });
}

test('entries cut off the end are caught by the last id issued', () => {
  assert.equal(verify(chain(5).slice(0, 3), 5), { entryId: 4, reason: 'the last 2 entries (from #4) were deleted' });
  assert.equal(verify([], 1), { entryId: 1, reason: 'the last 1 entry (from #1) was deleted' });
});

test('a redacted entry listed by an anonymisation verifies through its digest, with its values and nonce gone', () => {
  const c = chain(4);
  Object.assign(c[1]!, { nonce: null, after_values: '{"id":2,"value":"[anonimizēts]"}', redacted_at: '2026-11-29T09:00:00.000Z' });
  assert.equal(verify(c, 4, [2]), { ok: 4 });
});

test('a head reads back as it was printed; anything else is not a head', () => {
  const hash = 'ab'.repeat(32);
  const cases: [string, { position: number; hash: string } | null][] = [
    [`2832:${hash}`, { position: 2832, hash }],
    [` 7:${hash.toUpperCase()}\n`, { position: 7, hash }],
    [`2832:${hash.slice(1)}`, null],
    [`2832-${hash}`, null],
    [`x:${hash}`, null],
    [`:${hash}`, null],
    ['', null],
  ];
  for (const [text, head] of cases) assert.equal(parseHead(text), head, JSON.stringify(text));
  assert.is(formatHead({ position: 12, hash }), `12:${hash}`);
  assert.equal(parseHead(formatHead({ position: 12, hash })), { position: 12, hash });
});

test('a row matches its last entry: the same values, or a later column holding null or its default', () => {
  const defaults = new Map<string, unknown>([['kind', 'regular'], ['weight', 1]]);
  const cases: [string, string, string | null, boolean][] = [
    ['the same text', '{"id":1,"value":"8"}', '{"id":1,"value":"8"}', true],
    ['a value changed', '{"id":1,"value":"10"}', '{"id":1,"value":"8"}', false],
    ['a number where a string was', '{"id":1,"value":8}', '{"id":1,"value":"8"}', false],
    ['a null now set', '{"id":1,"note":"x"}', '{"id":1,"note":null}', false],
    ['no entry values (a delete)', '{"id":1}', null, false],
    ['a column added later, null', '{"id":1,"value":"8","note":null}', '{"id":1,"value":"8"}', true],
    ['a column added later, at its default', '{"id":1,"value":"8","kind":"regular","weight":1}', '{"id":1,"value":"8"}', true],
    ['a column added later, off its default', '{"id":1,"value":"8","kind":"test"}', '{"id":1,"value":"8"}', false],
    ['a column added later, no default, set', '{"id":1,"value":"8","note":"x"}', '{"id":1,"value":"8"}', false],
    ['a column dropped since', '{"id":1}', '{"id":1,"old":"x"}', true],
    ['keys in another order', '{"value":"8","id":1}', '{"id":1,"value":"8"}', true],
    ['not JSON', 'nonsense', '{"id":1}', false],
  ];
  for (const [label, row, entry, expected] of cases) assert.is(rowMatchesEntry(row, entry, defaults), expected, label);
});

test.run();
