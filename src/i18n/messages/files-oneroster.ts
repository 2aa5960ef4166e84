// `ezurnals import oneroster`: what a OneRoster 1.1 package can get wrong,
// placed on its file, line and column like any import problem. OneRoster's
// own words (sourcedId, tobedeleted, homeroom, line item, the file and column
// names) stay as the standard spells them: they are what the reader searches
// for in the package.
import { count, messages, type Catalogue } from '../catalogue.ts';

type Forms = Parameters<typeof count>[1];
const n = (value: number, forms: Forms) => count(value, forms, 'lv');

const en = {
  noSuchPath: (path: string) => `${path}: no such folder or file.`,
  tooBig: (path: string, mib: number, max: number) => `${path} is ${mib} MiB, larger than a OneRoster package may be (${max} MiB unzipped).`,
  notFolderOrZip: (path: string) => `${path} is neither a folder nor a ZIP archive: give the OneRoster folder or its .zip.`,
  tooManyValues: (path: string, values: number, max: number) =>
    `${path} holds about ${values.toLocaleString('en')} CSV values, more than the ${max.toLocaleString('en')} one import may read; unzip it and import it in parts.`,
  noManifest: (path: string, found: string) => `${path}: no manifest.csv, so this is not a OneRoster 1.1 CSV package (found: ${found || 'nothing'}).`,
  requiredColumn: (near: string, found: string) => `required column missing${near ? ` ("${near}" differs in case: OneRoster headers are case-sensitive)` : ''}; columns found: ${found}`,
  duplicateId: (line: number) => `duplicate sourcedId (also on line ${line})`,
  badStatus: 'must be active or tobedeleted (or empty)',
  deleteNotDelta: (mode: string) => `tobedeleted in a file the manifest calls ${mode}: only a delta file deletes`,
  badMode: 'must be bulk, delta or absent',
  fileMissing: (name: string, mode: string) => `the manifest lists ${name} as ${mode}, but the package has no ${name}`,
  noSchools: 'none',
  orgNotSchool: (org: string, file: string, schools: string) => `--org ${org} is not a school in ${file} (schools: ${schools}).`,
  chooseSchool: (file: string, schoolCount: number, schools: string) =>
    `${file} has ${schoolCount === 0 ? 'no org of type school' : `${schoolCount} schools`}: choose ours with --org SOURCEDID (schools: ${schools}).`,
  badRange: (min: string, max: string) => `the line item's range resultValueMin "${min}" – resultValueMax "${max}" is not a range of numbers, so the score cannot be converted`,
  outsideRange: (lo: number, hi: number) => `outside the line item's range ${lo}–${hi}`,
  passFail: 'a 0–1 line item is pass/fail: the score must be 0 or 1',
  otherYear: (code: string, chosen: boolean, year: string) =>
    `this package is for the school year ${code || '(unreadable)'}, but the journal's ${chosen ? 'chosen' : 'current'} year is ${year}: set the year with --year or \`ezurnals year set … --current\``,
  noUser: 'no such user in users.csv',
  noClass: 'no such class in classes.csv',
  twoHomerooms: (title: string, line: number) => `the student is already in homeroom ${title} (line ${line}): one homeroom per student`,
  twoPrimaryTeachers: (title: string, line: number) => `homeroom ${title} already has a primary teacher (line ${line})`,
  noSuchAgent: (other: string) => `no such user ${other} in users.csv`,
  noCourse: 'no such course in courses.csv',
  noHomeroom: 'cannot tell which class this scheduled class teaches: no enrolled student has a homeroom, and the title does not start with a homeroom title (e.g. "7.a matemātika")',
  noCategory: 'no such category in categories.csv',
  noLineItem: 'no such line item in lineItems.csv',
  notStudent: 'this user is not a student',
  studentNoHomeroom: 'the student is in no homeroom class, so the grade has no class in the journal',
  notApplied: (reason: string) => `tobedeleted not applied: ${reason}`,
  noUserDelta: 'no such user in users.csv (a delta package must carry the users its rows name: the journal keeps no OneRoster ids)',
  noClassDelta: 'no such class in classes.csv (a delta package must carry the classes its rows name)',
  studentKeeps: (who: string, grades: number, absences: number) =>
    `student ${who} has ${grades} grade(s) and ${absences} absence(s) this year, which the journal keeps; to end their class instead, delete their homeroom enrollment with an endDate`,
  classTeacherOf: (who: string, classes: string) => `${who} is the class teacher of ${classes}: give the class another primary teacher (in this package or with \`ezurnals class set\`) first`,
  hasTaught: (teacher: string, lessons: number, subject: string, cls: string) => `${teacher} has taught ${lessons} lesson(s) of ${subject} in ${cls}, so the assignment stays with them`,
  classHasStudents: (title: string, students: number) => `class ${title} still has ${students} student(s): the journal does not remove a class; move its students first`,
  gradesKept: (ids: string) => `grades are never deleted on import (the journal keeps every grade and its history): correct grade ${ids} with \`ezurnals grade correct\`, then drop this row`,
};

