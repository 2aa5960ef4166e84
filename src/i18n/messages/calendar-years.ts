// School years and the year end: `year` (add, set, list), `year promote`,
// `decide`, `close`, `open`, `overrides`, and the messages of their services
// and rules (years, year-open, year-close, year-lock, promotion).
import { count, messages, type Catalogue } from '../catalogue.ts';

const students = { one: 'student', other: 'students' };

const en = {
  // year
  yearDescription: 'school years: semesters and breaks; year end: promotion, closing, opening the next',
  colCurrent: 'current',
  colClosed: 'closed',
  closedMark: 'closed',
  colSemester1: 'I semester',
  colSemester2: 'II semester',
  colBreaks: 'breaks',
  optStarts: 'first day of the school year',
  optEnds: 'last day of the school year',
  optSemester1From: 'I semester start',
  optSemester1To: 'I semester end',
  optSemester2From: 'II semester start',
  optSemester2To: 'II semester end',
  addDescription: 'add a school year with the usual semester and break dates (each can be overridden)',
  optCurrent: 'make it the year commands act on by default',
  setDescription: "change a year's dates, or make it the current year",
  listDescription: 'list school years',

  // year promote
  promoteDescription: "propose each student's promotion decision from the annual grades (REFERENCE §7); --apply records it",
  optPromoteDryRun: 'only show the proposal (the default without --apply)',
  optApply: 'record the proposals; a changed proposal replaces the recorded one, keeping it as history',
  optReplace: "with --apply: replace the pedagogical council's decisions too",
  colProposal: 'proposal',
  colRecorded: 'recorded',
  councilMark: 'council, ',
  colDone: 'done',
  colWouldDo: '--apply would',
  outcomeNew: 'recorded',
  outcomeNewProposed: 'to record',
  outcomeChanged: 'replaced (history kept)',
  outcomeChangedProposed: 'to replace',
  outcomeCouncilKept: "council's decision kept",
  outcomeIncomplete: 'not recorded: grades missing',
  outcomeIncompleteProposed: 'grades missing',
  /** `who`: the students, each "Jānis Bērziņš (S001, 7.a)" (in Latvian in the dative). */
  lackAnnualGrades: (n: number, applied: boolean, who: string) =>
    `${count(n, students)} ${n === 1 ? 'lacks' : 'lack'} annual grades: no decision ${applied ? 'was' : 'would be'} recorded for them: ${who}.`,
  proposalOnly: 'A proposal only: nothing was recorded. Record it with --apply.',

  // year decide
  decideDescription: "record the pedagogical council's decision for one student, which may differ from the proposal",
  optStudent: 'the student',
  optDecision: 'promoted, makeup, repeat, graduated or certificate',
  optSubject: 'a make-up or failing subject (repeatable)',
  optReason: "the council's reason (required)",
  colDecision: 'decision',
  colReplaced: 'replaced',

  // year close
  closeDescription: 'lock a school year once its archive exists and verifies: later changes to it are refused (an admin may pass --closed-year-reason)',
  optArchive: 'the folder `ezurnals archive export` wrote for the year',
  colClosedAt: 'closed at',
  colClosedBy: 'closed by',
  colArchive: 'archive',
  colBytes: 'bytes',
  colAuditHead: 'audit head',

  // year open
  openDescription: 'create the next school year and its classes from the promotion decisions: promoted students one grade up, repeaters stay, graduates leave',
  optFrom: 'the year before (default: the year just before)',
  optCarryAssignments: 'a promoted class keeps its class teacher and its subject teachers',
  optOpenCurrent: 'make the new year the one commands act on by default',
  optOpenDryRun: 'only show the plan',
  colGrade: 'grade',
  colAssignments: 'assignments',
  promotedFrom: (code: string) => `${code} promoted`,
  repeatingFrom: (code: string) => `${code} repeating`,
  leaving: (list: string) => `Leaving (stage completed): ${list}`,
  repeating: (list: string) => `Repeating the grade: ${list}`,
  notCarried: (line: string) => `Not carried over: ${line}`,
  planOnly: (year: string) => `Plan only: ${year} was not changed. Run again without --dry-run to create it.`,
  yearCreated: (year: string, from: string) => `${year} created from ${from}.`,
  yearFilled: (year: string, from: string) => `${year} filled from ${from}.`,

  // year overrides
  overridesDescription: 'the changes admins made to closed school years, with their reasons',

  // services/years.ts
  pointStart: 'start of year',
  pointSemester1From: 'I semester start',
  pointSemester1To: 'I semester end',
  pointSemester2From: 'II semester start',
  pointSemester2To: 'II semester end',
  pointEnd: 'end of year',
  datesOutOfOrder: (year: string, name: string, date: string, prevName: string, prev: string) => `${year}: ${name} ${date} is before ${prevName} ${prev}.`,
  badYearCode: (code: string, example: string) => `School year "${code}" must look like ${example}.`,
  yearExists: (code: string) => `School year ${code} already exists.`,

  // services/year-open.ts
  undecided: (n: number, year: string) =>
    `${count(n, students)} of ${year} ${n === 1 ? 'has' : 'have'} no recorded promotion decision: record ${n === 1 ? 'it' : 'them'} with \`ezurnals year promote --class … --apply\` or \`ezurnals year decide\` first.`,
  pendingMakeup: (n: number, year: string) =>
    `${count(n, students)} of ${year} still ${n === 1 ? 'has' : 'have'} make-up exams: enter the results and run \`ezurnals year promote --apply\` again, or record the council's final decision with \`ezurnals year decide\`.`,
  classNameUnclear: (code: string, level: number) =>
    `Class ${code} (grade ${level}) does not begin with its grade, so its next year's name is unclear: rename it or move its students by hand.`,
  notAfter: (year: string, source: string) => `${year} does not come after ${source}.`,
  classExists: (code: string, year: string) => `Class ${code} already exists in ${year}: \`year open\` makes the new year's classes itself.`,
  notCarriedClassTeacher: (teacher: string, schoolClass: string) => `class teacher ${teacher} of ${schoolClass}: deactivated`,
  notCarriedAssignment: (subject: string, schoolClass: string, teacher: string) => `${subject} in ${schoolClass} by ${teacher}: deactivated`,

  // services/year-close.ts
  alreadyClosed: (year: string) => `School year ${year} is already closed.`,
  staysOpen: (year: string) => `${year} stays open`,
  archiveNotVerified: (path: string, year: string) => `The archive at ${path} does not verify: ${year} stays open. Export it again with \`ezurnals archive export\`.`,
  listedMissing: 'missing',
  listedChanged: 'changed',
  listedExtra: 'extra',
  archiveOfOtherYear: (path: string, years: string, year: string) => `The archive at ${path} is of ${years}, not of ${year}.`,
  archiveOfOtherSchool: (path: string, schools: string, school: string) => `The archive at ${path} is of ${schools}, not of ${school}.`,

  // services/year-lock.ts, db/year-lock.ts
  overrideForbidden: (code: string, name: string, option: string) => `${code} (${name}) may not use ${option}: only an admin may change a closed school year.`,
  overrideNeedsReason: (option: string) => `${option} needs the reason for changing a closed school year.`,
  yearClosed: (year: string, option: string) =>
    `School year ${year} is closed: its journal was archived and can no longer be changed. An admin may still change it with ${option} "why", which is recorded.`,
  yearsClosed: (years: string, option: string) =>
    `This change falls in a closed school year (closed: ${years}): its journal was archived and can no longer be changed. An admin may still change it with ${option} "why", which is recorded.`,

  // services/promotion.ts
  applyAndDryRun: 'Give either --apply or --dry-run, not both.',
  replaceWithoutApply: '--replace only goes with --apply.',
  whichClasses: 'Say which classes: --class CODE (repeatable) or --all.',
  badDecision: (word: string, words: string) => `--decision "${word}" is not one of ${words}.`,
  inNoClass: (name: string, code: string, year: string) => `${name} (${code}) is in no class in ${year}.`,
  decisionRefused: (name: string, code: string, schoolClass: string, reason: string) => `${name} (${code}) in ${schoolClass}: ${reason}.`,

  // domain/promotion.ts
  endsStage: (level: number, stage: string) => `grade ${level} ends ${stage === 'basic' ? 'basic' : 'secondary'} education: the decision is graduated, certificate or repeat`,
  makeupNamesSubjects: 'a make-up decision names its subjects',
  onlyStageEnds: (level: number) => `only grades 9 and 12 end a stage of education; grade ${level} is promoted, repeats or takes make-up exams`,
  makeupRefused: (annual: string) =>
    `the annual grade is ${annual}, which is not failing: a make-up exam (§26) is for a failing or missing annual grade; give --reason to record one anyway`,
};

