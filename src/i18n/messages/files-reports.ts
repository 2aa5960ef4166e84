// `ezurnals report …`: the help of every report, the table of written files,
// and what the reports say to the person printing them (warnings, refusals,
// a missing browser). The printed documents have their own Latvian and
// English editions (src/reports/labels.ts and the templates): not here.
import { count, messages, type Catalogue } from '../catalogue.ts';

const failai = (n: number) => count(n, { one: 'fails', other: 'faili', zero: 'failu' }, 'lv');

const en = {
  reportDescription: 'printable documents: monthly extracts, report cards, class and teacher reports (PDF or HTML)',
  optionFormat: 'pdf, or html (needs no browser)',
  optionOut: 'folder to write the files to',
  optionForce: 'replace files that already exist',
  optionClassEvery: 'every student of a class (repeatable)',
  optionStudentOne: 'one student (repeatable)',
  optionStudentRepeatable: 'a student (repeatable)',
  optionAll: 'every class of the school',
  optionTeacherOnly: "only this teacher's entries",
  optionClassOnly: "only this class's entries",
  optionMonth: 'the month, e.g. 2026-10',
  // report behavior
  behaviorDescription: 'behaviour journal report: per student the positive and negative remarks with dates and authors, totals per class; one PDF per class',
  // report class-summary
  classSummaryDescription: 'class grades summary (klases sekmju kopsavilkums): students × subjects, absences, class averages; one landscape PDF per class',
  classSummaryTerm: '1, 2 or year: the semester or annual grades, or the period average where one is missing (default: the semester today falls in)',
  classSummaryMonth: "the month's averages instead of a term",
  // report deadlines
  deadlinesDescription: 'deadline control (termiņu kontrole): every lesson topic, homework, absence, grade and improvement entered late, with how many working days; one PDF',
  // report extract-status
  extractStatusDescription: "who has returned the month's grade extract slip, per class, and how late (the deputy's check)",
  extractStatusMonth: 'the month of the extracts, e.g. 2026-10',
  extractStatusClass: 'one class (repeatable)',
  extractStatusAll: 'every class of the school (the default)',
  // report extract
  extractDescription: "monthly grade extract (sekmju izraksts) per student with the parents' return slip; one PDF per student and one per class",
  extractTerm: 'a semester extract (§28.1) instead of a month: 1 (I semester) or 2 (II semester) of the current (or --year) school year',
  // report inspections
  inspectionsDescription:
    'journal inspections (§11) over several classes or the whole school: the inspections of the period and per class lessons entered vs. the timetable, lessons without topic, late grades, absences left n; one PDF',
  inspectionsClass: 'a class (repeat for several; default: all)',
  inspectionsAll: 'the whole school',
  // report missing
  missingDescription: "lessons the timetable expected on working days that the journal does not hold yet, per teacher: the deputy's daily control (§17); one PDF",
  missingDate: 'one day',
  missingFrom: 'first day of a period',
  missingTo: 'last day of a period',
  missingTeacher: "only this teacher's lessons",
  missingClass: "only this class's lessons",
  // report personal-file
  personalFileDescription: "the printable personal file (personas lieta, §9, §13): the student's data, guardians, classes, the year's grades and term grades, absences and behaviour; one PDF per student",
  // report substitutions
  substitutionsDescription: 'substituted lessons report (aizvietoto stundu atskaite): every lesson taught by a substitute, with totals per teacher; one PDF',
  // report summary-journal
  summaryJournalDescription:
    'learning achievements summary journal (mācību sasniegumu kopsavilkuma žurnāls): students × subjects with semester, annual, exam and make-up grades and the promotion decisions; one landscape PDF per class',
  // report teacher
  teacherDescription: 'subject teacher report (mācību priekšmeta skolotāja atskaite): per class-subject the lessons, topics, grade distribution and ungraded students; one PDF per teacher',
  teacherTeacher: 'a teacher (repeatable)',
  teacherAll: 'every teacher with assigned subjects or lessons in the period',
  teacherTerm: '1, 2 or year',
  // report card
  cardDescription: 'semester or annual report card (liecība) per student, with the promotion decision on the annual card; one PDF per student and one per class',
  cardTerm: '1 or 2 (semester cards) or year (the annual card)',
  // report journal
  journalDescription:
    'the printed class journal (klases žurnāls) as an inspector reads it: per subject every lesson (date, number, teacher, substitutes marked, topic, homework) and the grid of grades and absences, then the behaviour journal, safety briefings, conversations with parents and notes for parents; one landscape PDF per class',
  journalSubject: 'only this subject (repeatable); leaves out the behaviour journal and the appendices',
  journalFrom: 'first day (YYYY-MM-DD or DD.MM.YYYY); default the start of the school year',
  journalTo: 'last day (YYYY-MM-DD or DD.MM.YYYY); default the end of the school year',
  journalTerm: '1, 2 or year, instead of --from/--to',

  // The table of written files, and the lines around it.
  columnDocument: 'document',
  progressWriting: 'Writing',
  wroteFiles: (n: number) => `Wrote ${n} file(s).`,
  nothingToPrint: 'Nothing to print: the report covers no students or classes.',

  // Refusals of the reports' options.
  noYearContains: (date: string, known: string) => `No school year contains ${date} (known: ${known}).`,
  noneKnown: 'none',
  sayWhomFor: 'Say whom the report is for: --class CODE, --student CODE or --all (exactly one of them).',
  inNoClass: (who: string, year: string) => `${who} is in no class in ${year}.`,
  fromAfterTo: (from: string, to: string) => `--from ${from} is after --to ${to}.`,
  periodBackwards: (from: string, to: string) => `The period starts (${from}) after it ends (${to}).`,
  termOrFromTo: 'Give either --term or --from/--to, not both.',
  sayWhichClasses: 'Say which classes: --class CODE (repeatable) or --all.',
  sayWhichClassesOne: 'Say which classes: --class CODE (repeatable) or --all (one of them).',
  noClassHasSubject: (subjects: string) => `Nothing to print: no chosen class has ${subjects} (no assignment, lesson or grade).`,
  termOrMonth: 'Give either --term or --month, not both.',
  monthOrTerm: 'Give --month or --term, not both.',
  notAMonth: (month: string) => `--month ${month} is not a month: write it as YYYY-MM, e.g. 2026-10.`,
  teacherOrClass: 'Give --teacher or --class, not both.',
  semesterExtractTerm: (term: string) => `--term ${term}: a semester extract is for 1 (I semester) or 2 (II semester).`,
  monthRequired: '--month is required, e.g. --month 2026-10 (or --term 1|2 for a semester extract).',
  dateOrPeriod: 'Give either --date or --from and --to, not both.',
  dayOrPeriod: 'Give the day with --date, or a period with --from and --to.',
  sayWhoseReport: 'Say whose report to print: --teacher CODE (repeatable) or --all (one of them).',
  termRequired: '--term is required: 1 (I semester), 2 (II semester) or year.',
  notATerm: (term: string) => `--term ${term} is not a term: use 1 (I semester), 2 (II semester) or year.`,
  filesExist: (n: number, shown: string) => `${n} file(s) already exist (${shown}); add --force to replace them.`,

  // Report cards printed early or with grades missing (issue 14).
  termNotOver: (term: '1' | '2' | 'year', year: string, to: string, today: string) =>
    `${term === '1' ? 'semester 1' : term === '2' ? 'semester 2' : 'the school year'} of ${year} ends on ${to}, and today is ${today}: these cards show the grades entered so far.`,
  gradesMissing: (term: '1' | '2' | 'year', students: number, named: string, more: number) =>
    `${term === '1' ? 'semester 1 grades' : term === '2' ? 'semester 2 grades' : 'annual grades'} missing for ${students} student(s), printed as empty cells — ${named}${more > 0 ? `; … and ${more} more student(s)` : ''}.`,

  // The browser that prints PDFs.
  noBrowser: [
    'No Chromium or Chrome browser was found to print PDFs.',
    'Install one (Debian/Ubuntu: `sudo apt-get install chromium`), or point PUPPETEER_EXECUTABLE_PATH at a Chrome/Chromium binary,',
    'or write HTML instead with `--format html` (it needs no browser).',
  ].join('\n'),
  browserPathMissing: (path: string) => `PUPPETEER_EXECUTABLE_PATH is ${path}, but no such file exists.`,
  browserDidNotStart: (path: string, why: string) => `The browser at ${path} did not start: ${why}`,
};