const lv: typeof en = {
  noSuchPath: (path: string) => `${path}: šādas mapes vai faila nav.`,
  tooBig: (path: string, mib: number, max: number) => `${path} ir ${mib} MiB, vairāk nekā drīkst būt OneRoster pakete (${max} MiB atarhivētā veidā).`,
  notFolderOrZip: (path: string) => `${path} nav ne mape, ne ZIP arhīvs: norādiet OneRoster mapi vai tās .zip.`,
  tooManyValues: (path: string, values: number, max: number) =>
    `${path} ir aptuveni ${values.toLocaleString('lv')} CSV vērtību, vairāk nekā ${max.toLocaleString('lv')}, ko var nolasīt viens imports; atarhivējiet to un importējiet pa daļām.`,
  noManifest: (path: string, found: string) => `${path}: nav manifest.csv, tātad šī nav OneRoster 1.1 CSV pakete (atrasts: ${found || 'nekas'}).`,
  requiredColumn: (near: string, found: string) =>
    `trūkst obligātās kolonnas${near ? ` ("${near}" atšķiras ar burtu lielumu: OneRoster virsrakstos lielie un mazie burti ir jāievēro)` : ''}; atrastās kolonnas: ${found}`,
  duplicateId: (line: number) => `atkārtojas sourcedId (arī ${line}. rindā)`,
  badStatus: 'jābūt active vai tobedeleted (vai tukšam)',
  deleteNotDelta: (mode: string) => `tobedeleted failā, ko manifests sauc par ${mode}: dzēst var tikai delta fails`,
  badMode: 'jābūt bulk, delta vai absent',
  fileMissing: (name: string, mode: string) => `manifestā ${name} norādīts kā ${mode}, bet paketē ${name} nav`,
  noSchools: 'nav nevienas',
  orgNotSchool: (org: string, file: string, schools: string) => `--org ${org} nav skola failā ${file} (skolas: ${schools}).`,
  chooseSchool: (file: string, schoolCount: number, schools: string) =>
    `${file} ${schoolCount === 0 ? 'nav nevienas organizācijas ar tipu school' : `ir ${n(schoolCount, { one: 'skola', other: 'skolas', zero: 'skolu' })}`}: izvēlieties mūsējo ar --org SOURCEDID (skolas: ${schools}).`,
  badRange: (min: string, max: string) => `line item diapazons resultValueMin "${min}" – resultValueMax "${max}" nav skaitļu diapazons, tāpēc rezultātu nevar pārvērst atzīmē`,
  outsideRange: (lo: number, hi: number) => `ārpus line item diapazona ${lo}–${hi}`,
  passFail: 'line item ar diapazonu 0–1 ir ieskaite: rezultātam jābūt 0 vai 1',
  otherYear: (code: string, chosen: boolean, year: string) =>
    `šī pakete ir mācību gadam ${code || '(nesalasāms)'}, bet žurnāla ${chosen ? 'izvēlētais' : 'pašreizējais'} mācību gads ir ${year}: norādiet gadu ar --year vai \`ezurnals year set … --current\``,
  noUser: 'users.csv failā šāda lietotāja nav',
  noClass: 'classes.csv failā šādas klases nav',
  twoHomerooms: (title: string, line: number) => `skolēns jau ir klasē (homeroom) ${title} (${line}. rinda): katram skolēnam viena klase`,
  twoPrimaryTeachers: (title: string, line: number) => `klasei (homeroom) ${title} jau ir galvenais skolotājs (${line}. rinda)`,
  noSuchAgent: (other: string) => `users.csv failā nav lietotāja ${other}`,
  noCourse: 'courses.csv failā šāda kursa nav',
  noHomeroom: 'nevar noteikt, kurai klasei māca šī nodarbību klase: nevienam uzņemtajam skolēnam nav klases (homeroom), un nosaukums nesākas ar klases nosaukumu (piemēram, "7.a matemātika")',
  noCategory: 'categories.csv failā šādas kategorijas nav',
  noLineItem: 'lineItems.csv failā šāda line item nav',
  notStudent: 'šis lietotājs nav skolēns',
  studentNoHomeroom: 'skolēns nav nevienā klasē (homeroom), tāpēc atzīmei žurnālā nav klases',
  notApplied: (reason: string) => `tobedeleted nav izpildīts: ${reason}`,
  noUserDelta: 'users.csv failā šāda lietotāja nav (delta paketē jābūt lietotājiem, ko nosauc tās rindas: žurnāls OneRoster id neglabā)',
  noClassDelta: 'classes.csv failā šādas klases nav (delta paketē jābūt klasēm, ko nosauc tās rindas)',
  studentKeeps: (who: string, grades: number, absences: number) =>
    `skolēnam ${who} šajā mācību gadā ir ${n(grades, { one: 'atzīme', other: 'atzīmes', zero: 'atzīmju' })} un ${n(absences, { one: 'kavējums', other: 'kavējumi', zero: 'kavējumu' })}, ko žurnāls saglabā; lai beigtu viņa mācības klasē, dzēsiet viņa homeroom enrollment ar endDate`,
  classTeacherOf: (who: string, classes: string) => `${who} ir klases audzinātājs klasei ${classes}: vispirms norādiet klasei citu galveno skolotāju (šajā paketē vai ar \`ezurnals class set\`)`,
  hasTaught: (teacher: string, lessons: number, subject: string, cls: string) =>
    `${teacher} ir vadījis ${n(lessons, { one: 'stundu', other: 'stundas', zero: 'stundu' })} priekšmetā ${subject} klasē ${cls}, tāpēc piešķīrums paliek`,
  classHasStudents: (title: string, students: number) =>
    `klasē ${title} vēl ir ${n(students, { one: 'skolēns', other: 'skolēni', zero: 'skolēnu' })}: žurnāls klasi nedzēš; vispirms pārceliet tās skolēnus`,
  gradesKept: (ids: string) => `importējot atzīmes nekad nedzēš (žurnāls glabā katru atzīmi un tās vēsturi): labojiet atzīmi ${ids} ar \`ezurnals grade correct\`, tad izņemiet šo rindu`,
};

export const catalogue: Catalogue<typeof en> = { en, lv };
export const m = messages(catalogue);
