import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ChainVerifier, entryHash, formatHead, GENESIS_HASH, parseHead, RangeDigest, rowMatchesEntry, sealHash, valuesDigest, type ChainEntry, type RangeSeal } from '../../src/domain/audit-chain.ts';

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

/**
 * A log as it is since issue 17: `alone` entries sealed one by one (an older
 * database), then ranges of the given sizes, each under one seal, as seal.ts
 * makes them. The entries keep their trigger's nonce and no seal values.
 */
function ranged(alone: number, sizes: number[]): { entries: ChainEntry[]; seals: RangeSeal[] } {
  const entries = chain(alone);
  let prev = entries.at(-1)?.hash ?? GENESIS_HASH;
  const seals: RangeSeal[] = [];
  let id = alone;
  for (const [i, size] of sizes.entries()) {
    const digest = new RangeDigest();
    const first = id + 1;
    for (let k = 0; k < size; k++) {
      id++;
      const nonce = `nonce-${id}`;
      const after = `{"id":${id},"value":"${id % 10}"}`;
      const e: ChainEntry = { id, table_name: 'grade', operation: 'insert', record_key: String(id), student_id: 1, at: `2026-11-29T09:00:00.${String(id).padStart(3, '0')}Z`, actor: null, os_user: null, command: null, nonce, before_values: null, after_values: after, values_digest: null, prev_hash: null, hash: null, redacted_at: null };
      digest.add(e, valuesDigest(nonce, null, after));
      entries.push(e);
    }
    const body = { first_id: first, last_id: id, actor: 'T01', os_user: 'skola', command: `ezurnals import grades g${i}.csv`, digest: digest.digest(), prev_hash: prev };
    const seal = { id: i + 1, ...body, hash: sealHash(body) };
    seals.push(seal);
    prev = seal.hash;
  }
  return { entries, seals };
}

/** As services/audit.ts reads them: each entry with the first seal ending at or after it; seals gone past handed to `passed`. */
function verifyRanged({ entries, seals: unordered }: { entries: ChainEntry[]; seals: RangeSeal[] }, lastIssued = entries.at(-1)?.id ?? 0, listed: number[] = []) {
  const v = new ChainVerifier(new Set(listed));
  const seals = [...unordered].sort((a, b) => a.last_id - b.last_id);
  let next = 0;
  for (const e of entries) {
    while (seals[next] && seals[next]!.last_id < e.id) {
      const fault = v.passed(seals[next++]!);
      if (fault) return fault;
    }
    const fault = v.check(e, seals[next] ?? null);
    if (fault) return fault;
  }
  const cut = v.finish(lastIssued);
  if (cut) return cut;
  for (; next < seals.length; next++) {
    const fault = v.passed(seals[next]!);
    if (fault) return fault;
  }
  return { ok: v.count };
}

test('ranges under one seal each verify, after entries sealed alone (an older database) or from the start', () => {
  assert.equal(verifyRanged(ranged(3, [4, 1, 5])), { ok: 13 });
  assert.equal(verifyRanged(ranged(0, [2, 3])), { ok: 5 });
  assert.equal(verifyRanged(ranged(0, [])), { ok: 0 });
});

