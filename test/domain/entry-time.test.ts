import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseEntryTime } from '../../src/domain/entry-time.ts';

const cases: [string, string | null][] = [
  ['2026-10-05T17:03:09+03:00', '2026-10-05T14:03:09.000Z'],
  ['2026-10-05T14:03:09Z', '2026-10-05T14:03:09.000Z'],
  ['2026-10-05T17:03+03:00', '2026-10-05T14:03:00.000Z'],
  ['05.10.2026 17:03', '2026-10-05T14:03:00.000Z'], // summer time, +03:00
  ['5.10.2026 17:03', '2026-10-05T14:03:00.000Z'],
  ['05.12.2026 17:03', '2026-12-05T15:03:00.000Z'], // winter time, +02:00
  ['2026-12-05 17:03:30', '2026-12-05T15:03:30.000Z'],
  ['2026-12-05T17:03', '2026-12-05T15:03:00.000Z'],
  ['  05.10.2026 08:00  ', '2026-10-05T05:00:00.000Z'],
  ['2026-02-30T10:00:00+02:00', null],
  ['31.02.2026 10:00', null],
  ['05.10.2026 25:00', null],
  ['05.10.2026', null],
  ['vakar', null],
  ['', null],
];
for (const [text, expected] of cases) {
  test(`parseEntryTime ${JSON.stringify(text)}`, () => assert.is(parseEntryTime(text)?.toISOString() ?? null, expected));
}

test.run();
