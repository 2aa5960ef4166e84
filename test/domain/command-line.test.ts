import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { auditCommandLine } from '../../src/domain/command-line.ts';

const cases: [string[], string][] = [
  [['grade', 'add', '--class', '7.a', '--value', '8'], 'ezurnals grade add --class 7.a --value 8'],
  [['note', 'add', '--text', 'Ekskursija uz Siguldu'], "ezurnals note add --text 'Ekskursija uz Siguldu'"],
  [['sms', 'send', '--token', 's3cr3t', '--as', 'admin'], 'ezurnals sms send --token [redacted] --as admin'],
  [['account', 'set', '--password=hunter2'], 'ezurnals account set --password=[redacted]'],
  [['x', '--gateway-api-key', 'k'], 'ezurnals x --gateway-api-key [redacted]'],
  [['x', '--token'], 'ezurnals x --token'],
];
for (const [args, line] of cases) test(`audit command line: ${line}`, () => assert.is(auditCommandLine(args), line));

test.run();
