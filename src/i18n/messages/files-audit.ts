// `ezurnals audit …`: its help, its tables, and the verifier's findings.
// The audit log's entries themselves (tables, operations, values, commands)
// are data and stay as they were written.
import { count, messages, type Catalogue } from '../catalogue.ts';

const en = {
  auditDescription: 'the audit trail: every write, who made it, with which command, values before and after (admins and deputies)',
  listDescription: 'list audit entries, newest first',
  listEntity: 'only writes to this table, e.g. grade, student, absence',
  listStudent: 'only records about this student',
  listSince: 'only entries from this day on',
  listBy: 'only entries of this staff code ("system": those made without --as)',
  listLimit: 'at most this many entries',
  listOldestFirst: 'oldest first instead',
  verifyDescription: 'check the database file, the hash chain, and every row against its last entry: exit 4 naming the first changed, deleted, reordered or unsealed entry or row',
  verifyHead: 'also check that a head printed earlier by `audit head` (or kept in an archive manifest or a year closure) is still in the chain',
  headDescription: "print the audit chain's head (position and hash): keep it outside the database, and check it later with `audit verify --head`",
  columnAt: 'at',
  columnBy: 'by',
  columnOperation: 'operation',
  columnRecord: 'record',
  columnValues: 'values',
  columnHead: 'head',
  columnPosition: 'position',
  columnHash: 'hash',
  outsideEzurnals: 'OUTSIDE EZURNALS (unsealed)',
  redacted: '(redacted)',
  verifiedRedacted: (n: number) => ` (${n} redacted by anonymisation)`,
  verifiedRemembered: (position: number) => `; the remembered head #${position} is in the chain`,
  verifiedOk: (entries: number, redacted: string, rows: number, remembered: string) => `OK: ${entries} audit entries verified${redacted}, ${rows} rows match their last entry${remembered}.`,
  headLine: (head: string) => `Head: ${head}`,

  // services/audit.ts
  badSince: (since: string) => `--since ${since}: give a date, e.g. 2026-11-01.`,
  noHead: 'The audit log has no sealed entry yet: there is no head to keep.',
  badHead: (head: string, example: string) => `head ${head}: give POSITION:HASH as \`audit head\` printed it, e.g. ${example}.`,
  failsAt: (entry: number, reason: string) => `The audit log does not verify at entry #${entry}: ${reason}.`,
  triggerFault: (fault: string) => `The audit log's entries verify, but ${fault}.`,
  rowsFault: (fault: string) => `The audit log's entries verify, but the data does not match them: ${fault}.`,
  headCut: (head: string, end: number) => `The remembered head ${head} is not in the audit log: the log ends at #${end}, so entries were cut and the chain rebuilt.`,
  headRewritten: (head: string, position: number, hash: string) => `The remembered head ${head} is not in the audit log: entry #${position} now has the hash ${hash}, so the chain was rewritten up to there.`,

  // db/audit/integrity.ts (SQLite's own bookkeeping)
  triggerMissing: (name: string) => `the audit trigger ${name} is missing: such writes are not being logged`,
  triggerAltered: (name: string) => `the audit trigger ${name} was altered`,
  triggerDisabled: (name: string) => `the audit trigger ${name} is disabled: such writes are not being logged`,
  rowNoEntry: (row: string) => `${row} has no audit entry: it was written with the audit off, or its entries were deleted`,
  rowDeletedBack: (row: string, entry: number) => `${row} exists, but its last audit entry #${entry} deletes it: it was written back with the audit off`,
  rowChanged: (row: string, entry: number) => `${row} does not hold the values of its last audit entry #${entry}: it was changed with the audit off, or its later entries were deleted`,
  rowMissing: (row: string, entry: number) => `${row} is missing, but its last audit entry #${entry} wrote it: it was deleted with the audit off`,
};