const skoleni = { one: 'skolēnam', other: 'skolēniem' };

const lv: typeof en = {
  yearDescription: 'mācību gadi: semestri un brīvlaiki; mācību gada noslēgums: pārcelšana, slēgšana, nākamā gada atvēršana',
  colCurrent: 'pašreizējais',
  colClosed: 'slēgts',
  closedMark: 'slēgts',
  colSemester1: 'I semestris',
  colSemester2: 'II semestris',
  colBreaks: 'brīvlaiki',
  optStarts: 'mācību gada pirmā diena',
  optEnds: 'mācību gada pēdējā diena',
  optSemester1From: 'I semestra sākums',
  optSemester1To: 'I semestra beigas',
  optSemester2From: 'II semestra sākums',
  optSemester2To: 'II semestra beigas',
  addDescription: 'pievienot mācību gadu ar ierastajiem semestru un brīvlaiku datumiem (katru var mainīt)',
  optCurrent: 'padarīt par gadu, kurā komandas darbojas pēc noklusējuma',
  setDescription: 'mainīt gada datumus vai padarīt gadu par pašreizējo',
  listDescription: 'mācību gadu saraksts',

  promoteDescription: 'piedāvāt katra skolēna pārcelšanas lēmumu pēc gada vērtējumiem (REFERENCE §7); ar --apply lēmumu ieraksta',
  optPromoteDryRun: 'tikai parādīt priekšlikumu (noklusējums bez --apply)',
  optApply: 'ierakstīt priekšlikumus; mainīts priekšlikums aizstāj iepriekšējo, kas paliek vēsturē',
  optReplace: 'kopā ar --apply: aizstāt arī pedagoģiskās padomes lēmumus',
  colProposal: 'priekšlikums',
  colRecorded: 'ierakstītais lēmums',
  councilMark: 'padome, ',
  colDone: 'izdarīts',
  colWouldDo: 'ar --apply',
  outcomeNew: 'ierakstīts',
  outcomeNewProposed: 'tiks ierakstīts',
  outcomeChanged: 'aizstāts (vēsture saglabāta)',
  outcomeChangedProposed: 'tiks aizstāts',
  outcomeCouncilKept: 'paliek padomes lēmums',
  outcomeIncomplete: 'nav ierakstīts: trūkst vērtējumu',
  outcomeIncompleteProposed: 'trūkst vērtējumu',
  lackAnnualGrades: (n: number, applied: boolean, who: string) =>
    `${count(n, skoleni)} trūkst gada vērtējumu, lēmums ${applied ? 'netika' : 'netiktu'} ierakstīts: ${who}.`,
  proposalOnly: 'Tikai priekšlikums: nekas nav ierakstīts. Ierakstiet ar --apply.',

  decideDescription: 'ierakstīt pedagoģiskās padomes lēmumu par vienu skolēnu (var atšķirties no priekšlikuma)',
  optStudent: 'skolēns',
  optDecision: 'promoted (pārcelts), makeup (pēcpārbaudījums), repeat (otrs gads klasē), graduated (izglītība iegūta) vai certificate (liecība vai izziņa)',
  optSubject: 'pēcpārbaudījuma vai nesekmīgs mācību priekšmets (var atkārtot)',
  optReason: 'padomes lēmuma pamatojums (obligāts)',
  colDecision: 'lēmums',
  colReplaced: 'aizstātais',

  closeDescription: 'slēgt mācību gadu, kad tā arhīvs ir izveidots un pārbaudīts: vēlākas izmaiņas tiek atteiktas (administrators var norādīt --closed-year-reason)',
  optArchive: 'mape, kurā `ezurnals archive export` saglabāja gada arhīvu',
  colClosedAt: 'slēgšanas laiks',
  colClosedBy: 'slēdza',
  colArchive: 'arhīvs',
  colBytes: 'baiti',
  colAuditHead: 'audita žurnāla pēdējais ieraksts',

  openDescription: 'izveidot nākamo mācību gadu un tā klases pēc pārcelšanas lēmumiem: pārceltie skolēni pāriet klasi augstāk, otrgadnieki paliek, absolventi aiziet',
  optFrom: 'iepriekšējais gads (pēc noklusējuma tieši iepriekšējais)',
  optCarryAssignments: 'pārceltajai klasei paliek klases audzinātājs un mācību priekšmetu skolotāji',
  optOpenCurrent: 'padarīt jauno gadu par gadu, kurā komandas darbojas pēc noklusējuma',
  optOpenDryRun: 'tikai parādīt plānu',
  colGrade: 'līmenis',
  colAssignments: 'priekšmeti un skolotāji',
  promotedFrom: (code: string) => `${code} pārceltie`,
  repeatingFrom: (code: string) => `${code} otrgadnieki`,
  leaving: (list: string) => `Aiziet (izglītības posms pabeigts): ${list}`,
  repeating: (list: string) => `Paliek otru gadu tajā pašā klasē: ${list}`,
  notCarried: (line: string) => `Netiek pārnests: ${line}`,
  planOnly: (year: string) => `Tikai plāns: ${year} nav mainīts. Lai to izveidotu, palaidiet vēlreiz bez --dry-run.`,
  yearCreated: (year: string, from: string) => `${year} izveidots no ${from}.`,
  yearFilled: (year: string, from: string) => `${year} aizpildīts no ${from}.`,

  overridesDescription: 'administratoru izmaiņas slēgtos mācību gados, ar iemesliem',

  pointStart: 'mācību gada sākums',
  pointSemester1From: 'I semestra sākums',
  pointSemester1To: 'I semestra beigas',
  pointSemester2From: 'II semestra sākums',
  pointSemester2To: 'II semestra beigas',
  pointEnd: 'mācību gada beigas',
  datesOutOfOrder: (year: string, name: string, date: string, prevName: string, prev: string) => `${year}: ${name} ${date} ir agrāk nekā ${prevName} ${prev}.`,
  badYearCode: (code: string, example: string) => `Mācību gadam "${code}" jābūt formā ${example}.`,
  yearExists: (code: string) => `Mācību gads ${code} jau ir izveidots.`,

  undecided: (n: number, year: string) =>
    `${year}: ${count(n, skoleni)} nav ierakstīta pārcelšanas lēmuma: vispirms ierakstiet ${n === 1 ? 'to' : 'tos'} ar \`ezurnals year promote --class … --apply\` vai \`ezurnals year decide\`.`,
  pendingMakeup: (n: number, year: string) =>
    `${year}: ${count(n, skoleni)} vēl jākārto pēcpārbaudījumi: ievadiet rezultātus un vēlreiz palaidiet \`ezurnals year promote --apply\` vai ierakstiet padomes galīgo lēmumu ar \`ezurnals year decide\`.`,
  classNameUnclear: (code: string, level: number) =>
    `Klases ${code} (${level}. klase) kods nesākas ar klases numuru, tāpēc nav skaidrs, kā to sauks nākamgad: pārdēvējiet klasi vai pārceliet skolēnus pašrocīgi.`,
  notAfter: (year: string, source: string) => `${year} nav pēc ${source}.`,
  classExists: (code: string, year: string) => `Klase ${code} mācību gadā ${year} jau ir: \`year open\` jaunā gada klases izveido pats.`,
  notCarriedClassTeacher: (teacher: string, schoolClass: string) => `${schoolClass} klases audzinātājs ${teacher}: deaktivizēts`,
  notCarriedAssignment: (subject: string, schoolClass: string, teacher: string) => `${subject} ${schoolClass} klasē, skolotājs ${teacher}: deaktivizēts`,

  alreadyClosed: (year: string) => `Mācību gads ${year} jau ir slēgts.`,
  staysOpen: (year: string) => `${year} paliek atvērts`,
  archiveNotVerified: (path: string, year: string) => `Arhīvs ${path} neiztur pārbaudi: ${year} paliek atvērts. Eksportējiet to vēlreiz ar \`ezurnals archive export\`.`,
  listedMissing: 'trūkst',
  listedChanged: 'mainīti',
  listedExtra: 'lieki',
  archiveOfOtherYear: (path: string, years: string, year: string) => `Arhīvs ${path} ir par ${years}, nevis par ${year}.`,
  archiveOfOtherSchool: (path: string, schools: string, school: string) => `Arhīvs ${path} ir no ${schools}, nevis no ${school}.`,

  overrideForbidden: (code: string, name: string, option: string) => `${name} (${code}) nedrīkst lietot ${option}: slēgtu mācību gadu drīkst mainīt tikai administrators.`,
  overrideNeedsReason: (option: string) => `${option}: norādiet, kāpēc jāmaina slēgts mācību gads.`,
  yearClosed: (year: string, option: string) =>
    `Mācību gads ${year} ir slēgts: tā žurnāls ir arhivēts un vairs nav maināms. Administrators to vēl var mainīt ar ${option} "iemesls", kas tiek saglabāts.`,
  yearsClosed: (years: string, option: string) =>
    `Šī izmaiņa skar slēgtu mācību gadu (slēgti: ${years}): tā žurnāls ir arhivēts un vairs nav maināms. Administrators to vēl var mainīt ar ${option} "iemesls", kas tiek saglabāts.`,

  applyAndDryRun: 'Norādiet vai nu --apply, vai --dry-run, ne abus.',
  replaceWithoutApply: '--replace lieto tikai kopā ar --apply.',
  whichClasses: 'Norādiet klases: --class KODS (var atkārtot) vai --all.',
  badDecision: (word: string, words: string) => `--decision "${word}" nav neviens no: ${words}.`,
  inNoClass: (name: string, code: string, year: string) => `${name} (${code}) mācību gadā ${year} nav nevienā klasē.`,
  decisionRefused: (name: string, code: string, schoolClass: string, reason: string) => `${name} (${code}), ${schoolClass}: ${reason}.`,

  endsStage: (level: number, stage: string) => `${level}. klase noslēdz ${stage === 'basic' ? 'pamatizglītību' : 'vidējo izglītību'}: lēmums ir graduated, certificate vai repeat`,
  makeupNamesSubjects: 'pēcpārbaudījuma lēmumā jānorāda mācību priekšmeti',
  onlyStageEnds: (level: number) => `izglītības posmu noslēdz tikai 9. un 12. klase; ${level}. klasē skolēnu pārceļ, atstāj otru gadu vai nosaka pēcpārbaudījumus`,
  makeupRefused: (annual: string) =>
    `gada vērtējums ir ${annual}, tas nav nepietiekams: pēcpārbaudījums (§26) ir nepietiekamam vai trūkstošam gada vērtējumam; lai to tomēr ierakstītu, norādiet --reason`,
};

export const catalogue: Catalogue<typeof en> = { en, lv };
export const m = messages(catalogue);