const lv: typeof en = {
  reportDescription: 'drukājami dokumenti: mēneša sekmju izraksti, liecības, klases un skolotāju atskaites (PDF vai HTML)',
  optionFormat: 'pdf vai html (tam pārlūks nav vajadzīgs)',
  optionOut: 'mape, kurā rakstīt failus',
  optionForce: 'aizstāt jau esošus failus',
  optionClassEvery: 'visi klases skolēni (var atkārtot)',
  optionStudentOne: 'viens skolēns (var atkārtot)',
  optionStudentRepeatable: 'skolēns (var atkārtot)',
  optionAll: 'visas skolas klases',
  optionTeacherOnly: 'tikai šī skolotāja ieraksti',
  optionClassOnly: 'tikai šīs klases ieraksti',
  optionMonth: 'mēnesis, piemēram, 2026-10',
  behaviorDescription: 'uzvedības žurnāla atskaite: katram skolēnam pozitīvās un negatīvās piezīmes ar datumiem un autoriem, kopsummas klasē; viens PDF katrai klasei',
  classSummaryDescription: 'klases sekmju kopsavilkums: skolēni × mācību priekšmeti, kavējumi, klases vidējie vērtējumi; viens ainavas PDF katrai klasei',
  classSummaryTerm: '1, 2 vai year: semestra vai gada vērtējumi, bet, kur vērtējuma nav, perioda vidējais (noklusējums: semestris, kurā ir šodiena)',
  classSummaryMonth: 'mēneša vidējie vērtējumi semestra vietā',
  deadlinesDescription: 'termiņu kontrole: katra stundas tēma, mājasdarbs, kavējums, atzīme un labojums, kas ierakstīts novēloti, un par cik darba dienām; viens PDF',
  extractStatusDescription: 'kurš ir atdevis mēneša sekmju izraksta talonu, pa klasēm, un cik novēloti (direktora vietnieka pārbaude)',
  extractStatusMonth: 'izrakstu mēnesis, piemēram, 2026-10',
  extractStatusClass: 'viena klase (var atkārtot)',
  extractStatusAll: 'visas skolas klases (noklusējums)',
  extractDescription: 'mēneša sekmju izraksts katram skolēnam ar vecāku atdodamo talonu; viens PDF katram skolēnam un viens katrai klasei',
  extractTerm: 'semestra izraksts (§28.1) mēneša vietā: 1 (I semestris) vai 2 (II semestris) pašreizējā (vai --year) mācību gadā',
  inspectionsDescription:
    'žurnāla pārbaudes (§11) vairākās klasēs vai visā skolā: perioda pārbaudes un katrā klasē ierakstītās stundas pret stundu sarakstu, stundas bez tēmas, novēlotas atzīmes, kavējumi, kas palikuši n; viens PDF',
  inspectionsClass: 'klase (vairākām atkārtojiet; pēc noklusējuma visas)',
  inspectionsAll: 'visa skola',
  missingDescription: 'stundas, ko stundu saraksts paredzēja darba dienās, bet kuru žurnālā vēl nav, pa skolotājiem: direktora vietnieka ikdienas kontrole (§17); viens PDF',
  missingDate: 'viena diena',
  missingFrom: 'perioda pirmā diena',
  missingTo: 'perioda pēdējā diena',
  missingTeacher: 'tikai šī skolotāja stundas',
  missingClass: 'tikai šīs klases stundas',
  personalFileDescription: 'drukājama personas lieta (§9, §13): skolēna dati, likumiskie pārstāvji, klases, gada atzīmes un semestru vērtējumi, kavējumi un uzvedība; viens PDF katram skolēnam',
  substitutionsDescription: 'aizvietoto stundu atskaite: katra stunda, ko vadījis aizvietotājs, ar kopsummām katram skolotājam; viens PDF',
  summaryJournalDescription:
    'mācību sasniegumu kopsavilkuma žurnāls: skolēni × mācību priekšmeti ar semestru, gada, eksāmenu un papildu mācību pasākumu vērtējumiem un lēmumiem par pārcelšanu; viens ainavas PDF katrai klasei',
  teacherDescription: 'mācību priekšmeta skolotāja atskaite: katrai klasei un priekšmetam stundas, tēmas, atzīmju sadalījums un skolēni bez vērtējuma; viens PDF katram skolotājam',
  teacherTeacher: 'skolotājs (var atkārtot)',
  teacherAll: 'visi skolotāji, kam periodā ir piešķirti priekšmeti vai stundas',
  teacherTerm: '1, 2 vai year',
  cardDescription: 'semestra vai gada liecība katram skolēnam, gada liecībā ar lēmumu par pārcelšanu; viens PDF katram skolēnam un viens katrai klasei',
  cardTerm: '1 vai 2 (semestra liecības) vai year (gada liecība)',
  journalDescription:
    'izdrukāts klases žurnāls, kā žurnālu lasa pārbaudītājs: katrā priekšmetā visas stundas (datums, numurs, skolotājs, atzīmēti aizvietotāji, tēma, mājasdarbs) un atzīmju un kavējumu tabula, tad uzvedības žurnāls, instruktāžas, pārrunas ar vecākiem un piezīmes vecākiem; viens ainavas PDF katrai klasei',
  journalSubject: 'tikai norādītais mācību priekšmets (var atkārtot); bez uzvedības žurnāla un pielikumiem',
  journalFrom: 'pirmā diena (YYYY-MM-DD vai DD.MM.YYYY); pēc noklusējuma mācību gada sākums',
  journalTo: 'pēdējā diena (YYYY-MM-DD vai DD.MM.YYYY); pēc noklusējuma mācību gada beigas',
  journalTerm: '1, 2 vai year (perioda sākuma un beigu vietā)',

  columnDocument: 'dokuments',
  progressWriting: 'Raksta',
  wroteFiles: (n: number) => `Ierakstīti ${failai(n)}.`,
  nothingToPrint: 'Nav ko drukāt: atskaitē nav neviena skolēna vai klases.',

  noYearContains: (date: string, known: string) => `Neviens mācību gads neietver ${date} (zināmie: ${known}).`,
  noneKnown: 'nav neviena',
  sayWhomFor: 'Norādiet, kam atskaite: --class KODS, --student KODS vai --all (tieši vienu no tiem).',
  inNoClass: (who: string, year: string) => `${who} mācību gadā ${year} nav nevienā klasē.`,
  fromAfterTo: (from: string, to: string) => `--from ${from} ir pēc --to ${to}.`,
  periodBackwards: (from: string, to: string) => `Periods sākas (${from}) pēc tam, kad beidzas (${to}).`,
  termOrFromTo: 'Norādiet vai nu --term, vai --from/--to, ne abus.',
  sayWhichClasses: 'Norādiet klases: --class KODS (var atkārtot) vai --all.',
  sayWhichClassesOne: 'Norādiet klases: --class KODS (var atkārtot) vai --all (vienu no tiem).',
  noClassHasSubject: (subjects: string) => `Nav ko drukāt: nevienā izvēlētajā klasē nav ${subjects} (ne piešķīruma, ne stundas, ne atzīmes).`,
  termOrMonth: 'Norādiet vai nu --term, vai --month, ne abus.',
  monthOrTerm: 'Norādiet --month vai --term, ne abus.',
  notAMonth: (month: string) => `--month ${month} nav mēnesis: rakstiet to kā YYYY-MM, piemēram, 2026-10.`,
  teacherOrClass: 'Norādiet --teacher vai --class, ne abus.',
  semesterExtractTerm: (term: string) => `--term ${term}: semestra izraksts ir par 1 (I semestri) vai 2 (II semestri).`,
  monthRequired: 'Vajag --month, piemēram, --month 2026-10 (vai --term 1|2 semestra izrakstam).',
  dateOrPeriod: 'Norādiet vai nu --date, vai --from un --to, ne abus.',
  dayOrPeriod: 'Norādiet dienu ar --date vai periodu ar --from un --to.',
  sayWhoseReport: 'Norādiet, kura atskaiti drukāt: --teacher KODS (var atkārtot) vai --all (vienu no tiem).',
  termRequired: 'Vajag --term: 1 (I semestris), 2 (II semestris) vai year.',
  notATerm: (term: string) => `--term ${term} nav semestris: norādiet 1 (I semestris), 2 (II semestris) vai year.`,
  filesExist: (n: number, shown: string) => `Jau ir ${failai(n)} (${shown}); pievienojiet --force, lai tos aizstātu.`,

  termNotOver: (term: '1' | '2' | 'year', year: string, to: string, today: string) =>
    `${term === 'year' ? `Mācību gads ${year}` : `Mācību gada ${year} ${term}. semestris`} beidzas ${to}, bet šodien ir ${today}: liecībās ir līdz šim ieliktie vērtējumi.`,
  gradesMissing: (term: '1' | '2' | 'year', students: number, named: string, more: number) =>
    `${term === '1' ? '1. semestra vērtējumu' : term === '2' ? '2. semestra vērtējumu' : 'Gada vērtējumu'} trūkst ${count(students, { one: 'skolēnam', other: 'skolēniem' })}, tie izdrukāti kā tukšas šūnas — ${named}${more > 0 ? `; … un vēl ${count(more, { one: 'skolēnam', other: 'skolēniem' })}` : ''}.`,

  noBrowser: [
    'Nav atrasts Chromium vai Chrome pārlūks PDF drukāšanai.',
    'Uzstādiet to (Debian/Ubuntu: `sudo apt-get install chromium`) vai norādiet PUPPETEER_EXECUTABLE_PATH ceļu uz Chrome/Chromium programmu,',
    'vai rakstiet HTML ar `--format html` (tam pārlūks nav vajadzīgs).',
  ].join('\n'),
  browserPathMissing: (path: string) => `PUPPETEER_EXECUTABLE_PATH ir ${path}, bet šāda faila nav.`,
  browserDidNotStart: (path: string, why: string) => `Pārlūks ${path} nepalaidās: ${why}`,
};

export const catalogue: Catalogue<typeof en> = { en, lv };
export const m = messages(catalogue);
