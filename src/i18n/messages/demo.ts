// `ezurnals demo`: the demo school's build, its summary and the next steps
// (src/cli/commands/demo.ts, src/services/demo.ts, demo-sign-ins.ts). The
// demo's data (names, topics) is Latvian already; its internal checks of its
// own data files stay English, as they can only fail for a developer.
import { count, messages, type Catalogue } from '../catalogue.ts';

const en = {
  demoDescription: "build a demo school (three classes, this school year's journal up to today) and print its class journal summary",
  demoDir: 'folder for the demo database (ezurnals.db)',
  demoForce: 'replace an existing demo database',
  hJournal: 'journal',
  noLessonsYet: 'no lessons yet: the first school day is under way',
  hPeople: 'people',
  people: (students: number, guardians: number, staff: number) => `${students} students, ${guardians} guardians, ${staff} staff`,
  hLessons: 'lessons',
  lessons: (lessons: number, homework: number, substituted: number) => `${lessons} (${homework} with homework, ${substituted} substituted)`,
  hAbsences: 'absences',
  corrected: (n: number) => `${n} corrected`,
  built: (seconds: string, path: string) => `Built the demo school in ${seconds} s: ${path}`,
  htmlFallback: (why: string) => `the reports were written as HTML: ${why}`,
  yearOver: (year: string) => `The school year ${year} is over: its journal is complete, from the first school day to the last.`,
  monthSoFar: (month: string) => `${month} so far (no full month of the year yet)`,
  printed: (schoolClass: string, month: string, from: string, to: string, files: number, format: string, examples: string) =>
    `Printed the grade extracts and class summary of ${schoolClass} for ${month} and the deadline control ${from} – ${to} (${files} ${format} files), e.g.:\n${examples}`,
  nextTry: 'Next, try (inside this project `npx ezurnals` works too, or put it on your PATH with `npm link`):',
  webDiary: (db: string) => `The web diary: \`ezurnals serve --db ${db}\`, then open http://127.0.0.1:8080/ and sign in as`,
  about: (who: 'guardian' | 'teacher', schoolClass: string) => (who === 'guardian' ? `guardian in ${schoolClass}` : `class teacher of ${schoolClass}`),
  temporaryPassword: 'The password is temporary, like the one sent by SMS: the first sign-in asks for a new one.',
  demoExists: (path: string) => `${path} already exists; add --force to replace it with a fresh demo school.`,
  noDemoProfiles: (schoolClass: string) => `The demo's ${schoolClass} has no profiles to sign in with.`,
};

const lv: typeof en = {
  demoDescription: 'izveidot demonstrācijas skolu (trīs klases, šī mācību gada žurnāls līdz šodienai) un parādīt klašu žurnālu kopsavilkumu',
  demoDir: 'mape demonstrācijas datubāzei (ezurnals.db)',
  demoForce: 'aizstāt esošu demonstrācijas datubāzi',
  hJournal: 'žurnāls',
  noLessonsYet: 'stundu vēl nav: notiek pirmā mācību diena',
  hPeople: 'cilvēki',
  people: (students: number, guardians: number, staff: number) =>
    `${count(students, { one: 'skolēns', other: 'skolēni', zero: 'skolēnu' })}, ${count(guardians, { one: 'likumiskais pārstāvis', other: 'likumiskie pārstāvji', zero: 'likumisko pārstāvju' })}, ${count(staff, { one: 'darbinieks', other: 'darbinieki', zero: 'darbinieku' })}`,
  hLessons: 'stundas',
  lessons: (lessons: number, homework: number, substituted: number) => `${lessons} (${homework} ar mājasdarbu, ${substituted} aizvietotas)`,
  hAbsences: 'kavējumi',
  corrected: (n: number) => `${n} labotas`,
  built: (seconds: string, path: string) => `Demonstrācijas skola izveidota ${seconds} s: ${path}`,
  htmlFallback: (why: string) => `pārskati ierakstīti HTML formā: ${why}`,
  yearOver: (year: string) => `Mācību gads ${year} ir beidzies: tā žurnāls ir pilns no pirmās mācību dienas līdz pēdējai.`,
  monthSoFar: (month: string) => `${month} līdz šim (pilna šī gada mēneša vēl nav)`,
  printed: (schoolClass: string, month: string, from: string, to: string, files: number, format: string, examples: string) =>
    `Izdrukāti ${schoolClass} klases sekmju izraksti un kopsavilkums par ${month} un termiņu kontrole ${from} – ${to} (${count(files, { one: 'fails', other: 'faili', zero: 'failu' })}, ${format}), piemēram:\n${examples}`,
  nextTry: 'Tālāk izmēģiniet (šajā projektā der arī `npx ezurnals`, vai ielieciet to PATH ar `npm link`):',
  webDiary: (db: string) => `Tīmekļa dienasgrāmata: \`ezurnals serve --db ${db}\`, tad atveriet http://127.0.0.1:8080/ un pieslēdzieties kā`,
  about: (who: 'guardian' | 'teacher', schoolClass: string) => (who === 'guardian' ? `${schoolClass} klases skolēna vecāks` : `${schoolClass} klases audzinātājs`),
  temporaryPassword: 'Parole ir pagaidu, tāpat kā ar SMS nosūtītā: pirmajā pieslēgšanās reizē tiks prasīta jauna.',
  demoExists: (path: string) => `${path} jau ir; pievienojiet --force, lai to aizstātu ar jaunu demonstrācijas skolu.`,
  noDemoProfiles: (schoolClass: string) => `Demonstrācijas skolas ${schoolClass} klasei nav profilu, ar kuriem pieslēgties.`,
};

export const catalogue: Catalogue<typeof en> = { en, lv };
export const m = messages(catalogue);
