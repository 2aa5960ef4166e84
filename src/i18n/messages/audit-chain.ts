// The audit chain's verdicts (src/domain/audit-chain.ts): what `audit verify`
// and `archive verify` say when an entry or a seal was tampered with.
import { count, messages, type Catalogue } from '../catalogue.ts';

const en = {
  entry: (id: number, operation: string, table: string, record: string) => `entry #${id} (${operation} of ${table}${record})`,
  span: (first: number, last: number) => `the entries #${first}–#${last} sealed together`,
  outOfOrder: (name: string) => `${name} is out of order`,
  deletedBefore: (missing: number, name: string, first: number, last: number) =>
    `${missing === 1 ? '1 entry' : `${missing} entries`} before ${name} ${missing === 1 ? 'was' : 'were'} deleted (${missing === 1 ? `id ${last} is` : `ids ${first}–${last} are`} missing)`,
  endsRangeEarly: (name: string, span: string) => `${name} ends ${span} too early: the seals were changed`,
  neverSealed: (name: string) => `${name} was written outside ezurnals: it was never sealed`,
  redactedUnlisted: (name: string) => `${name} is marked redacted, but no sealed anonymisation lists it: its values were changed`,
  valuesChanged: (name: string) => `${name} was changed: its values no longer match their digest`,
  hashChanged: (name: string) => `${name} was changed: it no longer matches its hash`,
  notFollowing: (name: string) => `${name} does not follow the entry before it: an entry was removed, inserted or reordered`,
  ownSealValues: (name: string, span: string) => `${name} was changed: it carries seal values of its own inside ${span}`,
  insideForeignRange: (name: string, span: string) => `${name} is inside ${span}, whose first entries are not: the seals were changed`,
  redactedNoDigest: (name: string) => `${name} was changed: it is redacted without its values' digest`,
  nonceGone: (name: string) => `${name} was changed: its nonce is gone`,
  rangeChanged: (span: string, actor: string | null, command: string) => `${span} were changed: one of them no longer matches their seal (by ${actor ?? 'the system'}, ${command})`,
  sealChanged: (span: string) => `the seal of ${span} was changed: it no longer matches its hash`,
  sealNotFollowing: (span: string) => `the seal of ${span} does not follow the entry before it: an entry was removed, inserted or reordered`,
  rangeCut: (span: string, last: number, end: number) => `${span} end at #${last}, but the log ends at #${end}: entries were deleted`,
  sealMismatch: (first: number, last: number) => `a seal over the entries #${first}–#${last} does not match them: the seals were changed`,
  lastDeleted: (cut: number, from: number) => `the last ${cut === 1 ? '1 entry' : `${cut} entries`} (from #${from}) ${cut === 1 ? 'was' : 'were'} deleted`,
};

const entriesLv = (n: number) => count(n, { one: 'ieraksts', other: 'ieraksti', zero: 'ierakstu' }, 'lv');

const lv: typeof en = {
  entry: (id: number, operation: string, table: string, record: string) => `ieraksts #${id} (${operation}, tabula ${table}${record})`,
  span: (first: number, last: number) => `kopā aizzīmogotie ieraksti #${first}–#${last}`,
  outOfOrder: (name: string) => `${name} nav savā vietā pēc kārtas`,
  deletedBefore: (missing: number, name: string, first: number, last: number) =>
    `${missing === 1 ? 'izdzēsts 1 ieraksts' : `izdzēsti ${entriesLv(missing)}`} pirms: ${name} (${missing === 1 ? `trūkst ID ${last}` : `trūkst ID ${first}–${last}`})`,
  endsRangeEarly: (name: string, span: string) => `${name} pārāk agri beidz šādus ierakstus: ${span}; zīmogi ir mainīti`,
  neverSealed: (name: string) => `${name} ierakstīts ārpus ezurnals: tas nekad nav aizzīmogots`,
  redactedUnlisted: (name: string) => `${name} atzīmēts kā anonimizēts, bet neviena aizzīmogota anonimizēšana to neuzskaita: tā vērtības ir mainītas`,
  valuesChanged: (name: string) => `${name} ir mainīts: tā vērtības vairs neatbilst kontrolsummai`,
  hashChanged: (name: string) => `${name} ir mainīts: tas vairs neatbilst savam jaucējkodam`,
  notFollowing: (name: string) => `${name} neseko iepriekšējam ierakstam: kāds ieraksts ir izņemts, ievietots vai pārkārtots`,
  ownSealValues: (name: string, span: string) => `${name} ir mainīts: tam ir pašam savas zīmoga vērtības, lai gan tas pieder pie šiem: ${span}`,
  insideForeignRange: (name: string, span: string) => `${name} pieder pie šiem: ${span}, bet to pirmie ieraksti ne; zīmogi ir mainīti`,
  redactedNoDigest: (name: string) => `${name} ir mainīts: tas anonimizēts bez vērtību kontrolsummas`,
  nonceGone: (name: string) => `${name} ir mainīts: tā nejaušā vērtība (nonce) ir zudusi`,
  rangeChanged: (span: string, actor: string | null, command: string) => `mainīti ${span}: kāds no tiem vairs neatbilst zīmogam (${actor ?? 'sistēma'}, ${command})`,
  sealChanged: (span: string) => `mainīts zīmogs, kas aptver šos: ${span}; tas vairs neatbilst savam jaucējkodam`,
  sealNotFollowing: (span: string) => `zīmogs, kas aptver šos: ${span}, neseko iepriekšējam ierakstam; kāds ieraksts ir izņemts, ievietots vai pārkārtots`,
  rangeCut: (span: string, last: number, end: number) => `${span} beidzas ar #${last}, bet žurnāls beidzas ar #${end}: ieraksti ir izdzēsti`,
  sealMismatch: (first: number, last: number) => `zīmogs pār ierakstiem #${first}–#${last} tiem neatbilst: zīmogi ir mainīti`,
  lastDeleted: (cut: number, from: number) => `izdzēsti pēdējie ${entriesLv(cut)} (no #${from})`,
};

export const catalogue: Catalogue<typeof en> = { en, lv };
export const m = messages(catalogue);
