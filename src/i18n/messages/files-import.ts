// `ezurnals import` and `ezurnals export`: their help, the import summary,
// and every problem an import finds in a row. The administrator who reads
// them fixes a sheet in Excel: each says what is wrong with the cell and
// what would be accepted. Column names, kinds and codes stay as typed.
import { count, messages, plural, type Catalogue, type PluralForms } from '../catalogue.ts';
import { declineName } from '../../domain/latvian-names.ts';

type Lv = PluralForms;
/** A Latvian count as Latvians write big numbers: `12 345 rindas` (a space between thousands from five digits, as CLDR's lv). */
const num = (value: number) => value.toLocaleString('lv');
const n = (value: number, forms: Lv) => `${num(value)} ${plural(value, forms, 'lv')}`;
const ROWS: Lv = { one: 'rinda', other: 'rindas', zero: 'rindu' };
const EN_ROWS: PluralForms = { one: 'row', other: 'rows' };
const LESSONS: Lv = { one: 'jauna stunda', other: 'jaunas stundas', zero: 'jaunu stundu' };
const DAYS: Lv = { one: 'darba dienu', other: 'darba dienām' };

const en = {
  // --- export ---------------------------------------------------------------
  exportDescription: (kinds: string) => `write one kind of record as CSV or JSON, in the columns the importer reads (${kinds})`,
  exportOut: 'write to a file instead of stdout',
  exportFormat: 'csv or json',
  exportExcel: 'CSV for Latvian Excel: Latvian headers and words, names beside codes, DD.MM.YYYY dates, ";" separator, UTF-8 BOM, CRLF; imports back as the same data',
  unknownKind: (kind: string, kinds: string) => `Unknown kind "${kind}": one of ${kinds}.`,
  unknownKindOrBundle: (kind: string, kinds: string) => `Unknown kind "${kind}": one of ${kinds}, or bundle.`,
  badFormat: (format: string) => `--format must be csv or json, not "${format}".`,
  excelCsvOnly: '--excel applies to CSV only.',
  exported: (rows: number, kind: string, file: string) => `Wrote ${rows} ${kind} to ${file}.`,
  exportSayWho: (kind: string) => `Exporting ${kind} writes out personal data, which an admin or a deputy does by name: say who you are with --as CODE or EZURNALS_USER.`,
  // An output file (src/output-file.ts).
  noFolder: (path: string, folder: string) => `Cannot write ${path}: the folder ${folder} does not exist.`,
  notAFolder: (path: string, folder: string) => `Cannot write ${path}: ${folder} is not a folder.`,
  isAFolder: (path: string) => `${path} is a folder: name a file to write.`,
  isALink: (path: string, target: string) => `${path} is a symbolic link (to ${target}); add --force to replace the link with the file.`,
  fileExists: (path: string) => `${path} exists; add --force to overwrite it.`,

  // --- import: help ---------------------------------------------------------
  importDescription: (kinds: string) => `import CSV files (Latvian or English headers), all or nothing: ${kinds}, a bundle folder, or a OneRoster 1.1 package`,
  importKind: (kinds: string) => `${kinds}, bundle, or oneroster`,
  importPath: 'the CSV file (a folder of KIND.csv files for bundle; a OneRoster 1.1 folder or .zip for oneroster)',
  importDryRun: 'check everything and report what would change, writing nothing',
  importEncoding: 'the file encoding instead of detection: utf-8, utf-16le, windows-1257, …',
  importDelimiter: 'the separator instead of detection: ",", ";" or tab',
  importStrict: 'refuse a file with a column the import does not know, instead of warning and ignoring it',
  importOrg: 'oneroster: our school in orgs.csv, when it lists several',

  // --- import: the summary --------------------------------------------------
  columnCreated: 'created',
  columnUpdated: 'updated',
  columnUnchanged: 'unchanged',
  columnErrors: 'errors',
  progressImporting: 'Importing',
  counts: (created: number, updated: number, unchanged: number) => `${created} created, ${updated} updated, ${unchanged} unchanged`,
  imported: (counts: string) => `Imported: ${counts}.`,
  dryRun: (counts: string) => `Dry run, nothing written: would be ${counts}.`,
  failed: (errors: number, counts: string) => `Nothing imported: ${count(errors, EN_ROWS, 'en')} with errors (listed below); the other rows would be ${counts}.`,
  bundleIgnored: (path: string, ignored: string, kinds: string) => `${path}: not imported: ${ignored} (a bundle reads KIND.csv for KIND in ${kinds}).`,
  oneRosterIgnored: (files: string) => `not imported (no use in the journal, or absent in the manifest): ${files}.`,
  skippedDisabled: (n: number) => `${n} disabled user(s)`,
  skippedOtherRoles: (n: number) => `${n} user(s) with no role here (aides, proctors, unlinked parents)`,
  skippedUngraded: (n: number) => `${n} result(s) not graded yet`,
  skippedDeletions: (n: number) => `${count(n, { one: 'tobedeleted row', other: 'tobedeleted rows' }, 'en')} with nothing to delete in the journal`,
  skippedOtherSchools: (n: number) => `${count(n, EN_ROWS, 'en')} of other schools`,
  skipped: (parts: string) => `Skipped: ${parts}.`,
  deletedPlacements: (n: number) => `${n} student(s) left their class`,
  deletedAssignments: (n: number) => `${n} assignment(s) removed`,
  deletedClassTeachers: (n: number) => `${n} class teacher(s) cleared`,
  deletedStaff: (n: number) => `${n} staff member(s) made inactive`,
  deleted: (parts: string) => `Deleted (tobedeleted rows): ${parts}.`,

  // --- import: files --------------------------------------------------------
  tooLarge: (file: string, mib: number) => `${file}: larger than ${mib} MiB, far more than a school's file of this kind; nothing was imported.`,
  notImported: (file: string, reason: string) => `${file}: ${reason}; nothing was imported.`,
  noSuchFile: (file: string) => `${file}: no such file.`,
  fileIsFolder: (file: string) => `${file} is a folder: use \`ezurnals import bundle ${file}\`.`,
  cannotRead: (file: string, why: string) => `${file}: cannot be read (${why}).`,
  notFolder: (dir: string) => `${dir} is not a folder: use \`ezurnals import KIND ${dir}\` for one file.`,
  noSuchFolder: (dir: string) => `${dir}: no such folder.`,
  nothingImportable: (dir: string, files: string) => `${dir} holds no importable file: expected some of ${files}.`,
  unknownColumnStrict: (reason: string) => `${reason}; a strict import refuses unknown columns`,
  unknownColumnIgnored: (reason: string) => `${reason}; its values are not imported`,

  // --- import: rows ---------------------------------------------------------
  notInThisYear: (what: string, ref: string) => `${what} ${ref} is not in this school year`,
  duplicate: (label: string, line: number) => `duplicate ${label} (also on line ${line})`,
  sameRow: (label: string, line: number) =>
    `duplicate ${label} (also on line ${line}, alike in every column): if there really are two such grades, tell them apart in the note or entered_at column`,
  moreKnown: (shown: string, more: number) => `${shown}, … ${more} more`,
  subjectNameShared: (ref: string, n: number, codes: string) => `"${ref}" is the name of ${n} subjects: write the code, ${codes}`,
  or: ' or ',
  unknownStaff: (what: 'teacher' | 'class teacher', code: string, known: string) => `Unknown ${what} ${code} (known: ${known}).`,
  unknownStudent: (code: string, known: string) => `Unknown student ${code} (known: ${known}).`,
  notADate: 'not a date: use YYYY-MM-DD, DD.MM.YYYY, D.M.YYYY or D.M.YY',
  badSex: 'must be M or F (also V/S: vīrietis/sieviete)',
  badPersonalCode: (reason: string) => `invalid personas kods: ${reason}`,
  ambiguousWord: (word: string, choices: string) => `"${word}" may mean ${choices}: write which`,
  unknownRole: (roles: string, known: string) =>
    `unknown role ${roles} (roles: ${known}, or skolotājs, klases audzinātājs, direktora vietnieks, administrators, medmāsa, sociālais pedagogs, viesis; separate several with |, "," or ;)`,
  unknownWork: (kinds: string) => `unknown kind of work: one of ${kinds} (or kārtējais, ieskaite, pārbaudes darbs, noslēguma darbs, 1. semestris, 2. semestris, gada, …)`,
  personalCodeShape: (reason: string) => `the shape of a personas kods, which is never a student's code, but not a valid one: ${reason}`,
  studentNeedsCode: 'a student needs a code or a valid personas kods',
  badWeekday: "must be 1 (Monday) … 5 (Friday), 6 for Saturday lessons, or the day's name (pirmdiena …)",
  badAbsenceCode: 'must be n or k (marks), or ns / nc (justified: illness / other)',
  groupNeedsTeacher: 'a group needs at least one teacher (several: separated by |)',
  lateLessons: (count: number, earlierYear: number, year: string, mostDays: number) =>
    `${count} new lesson(s) have no entered_at, so they count as entered now, after their deadline: ` +
    (earlierYear > 0 ? `${earlierYear === count ? 'all' : earlierYear} of them in an earlier school year (${year}), ` : '') +
    `the deadline report will show them as up to ${mostDays} working day(s) late. ` +
    'If they were entered on time elsewhere, give each row its real entry time in the entered_at (Ievadīts) column: 05.10.2026 17:03 or 2026-10-05T17:03:09+03:00.',
  // What a duplicate row is a duplicate of.
  labelCode: (code: string) => `code ${code}`,
  labelClass: (code: string) => `class ${code}`,
  labelPersonalCode: (masked: string) => `personas kods ${masked}`,
  labelGuardian: (guardian: string, name: string | null, code: string) => `guardian ${guardian} of ${name ? `${name} (${code})` : code}`,
  labelAssignment: (teacher: string, subject: string, cls: string) => `assignment ${teacher} → ${subject} in ${cls}`,
  labelCalendar: (from: string, to: string, kind: string) => `calendar entry ${from} – ${to} (${kind})`,
  labelTimetable: (cls: string, weekday: string, number: string, from: string) => `timetable lesson ${cls} weekday ${weekday} no. ${number}${from ? ` from ${from}` : ''}`,
  labelLesson: (cls: string, subject: string, date: string, number: string, group: string) => `lesson ${cls} ${subject} ${date} no. ${number}${group ? ` of group ${group}` : ''}`,
  labelAbsence: (student: string, cls: string, subject: string, date: string, number: string) => `absence of ${student} in ${cls} ${subject} ${date}${number ? ` no. ${number}` : ''}`,
  labelGrade: (student: string, cls: string, subject: string, date: string, work: string) => `grade of ${student} in ${cls} ${subject}${date ? ` on ${date}` : ''} (${work})`,
  labelGroup: (code: string) => `group ${code}`,
  labelMembership: (name: string | null, code: string, group: string, from: string) => `membership of ${name ? `${name} (${code})` : code} in ${group} from ${from}`,

  // --- the OneRoster ZIP reader ---------------------------------------------
  zipNoDirectory: 'not a ZIP archive (no central directory); give the folder or a .zip made by a standard tool.',
  zip64: 'ZIP64 archives are not supported: re-zip it without ZIP64 (under 4 GB and 65,535 files), or unzip it and give the folder.',
  zipTooManyEntries: (entries: number, max: number) =>
    `the ZIP holds ${entries.toLocaleString('en')} entries, more than the ${max.toLocaleString('en')} a OneRoster package may have; unzip it and give the folder.`,
  zipEncrypted: (name: string) => `${name} is encrypted: ZIP passwords are not supported; unzip it and give the folder.`,
  zipEntryDamaged: (name: string) => `${name}: the ZIP entry is damaged.`,
  zipEntryRunsPast: (name: string) => `${name}: the ZIP entry is damaged (its data runs past the end of the file).`,
  zipEntryTooBig: (name: string, bytes: number) => `${name}: the ZIP entry unzips to more than the ${bytes.toLocaleString('en')} bytes its header declares: damaged or hostile, refused.`,
  zipDataDamaged: (name: string) => `${name}: the compressed data is damaged.`,
  zipMethod: (name: string, method: number) => `${name} uses compression method ${method}: only stored and deflate are supported; re-zip it with a standard tool.`,
  zipSizeWrong: (name: string, size: number, expected: number) => `${name}: the ZIP entry is damaged (size ${size}, expected ${expected}).`,
  zipDirectoryDamaged: 'the ZIP central directory is damaged.',
  zipTooLarge: (size: string, max: string) => `the ZIP unzips to ${size}, more than the ${max} a OneRoster package may hold; unzip it and check what it holds.`,
};

