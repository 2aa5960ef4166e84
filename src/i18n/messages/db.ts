// The journal's storage: `ezurnals db`, opening and creating the database
// (src/db/connection.ts, location.ts, migrate.ts, copy.ts), the checks of
// its files' owners and modes (src/domain/database-files.ts), and an atomic
// batch's one database (src/cli/database-handles.ts).
import { messages, type Catalogue } from '../catalogue.ts';

type DbFile = 'database' | 'wal' | 'shm';

const en = {
  // db
  dbFamily: "the journal's storage: copy a school between an SQLite file and a PostgreSQL server",
  dbCopy: 'copy a whole school (its history and audit chain included) into a new SQLite file or a new school on a PostgreSQL server',
  /** The arguments' names, shown in the usage line. */
  argFrom: '<from>',
  argTo: '<to>',
  dbCopyFrom: 'the school to copy: an SQLite file, or postgres://…?school=CODE',
  dbCopyTo: 'the new database: an SQLite file that does not exist yet, or postgres://…?school=CODE not taken yet',
  hTables: 'tables',
  hAuditEntries: 'audit entries',
  copied: (to: string) => `Copied the school into ${to}. Check both with \`ezurnals audit verify\`: the audit chain came along entry for entry.`,
  dbGrant:
    "PostgreSQL: let a role of the server use this school as the application: it writes the journal, reads the audit log, and never updates or deletes it (run as the schema's owner)",
  dbGrantRole: 'the server role the application signs in as, e.g. ezurnals_app',
  hRole: 'role',
  granted: (role: string, school: string) => `${role} may now use school ${school}: the audit log is append-only to it (sealing and redaction only through the owner's functions).`,
  // connection.ts
  exists: (path: string) => `A database already exists at ${path}; init refuses to overwrite it.`,
  noDatabase: (path: string) =>
    `No ezurnals database at ${path}. Create one with \`ezurnals init --school "…" --year 2026/2027\`, or point to it with --db PATH or EZURNALS_DB.`,
  cannotOpen: (path: string, detail: string) => `Cannot open the database ${path}: ${detail}`,
  cannotCreate: (path: string, detail: string) => `Cannot create the database ${path}: ${detail}`,
  notOurs: (path: string) => `${path} is an SQLite database, but not one of ezurnals: it was left unchanged.`,
  ownerMustUpgrade: (path: string, uid: number) => `The database ${path} needs upgrading to this version of ezurnals, which only its owner (uid ${uid}) may do: run a command as that user first.`,
  notEzurnals: (path: string, detail: string) => `${path} is not an ezurnals database: ${detail}`,
  noWorkingFiles: (path: string, detail: string) =>
    `Cannot open the database ${path}: SQLite could not create its working files (${path}-wal, ${path}-shm) beside it — its folder or file system is read-only, or not yours (SQLite: ${detail}).`,
  readOnly: 'This database belongs to another user: you may read it, but only its owner may write to it.',
  grantSqlite: 'db grant is for a school on a PostgreSQL server: an SQLite file is guarded by its file permissions.',
  badRoleName: (role: string) => `"${role}" is not a role name this tool will quote: use lower-case letters, digits and _.`,
  noRole: (role: string) => `No role ${role} on the server: create it first (create role ${role} login password '…').`,
  notSchemaOwner: (school: string, detail: string) => `Only the owner of school ${school}'s schema may grant rights on it: ${detail}.`,
  // location.ts
  badUrl: (url: string) => `The database URL ${url} is not a valid URL: give postgres://USER@HOST:5432/DATABASE?school=CODE.`,
  urlNoSchool: (url: string) => `The database URL ${url} names no school: add ?school=CODE (one school per schema on the server).`,
  badSchoolCode: (school: string) =>
    `The school code "${school}" cannot name a school on the server: use lower-case letters, digits and _ (up to 48, starting with a letter; not public or pg_…).`,
  // migrate.ts
  newerSchema: (schema: string, latest: string) => `This database was written by a newer ezurnals (schema ${schema}; this version knows up to ${latest}). Upgrade ezurnals to open it.`,
  migrationFailed: (name: string, detail: string) => `Database migration ${name} failed: ${detail}`,
  // copy.ts
  schemaVersions: (from: string, to: string) => `The two databases are at different schema versions (${from} and ${to}): open both with this version of ezurnals first.`,
  targetHoldsData: (table: string) => `The target already holds data (table ${table}): a school is copied only into a new, empty database.`,
  targetLacks: (tables: string) => `The target lacks the tables ${tables}.`,
  // database-files.ts
  fileNames: { database: 'The database', wal: "The database's WAL file", shm: "The database's shared-memory file" } as Record<DbFile, string>,
  foreignOwner: (what: string, path: string, uid: number, owner: number, rm: string, chown: string) =>
    `${what} ${path} belongs to uid ${uid}, not to the database's owner (uid ${owner}): another user created it, and may have written into it what the journal would read. With no ezurnals running, remove it if you do not trust it (${rm}), or give it to the owner: ${chown}.`,
  othersWrite: (what: string, path: string, mode: string, fix: string) => `${what} ${path} may be written by users other than its owner (mode ${mode}): they could change grades unseen. Fix it with: ${fix}`,
  folderOwner: (path: string, uid: number, owner: number, chown: string) =>
    `The folder ${path} belongs to uid ${uid}, not to the database's owner (uid ${owner}): its owner could replace the database or put a WAL file beside it. Move the database, or: ${chown}`,
  folderWrite: (path: string, mode: string, fix: string) =>
    `The folder ${path} may be written by users other than its owner (mode ${mode}): they could replace the database or put a WAL file beside it. Fix it with: ${fix}`,
  othersRead: (path: string, mode: string, fix: string) => `Other users may read the database ${path} (mode ${mode}), and with it every personas kods and grade: ${fix}`,
  notOwner: (path: string, owner: number, uid: number, sudo: string) =>
    `The database ${path} belongs to uid ${owner}, and you are uid ${uid}: ezurnals does not create its -wal and -shm files as another user. Run it as the database's owner (e.g. ${sudo}).`,
  // database-handles.ts
  atomicOneFile: 'An --atomic batch writes one database file: this line names another.',
  atomicOnePerson: (now: string, before: string) => `An --atomic batch acts as one person (the audit log seals it once): this line acts as ${now}, earlier lines as ${before}.`,
  theOperator: 'the system operator',
};

