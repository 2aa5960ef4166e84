import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { canReceiveSms, checkPhone } from '../../src/domain/contact.ts';

const valid: [string, string][] = [
  ['29123456', '+37129123456'],
  ['29 123 456', '+37129123456'],
  ['29-123-456', '+37129123456'],
  ['2912.3456', '+37129123456'],
  ['+371 29123456', '+37129123456'],
  ['0037129123456', '+37129123456'],
  ['37129123456', '+37129123456'],
  ['67123456', '+37167123456'],
  ['+372 5123 4567', '+37251234567'],
  ['+4915112345678', '+4915112345678'],
];
for (const [input, e164] of valid) {
  test(`phone ${JSON.stringify(input)} → ${e164}`, () => {
    assert.equal(checkPhone(input), { ok: true, phone: e164 });
  });
}

const invalid = ['', '2912345', '291234567', '39123456', '+37139123456', '+3712912345', '+0123456789', 'zvani', '+1234567890123456'];
for (const input of invalid) {
  test(`phone ${JSON.stringify(input)} is refused`, () => {
    const check = checkPhone(input);
    assert.is(check.ok, false);
  });
}

const sms: [string, boolean][] = [
  ['+37129123456', true],
  ['+37120000001', true],
  ['+37167123456', false],
  ['+37251234567', true],
  ['29123456', false],
];
for (const [phone, expected] of sms) {
  test(`${phone} ${expected ? 'receives' : 'does not receive'} a password SMS`, () => {
    assert.is(canReceiveSms(phone), expected);
  });
}

test.run();