const lv: typeof en = {
  exportDescription: (kinds: string) => `izvadīt vienu ierakstu veidu kā CSV vai JSON tajās kolonnās, ko lasa imports (${kinds})`,
  exportOut: 'rakstīt failā, nevis stdout',
  exportFormat: 'csv vai json',
  exportExcel: 'CSV Latvijas Excel programmai: latviski virsraksti un vārdi, vārdi blakus kodiem, datumi DD.MM.YYYY, atdalītājs ";", UTF-8 BOM, CRLF; importējas atpakaļ kā tie paši dati',
  unknownKind: (kind: string, kinds: string) => `Nezināms veids "${kind}": viens no ${kinds}.`,
  unknownKindOrBundle: (kind: string, kinds: string) => `Nezināms veids "${kind}": viens no ${kinds} vai bundle.`,
  badFormat: (format: string) => `--format jābūt csv vai json, nevis "${format}".`,
  excelCsvOnly: '--excel der tikai CSV formātam.',
  exported: (rows: number, kind: string, file: string) => `${kind}: ${n(rows, { one: 'ieraksts ierakstīts', other: 'ieraksti ierakstīti', zero: 'ierakstu ierakstīts' })} failā ${file}.`,
  exportSayWho: (kind: string) =>
    `Eksportējot ${kind}, tiek izvadīti personas dati, un to dara administrators vai direktora vietnieks savā vārdā: norādiet, kas jūs esat, ar --as KODS vai EZURNALS_USER.`,
  noFolder: (path: string, folder: string) => `Nevar rakstīt ${path}: mapes ${folder} nav.`,
  notAFolder: (path: string, folder: string) => `Nevar rakstīt ${path}: ${folder} nav mape.`,
  isAFolder: (path: string) => `${path} ir mape: norādiet failu, kurā rakstīt.`,
  isALink: (path: string, target: string) => `${path} ir simboliskā saite (uz ${target}); pievienojiet --force, lai saiti aizstātu ar failu.`,
  fileExists: (path: string) => `${path} jau ir; pievienojiet --force, lai to pārrakstītu.`,

  importDescription: (kinds: string) => `importēt CSV failus (ar latviskiem vai angliskiem virsrakstiem), visu vai neko: ${kinds}, bundle mapi vai OneRoster 1.1 paketi`,
  importKind: (kinds: string) => `${kinds}, bundle vai oneroster`,
  importPath: 'CSV fails (bundle: mape ar KIND.csv failiem; oneroster: OneRoster 1.1 mape vai .zip)',
  importDryRun: 'pārbaudīt visu un parādīt, kas mainītos, neko neierakstot',
  importEncoding: 'faila kodējums automātiskās noteikšanas vietā: utf-8, utf-16le, windows-1257, …',
  importDelimiter: 'atdalītājs automātiskās noteikšanas vietā: ",", ";" vai tab',
  importStrict: 'atteikt failu ar importam nezināmu kolonnu, nevis brīdināt un kolonnu izlaist',
  importOrg: 'oneroster: mūsu skola orgs.csv failā, ja tajā ir vairākas',

  columnCreated: 'izveidoti',
  columnUpdated: 'mainīti',
  columnUnchanged: 'nemainīti',
  columnErrors: 'kļūdas',
  progressImporting: 'Importē',
  counts: (created: number, updated: number, unchanged: number) => `izveidoti ${num(created)}, mainīti ${num(updated)}, nemainīti ${num(unchanged)}`,
  imported: (counts: string) => `Importēts: ${counts}.`,
  dryRun: (counts: string) => `Izmēģinājums, nekas nav ierakstīts: būtu ${counts}.`,
  failed: (errors: number, counts: string) => `Nekas nav importēts: ${n(errors, { one: 'rinda ar kļūdām', other: 'rindas ar kļūdām', zero: 'rindu ar kļūdām' })} (skatiet zemāk); pārējās rindās būtu ${counts}.`,
  bundleIgnored: (path: string, ignored: string, kinds: string) => `${path}: nav importēts: ${ignored} (bundle lasa KIND.csv, kur KIND ir ${kinds}).`,
  oneRosterIgnored: (files: string) => `nav importēts (žurnālam nevajadzīgs vai manifestā nav): ${files}.`,
  skippedDisabled: (k: number) => n(k, { one: 'atslēgts lietotājs', other: 'atslēgti lietotāji', zero: 'atslēgtu lietotāju' }),
  skippedOtherRoles: (k: number) =>
    `${n(k, { one: 'lietotājs', other: 'lietotāji', zero: 'lietotāju' })} bez lomas žurnālā (palīgi, uzraugi, nesaistīti vecāki)`,
  skippedUngraded: (k: number) => n(k, { one: 'vēl nenovērtēts rezultāts', other: 'vēl nenovērtēti rezultāti', zero: 'vēl nenovērtētu rezultātu' }),
  skippedDeletions: (k: number) => `${n(k, ROWS)} tobedeleted, kam žurnālā nav ko dzēst`,
  skippedOtherSchools: (k: number) => `${n(k, ROWS)} no citām skolām`,
  skipped: (parts: string) => `Izlaists: ${parts}.`,
  deletedPlacements: (k: number) => `${n(k, { one: 'skolēns', other: 'skolēni', zero: 'skolēnu' })} izstājies no klases`,
  deletedAssignments: (k: number) => `${n(k, { one: 'piešķīrums noņemts', other: 'piešķīrumi noņemti', zero: 'piešķīrumu noņemts' })}`,
  deletedClassTeachers: (k: number) => `${n(k, { one: 'klases audzinātājs noņemts', other: 'klases audzinātāji noņemti', zero: 'klases audzinātāju noņemts' })}`,
  deletedStaff: (k: number) => `${n(k, { one: 'darbinieks padarīts neaktīvs', other: 'darbinieki padarīti neaktīvi', zero: 'darbinieku padarīts neaktīvs' })}`,
  deleted: (parts: string) => `Dzēsts (tobedeleted rindas): ${parts}.`,

  tooLarge: (file: string, mib: number) => `${file}: lielāks par ${mib} MiB, daudz vairāk nekā skolas šāda veida fails; nekas nav importēts.`,
  notImported: (file: string, reason: string) => `${file}: ${reason}; nekas nav importēts.`,
  noSuchFile: (file: string) => `${file}: šāda faila nav.`,
  fileIsFolder: (file: string) => `${file} ir mape: lietojiet \`ezurnals import bundle ${file}\`.`,
  cannotRead: (file: string, why: string) => `${file}: nevar nolasīt (${why}).`,
  notFolder: (dir: string) => `${dir} nav mape: vienam failam lietojiet \`ezurnals import KIND ${dir}\`.`,
  noSuchFolder: (dir: string) => `${dir}: šādas mapes nav.`,
  nothingImportable: (dir: string, files: string) => `${dir} nav neviena importējama faila: gaidīts kāds no ${files}.`,
  unknownColumnStrict: (reason: string) => `${reason}; stingrs imports (--strict) nezināmas kolonnas atsaka`,
  unknownColumnIgnored: (reason: string) => `${reason}; tās vērtības netiek importētas`,

  notInThisYear: (what: string, ref: string) => `${({ class: 'klase', subject: 'mācību priekšmets', student: 'skolēns' } as Record<string, string>)[what] ?? what} ${ref} nav šajā mācību gadā`,
  duplicate: (label: string, line: number) => `atkārtojas ${label} (arī ${line}. rindā)`,
  sameRow: (label: string, line: number) =>
    `atkārtojas ${label} (arī ${line}. rindā, visās kolonnās vienāds): ja tiešām ir divas šādas atzīmes, atšķiriet tās kolonnā note (Piezīme) vai entered_at (Ievadīts)`,
  moreKnown: (shown: string, more: number) => `${shown}, … vēl ${more}`,
  subjectNameShared: (ref: string, k: number, codes: string) => `"${ref}" ir ${n(k, { one: 'mācību priekšmeta', other: 'mācību priekšmetu' })} nosaukums: rakstiet kodu, ${codes}`,
  or: ' vai ',
  unknownStaff: (what: 'teacher' | 'class teacher', code: string, known: string) =>
    `Nezināms ${what === 'class teacher' ? 'klases audzinātājs' : 'skolotājs'} ${code} (zināmie: ${known}).`,
  unknownStudent: (code: string, known: string) => `Nezināms skolēns ${code} (zināmie: ${known}).`,
  notADate: 'nav datums: rakstiet YYYY-MM-DD, DD.MM.YYYY, D.M.YYYY vai D.M.YY',
  badSex: 'jābūt M vai F (der arī V/S: vīrietis/sieviete)',
  badPersonalCode: (reason: string) => `nederīgs personas kods: ${reason}`,
  ambiguousWord: (word: string, choices: string) => `"${word}" var nozīmēt ${choices}: norādiet, kuru`,
  unknownRole: (roles: string, known: string) =>
    `nezināma loma ${roles} (lomas: ${known} vai skolotājs, klases audzinātājs, direktora vietnieks, administrators, medmāsa, sociālais pedagogs, viesis; vairākas atdaliet ar |, "," vai ;)`,
  unknownWork: (kinds: string) => `nezināms darba veids: viens no ${kinds} (vai kārtējais, ieskaite, pārbaudes darbs, noslēguma darbs, 1. semestris, 2. semestris, gada, …)`,
  personalCodeShape: (reason: string) => `izskatās pēc personas koda (tas nekad nav skolēna kods), bet nav derīgs: ${reason}`,
  studentNeedsCode: 'skolēnam vajag kodu vai derīgu personas kodu',
  badWeekday: 'jābūt 1 (pirmdiena) … 5 (piektdiena), 6 sestdienas stundām, vai dienas nosaukumam (pirmdiena …)',
  badAbsenceCode: 'jābūt n vai k (atzīmes) vai ns / nc (attaisnots: slimība / cits iemesls)',
  groupNeedsTeacher: 'grupai vajag vismaz vienu skolotāju (vairākus atdaliet ar |)',
  lateLessons: (k: number, earlierYear: number, year: string, mostDays: number) =>
    `${n(k, LESSONS)} bez entered_at (Ievadīts), tāpēc ${k === 1 ? 'tā skaitās ievadīta' : 'tās skaitās ievadītas'} tagad, pēc termiņa: ` +
    (earlierYear > 0 ? `${earlierYear === k ? 'visas' : earlierYear} no tām iepriekšējā mācību gadā (${year}), ` : '') +
    `termiņu kontrole tās rādīs kā novēlotas līdz pat ${n(mostDays, DAYS)}. ` +
    'Ja tās citur ievadītas laikā, norādiet katrai rindai īsto ievadīšanas laiku kolonnā entered_at (Ievadīts): 05.10.2026 17:03 vai 2026-10-05T17:03:09+03:00.',
  labelCode: (code: string) => `kods ${code}`,
  labelClass: (code: string) => `klase ${code}`,
  labelPersonalCode: (masked: string) => `skolēna personas kods ${masked}`,
  labelGuardian: (guardian: string, name: string | null, code: string) => `likumiskais pārstāvis ${guardian} skolēnam ${name ? `${declineName(String(name), 'dative')} (${code})` : code}`,
  labelAssignment: (teacher: string, subject: string, cls: string) => `piešķīrums ${teacher} → ${subject} klasē ${cls}`,
  labelCalendar: (from: string, to: string, kind: string) => `kalendāra ieraksts ${from} – ${to} (${kind})`,
  labelTimetable: (cls: string, weekday: string, number: string, from: string) => `stundu saraksta stunda ${cls}, ${weekday}. diena, ${number}. stunda${from ? `, no ${from}` : ''}`,
  labelLesson: (cls: string, subject: string, date: string, number: string, group: string) => `stunda ${cls} ${subject} ${date}, ${number}. stunda${group ? `, grupa ${group}` : ''}`,
  labelAbsence: (student: string, cls: string, subject: string, date: string, number: string) => `kavējums: ${student}, ${cls} ${subject} ${date}${number ? `, ${number}. stunda` : ''}`,
  labelGrade: (student: string, cls: string, subject: string, date: string, work: string) => `atzīme: ${student}, ${cls} ${subject}${date ? ` ${date}` : ''} (${work})`,
  labelGroup: (code: string) => `grupa ${code}`,
  labelMembership: (name: string | null, code: string, group: string, from: string) => `${name ? `${declineName(String(name), 'genitive')} (${code})` : code} dalība grupā ${group} no ${from}`,

  zipNoDirectory: 'nav ZIP arhīvs (nav centrālā direktorija); norādiet mapi vai .zip, kas izveidots ar standarta rīku.',
  zip64: 'ZIP64 arhīvi netiek atbalstīti: saarhivējiet to bez ZIP64 (mazāk par 4 GB un 65 535 failiem) vai atarhivējiet un norādiet mapi.',
  zipTooManyEntries: (entries: number, max: number) =>
    `ZIP arhīvā ir ${entries.toLocaleString('lv')} ierakstu, vairāk nekā ${max.toLocaleString('lv')}, ko drīkst saturēt OneRoster pakete; atarhivējiet to un norādiet mapi.`,
  zipEncrypted: (name: string) => `${name} ir šifrēts: ZIP paroles netiek atbalstītas; atarhivējiet to un norādiet mapi.`,
  zipEntryDamaged: (name: string) => `${name}: ZIP ieraksts ir bojāts.`,
  zipEntryRunsPast: (name: string) => `${name}: ZIP ieraksts ir bojāts (tā dati sniedzas aiz faila beigām).`,
  zipEntryTooBig: (name: string, bytes: number) => `${name}: ZIP ieraksts atarhivējas lielāks par ${bytes.toLocaleString('lv')} baitiem, ko norāda tā galvene: bojāts vai ļaunprātīgs, atteikts.`,
  zipDataDamaged: (name: string) => `${name}: saspiestie dati ir bojāti.`,
  zipMethod: (name: string, method: number) => `${name} lieto saspiešanas metodi ${method}: atbalstītas ir tikai stored un deflate; saarhivējiet to ar standarta rīku.`,
  zipSizeWrong: (name: string, size: number, expected: number) => `${name}: ZIP ieraksts ir bojāts (izmērs ${size}, gaidīts ${expected}).`,
  zipDirectoryDamaged: 'ZIP centrālais direktorijs ir bojāts.',
  zipTooLarge: (size: string, max: string) => `ZIP atarhivējas ${size} apjomā, vairāk nekā ${max}, ko drīkst saturēt OneRoster pakete; atarhivējiet to un pārbaudiet saturu.`,
};

export const catalogue: Catalogue<typeof en> = { en, lv };
export const m = messages(catalogue);