const lv: typeof en = {
  dbFamily: 'žurnāla glabātuve: skolas kopēšana starp SQLite failu un PostgreSQL serveri',
  dbCopy: 'kopēt visu skolu (ar vēsturi un audita ķēdi) jaunā SQLite failā vai jaunā skolā PostgreSQL serverī',
  argFrom: '<no>',
  argTo: '<uz>',
  dbCopyFrom: 'kopējamā skola: SQLite fails vai postgres://…?school=KODS',
  dbCopyTo: 'jaunā datubāze: SQLite fails, kura vēl nav, vai vēl neaizņemts postgres://…?school=KODS',
  hTables: 'tabulas',
  hAuditEntries: 'audita ieraksti',
  copied: (to: string) => `Skola nokopēta uz ${to}. Pārbaudiet abas ar \`ezurnals audit verify\`: audita ķēde pārnesta ierakstu pa ierakstam.`,
  dbGrant:
    'PostgreSQL: ļaut servera lomai lietot šo skolu kā lietotnei: tā raksta žurnālu, lasa audita žurnālu, bet nekad nelabo un nedzēš tā ierakstus (jāizpilda shēmas īpašniekam)',
  dbGrantRole: 'servera loma, ar kuru pieslēdzas lietotne, piemēram, ezurnals_app',
  hRole: 'loma',
  granted: (role: string, school: string) =>
    `${role} tagad drīkst lietot skolu ${school}: audita žurnālā tā var tikai pievienot ierakstus (aizzīmogošana un aizklāšana tikai ar īpašnieka funkcijām).`,
  exists: (path: string) => `${path} jau ir datubāze; init to nepārrakstīs.`,
  noDatabase: (path: string) =>
    `${path} nav ezurnals datubāzes. Izveidojiet to ar \`ezurnals init --school "…" --year 2026/2027\` vai norādiet to ar --db CEĻŠ vai EZURNALS_DB.`,
  cannotOpen: (path: string, detail: string) => `Nevar atvērt datubāzi ${path}: ${detail}`,
  cannotCreate: (path: string, detail: string) => `Nevar izveidot datubāzi ${path}: ${detail}`,
  notOurs: (path: string) => `${path} ir SQLite datubāze, bet ne ezurnals datubāze: tā atstāta nemainīta.`,
  ownerMustUpgrade: (path: string, uid: number) =>
    `Datubāze ${path} jāatjaunina šai ezurnals versijai, un to drīkst tikai tās īpašnieks (uid ${uid}): vispirms izpildiet kādu komandu kā šis lietotājs.`,
  notEzurnals: (path: string, detail: string) => `${path} nav ezurnals datubāze: ${detail}`,
  noWorkingFiles: (path: string, detail: string) =>
    `Nevar atvērt datubāzi ${path}: SQLite nevarēja blakus izveidot darba failus (${path}-wal, ${path}-shm) — mape vai failu sistēma ir tikai lasāma vai nepieder jums (SQLite: ${detail}).`,
  readOnly: 'Šī datubāze pieder citam lietotājam: jūs to varat lasīt, bet rakstīt tajā drīkst tikai tās īpašnieks.',
  grantSqlite: 'db grant attiecas uz skolu PostgreSQL serverī: SQLite failu sargā faila atļaujas.',
  badRoleName: (role: string) => `"${role}" nav lomas nosaukums, ko šis rīks pieņem: lietojiet mazos burtus, ciparus un _.`,
  noRole: (role: string) => `Serverī nav lomas ${role}: vispirms izveidojiet to (create role ${role} login password '…').`,
  notSchemaOwner: (school: string, detail: string) => `Tiesības uz skolas ${school} shēmu drīkst piešķirt tikai tās īpašnieks: ${detail}.`,
  badUrl: (url: string) => `Datubāzes URL ${url} nav derīgs: norādiet postgres://LIETOTĀJS@SERVERIS:5432/DATUBĀZE?school=KODS.`,
  urlNoSchool: (url: string) => `Datubāzes URL ${url} nenorāda skolu: pievienojiet ?school=KODS (serverī katrai skolai sava shēma).`,
  badSchoolCode: (school: string) =>
    `Skolas kods "${school}" nevar apzīmēt skolu serverī: lietojiet mazos burtus, ciparus un _ (līdz 48, sākot ar burtu; ne public, ne pg_…).`,
  newerSchema: (schema: string, latest: string) =>
    `Šo datubāzi rakstījusi jaunāka ezurnals versija (shēma ${schema}; šī versija zina līdz ${latest}). Lai to atvērtu, atjauniniet ezurnals.`,
  migrationFailed: (name: string, detail: string) => `Datubāzes migrācija ${name} neizdevās: ${detail}`,
  schemaVersions: (from: string, to: string) => `Abu datubāzu shēmu versijas atšķiras (${from} un ${to}): vispirms atveriet abas ar šo ezurnals versiju.`,
  targetHoldsData: (table: string) => `Mērķī jau ir dati (tabula ${table}): skolu kopē tikai jaunā, tukšā datubāzē.`,
  targetLacks: (tables: string) => `Mērķī trūkst tabulu: ${tables}.`,
  fileNames: { database: 'Datubāze', wal: 'Datubāzes WAL fails', shm: 'Datubāzes koplietojamās atmiņas fails' },
  foreignOwner: (what: string, path: string, uid: number, owner: number, rm: string, chown: string) =>
    `${what} ${path} pieder uid ${uid}, nevis datubāzes īpašniekam (uid ${owner}): to izveidojis cits lietotājs, kas tajā varējis ierakstīt to, ko žurnāls nolasītu. Kamēr neviens ezurnals nedarbojas, izdzēsiet to, ja tam neuzticaties (${rm}), vai nododiet īpašniekam: ${chown}.`,
  othersWrite: (what: string, path: string, mode: string, fix: string) =>
    `${what} ${path} var rakstīt arī citi lietotāji, ne tikai īpašnieks (režīms ${mode}): viņi varētu nemanāmi mainīt atzīmes. Izlabojiet ar: ${fix}`,
  folderOwner: (path: string, uid: number, owner: number, chown: string) =>
    `Mape ${path} pieder uid ${uid}, nevis datubāzes īpašniekam (uid ${owner}): mapes īpašnieks varētu aizstāt datubāzi vai ielikt blakus WAL failu. Pārvietojiet datubāzi vai: ${chown}`,
  folderWrite: (path: string, mode: string, fix: string) =>
    `Mapē ${path} var rakstīt arī citi lietotāji, ne tikai īpašnieks (režīms ${mode}): viņi varētu aizstāt datubāzi vai ielikt blakus WAL failu. Izlabojiet ar: ${fix}`,
  othersRead: (path: string, mode: string, fix: string) => `Datubāzi ${path} var lasīt citi lietotāji (režīms ${mode}), un līdz ar to katru personas kodu un atzīmi: ${fix}`,
  notOwner: (path: string, owner: number, uid: number, sudo: string) =>
    `Datubāze ${path} pieder uid ${owner}, bet jūs esat uid ${uid}: ezurnals neveido tās -wal un -shm failus cita lietotāja vārdā. Izpildiet to kā datubāzes īpašnieks (piemēram, ${sudo}).`,
  atomicOneFile: '--atomic pakete raksta vienā datubāzes failā: šī rinda norāda citu.',
  atomicOnePerson: (now: string, before: string) =>
    `--atomic pakete rīkojas kā viena persona (audita žurnāls to aizzīmogo vienreiz): šajā rindā rīkojas ${now}, iepriekšējās — ${before}.`,
  theOperator: 'sistēmas operators',
};

export const catalogue: Catalogue<typeof en> = { en, lv };
export const m = messages(catalogue);