const rangeCases: [string, (log: { entries: ChainEntry[]; seals: RangeSeal[] }) => { entries: ChainEntry[]; seals: RangeSeal[] }, number, RegExp][] = [
  ['a value changed inside a range', (l) => (l.entries[5]!.after_values = '{"id":6,"value":"10"}', l), 4, /the entries #4–#7 sealed together were changed: one of them no longer matches their seal \(by T01, ezurnals import grades g0\.csv\)/],
  ['an entry’s time changed inside a range', (l) => (l.entries[8]!.at = '2026-11-28T09:00:00.000Z', l), 9, /the entries #9–#13 sealed together were changed/],
  ['an entry deleted inside a range (ids closed up)', (l) => ({ ...l, entries: l.entries.filter((e) => e.id !== 5).map((e) => (e.id > 5 ? { ...e, id: e.id - 1 } : e)) }), 4, /the entries #4–#7 sealed together were changed/],
  ['an entry deleted inside a range (a gap)', (l) => ({ ...l, entries: l.entries.filter((e) => e.id !== 5) }), 6, /1 entry before entry #6 .* was deleted/],
  ['an entry inserted inside a range (ids moved up)', (l) => {
    const extra: ChainEntry = { ...l.entries[4]!, id: 5, record_key: '99', after_values: '{"id":99}', nonce: 'x' };
    return { ...l, entries: [...l.entries.slice(0, 4), extra, ...l.entries.slice(4).map((e) => ({ ...e, id: e.id + 1 }))] };
  }, 4, /the entries #4–#7 sealed together were changed/],
  ['an entry appended to a range’s end, the seal’s end moved', (l) => (l.seals[0]!.last_id = 8, l), 4, /./],
  ['a range’s nonce removed', (l) => (l.entries[4]!.nonce = null, l), 5, /entry #5 .* was changed: its nonce is gone/],
  ['seal values written into a range’s entry', (l) => (l.entries[4]!.actor = 'T02', l), 5, /entry #5 .* was changed: it carries seal values of its own inside the entries #4–#7/],
  ['a seal’s author changed', (l) => (l.seals[1]!.actor = 'T02', l), 8, /the seal of the entries #8–#8 sealed together was changed: it no longer matches its hash/],
  ['a seal deleted', (l) => (l.seals.splice(1, 1), l), 8, /entry #8 .* was written outside ezurnals: it was never sealed/],
  ['a range re-digested and re-hashed, but not the seal after it', (l) => {
    const [seal] = l.seals;
    const e = l.entries[4]!;
    e.after_values = '{"id":5,"value":"10"}';
    const digest = new RangeDigest();
    for (const x of l.entries.slice(3, 7)) digest.add(x, valuesDigest(x.nonce!, x.before_values, x.after_values));
    seal!.digest = digest.digest();
    seal!.hash = sealHash(seal!);
    return l;
  }, 8, /the seal of the entries #8–#8 sealed together does not follow the entry before it/],
  ['the last range’s entries cut, the last id set back with them', (l) => ({ ...l, entries: l.entries.slice(0, 8) }), 9, /the entries #9–#13 sealed together end at #13, but the log ends at #8: entries were deleted/],
  ['a range’s last entries cut, the last id set back with them', (l) => ({ ...l, entries: l.entries.slice(0, 10) }), 11, /the entries #9–#13 sealed together end at #13, but the log ends at #10/],
  ['a second seal over some of a range’s entries', (l) => (l.seals.push({ ...l.seals[0]!, id: 9, first_id: 5, last_id: 6 }), l), 4, /./],
];
for (const [name, tamper, entryId, reason] of rangeCases) {
  test(`detected in a sealed range: ${name}`, () => {
    const log = tamper(ranged(3, [4, 1, 5]));
    const fault = verifyRanged(log, Math.min(13, log.entries.at(-1)!.id)) as { entryId: number; reason: string };
    assert.ok(fault.reason, JSON.stringify(fault));
    assert.is(fault.entryId, entryId, fault.reason);
    assert.match(fault.reason, reason);
  });
}

test('a redacted entry inside a range verifies through the values digest it keeps, when an anonymisation lists it', () => {
  const log = ranged(3, [4, 1, 5]);
  const e = log.entries[5]!;
  Object.assign(e, { values_digest: valuesDigest(e.nonce!, e.before_values, e.after_values), nonce: null, after_values: '{"id":6,"value":"[anonimizēts]"}', redacted_at: '2026-11-29T10:00:00.000Z' });
  assert.equal(verifyRanged(log, 13, [6]), { ok: 13 });
  assert.match((verifyRanged(log, 13, []) as { reason: string }).reason, /entry #6 .* no sealed anonymisation lists it/);
  e.values_digest = valuesDigest('guessed', null, '{"id":6,"value":"6"}');
  assert.match((verifyRanged(log, 13, [6]) as { reason: string }).reason, /the entries #4–#7 sealed together were changed/);
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