const lv: typeof en = {
  auditDescription: 'audita žurnāls (izmaiņu vēsture): katra izmaiņa datubāzē, kas izmaiņu veicis, ar kuru komandu, vērtības pirms un pēc (administratoriem un direktora vietniekiem)',
  listDescription: 'parādīt audita žurnāla ierakstus, jaunākos vispirms',
  listEntity: 'tikai izmaiņas šajā tabulā, piemēram, grade, student, absence',
  listStudent: 'tikai ieraksti par šo skolēnu',
  listSince: 'tikai ieraksti, sākot ar šo dienu',
  listBy: 'tikai šī darbinieka koda ieraksti ("system": tie, kas veikti bez --as)',
  listLimit: 'ne vairāk kā tik ierakstu',
  listOldestFirst: 'vecākos vispirms',
  verifyDescription: 'pārbaudīt datubāzes failu, jaucējvērtību ķēdi un katru rindu pret tās pēdējo ierakstu: izejas kods 4, nosaucot pirmo ierakstu vai rindu, kas mainīta, dzēsta, pārkārtota vai nav aizzīmogota',
  verifyHead: 'pārbaudīt arī, vai `audit head` agrāk izdrukātā ķēdes galva (vai tā, kas glabājas arhīva manifestā vai gada slēgumā) joprojām ir ķēdē',
  headDescription: 'izdrukāt audita ķēdes galvu (pozīciju un jaucējvērtību): glabājiet galvu ārpus datubāzes un vēlāk pārbaudiet ar `audit verify --head`',
  columnAt: 'laiks',
  columnBy: 'kas',
  columnOperation: 'darbība',
  columnRecord: 'ieraksts',
  columnValues: 'vērtības',
  columnHead: 'galva',
  columnPosition: 'pozīcija',
  columnHash: 'jaucējvērtība',
  outsideEzurnals: 'ĀRPUS EZURNALS (neaizzīmogots)',
  redacted: '(aizklāts)',
  verifiedRedacted: (n: number) => ` (${n} aizklāti anonimizējot)`,
  verifiedRemembered: (position: number) => `; saglabātā galva #${position} ir ķēdē`,
  verifiedOk: (entries: number, redacted: string, rows: number, remembered: string) =>
    `OK: pārbaudīti ${count(entries, { one: 'audita ieraksts', other: 'audita ieraksti', zero: 'audita ierakstu' })}${redacted}, ${count(rows, { one: 'rinda atbilst', other: 'rindas atbilst', zero: 'rindu atbilst' })} savam pēdējam ierakstam${remembered}.`,
  headLine: (head: string) => `Galva: ${head}`,

  badSince: (since: string) => `--since ${since}: norādiet datumu, piemēram, 2026-11-01.`,
  noHead: 'Audita žurnālā vēl nav neviena aizzīmogota ieraksta: nav galvas, ko saglabāt.',
  badHead: (head: string, example: string) => `galva ${head}: norādiet POZĪCIJA:JAUCĒJVĒRTĪBA, kā to izdrukāja \`audit head\`, piemēram, ${example}.`,
  failsAt: (entry: number, reason: string) => `Audita žurnāls neiztur pārbaudi pie ieraksta #${entry}: ${reason}.`,
  triggerFault: (fault: string) => `Audita žurnāla ieraksti ir pareizi, bet ${fault}.`,
  rowsFault: (fault: string) => `Audita žurnāla ieraksti ir pareizi, bet dati tiem neatbilst: ${fault}.`,
  headCut: (head: string, end: number) => `Saglabātās galvas ${head} audita žurnālā nav: žurnāls beidzas pie #${end}, tātad ieraksti nogriezti un ķēde pārbūvēta.`,
  headRewritten: (head: string, position: number, hash: string) =>
    `Saglabātās galvas ${head} audita žurnālā nav: ierakstam #${position} tagad ir jaucējvērtība ${hash}, tātad ķēde līdz tam pārrakstīta.`,

  triggerMissing: (name: string) => `trūkst audita trigera ${name}: šādas izmaiņas netiek reģistrētas`,
  triggerAltered: (name: string) => `audita trigeris ${name} ir mainīts`,
  triggerDisabled: (name: string) => `audita trigeris ${name} ir atslēgts: šādas izmaiņas netiek reģistrētas`,
  rowNoEntry: (row: string) => `rindai ${row} nav audita ieraksta: tā ierakstīta ar izslēgtu auditu, vai tās ieraksti dzēsti`,
  rowDeletedBack: (row: string, entry: number) => `rinda ${row} ir, bet tās pēdējais audita ieraksts #${entry} to dzēš: tā ierakstīta atpakaļ ar izslēgtu auditu`,
  rowChanged: (row: string, entry: number) => `rindā ${row} nav tās pēdējā audita ieraksta #${entry} vērtību: tā mainīta ar izslēgtu auditu, vai tās vēlākie ieraksti dzēsti`,
  rowMissing: (row: string, entry: number) => `rindas ${row} nav, bet tās pēdējais audita ieraksts #${entry} to ierakstīja: tā dzēsta ar izslēgtu auditu`,
};

export const catalogue: Catalogue<typeof en> = { en, lv };
export const m = messages(catalogue);
