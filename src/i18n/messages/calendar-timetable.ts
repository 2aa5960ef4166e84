// The timetable and what happens to it: `timetable` (set, clear, list),
// `substitution` (add, list), `inspection` (add, list) and their services.
import { count, messages, type Catalogue } from '../catalogue.ts';
import { WEEKDAY_NAMES } from '../../domain/timetable.ts';

const enWeekday = (weekday: number) => WEEKDAY_NAMES.en[Number(weekday) - 1] ?? String(weekday);
/** "pirmdienā": the weekday's locative, as a Latvian sentence says "on Monday". */
const lvOnWeekday = (weekday: number) => {
  const name = WEEKDAY_NAMES.lv[Number(weekday) - 1];
  return name ? `${name.slice(0, -1)}ā` : String(weekday);
};

const en = {
  // timetable
  timetableDescription: 'the weekly timetable: which lessons each class has (regulation §17); deputies and admins keep it',
  colWeekday: 'weekday',
  colOutcome: 'outcome',
  groupSuffix: (group: string) => `, group ${group}`,
  outcomeCreated: 'created',
  outcomeReplaced: 'replaced',
  optGroup: "a group's lesson instead of a class's (the group's classes; other groups keep theirs)",
  optWeekday: 'weekday: 1 Monday … 5 Friday (6 Saturday), or its name',
  optNumber: 'lesson number in the day',
  setDescription: "put a subject into a class's lesson from a day on; the lesson it had ends the day before",
  optTeacher: 'teacher (default: the one assigned to the class and subject)',
  optFrom: 'first day of the change (default: today; before the year begins, its first day)',
  alreadyHad: 'The timetable already had this lesson: nothing changed.',
  clearDescription: "free a class's lesson from a day on; the days before keep it",
  optClearFrom: 'first day without the lesson (default: today)',
  ended: (n: number, removed: number) => `Ended ${count(n, { one: 'lesson', other: 'lessons' })}${removed > 0 ? `, dropped ${removed} that had not started yet` : ''}.`,
  listDescription: 'the timetable as it holds on one day',
  optListClass: 'one class',
  optListTeacher: "one teacher's lessons",

  // services/timetable.ts
  weekdayRequired: '--weekday is required.',
  badWeekday: (value: string) => `--weekday "${value}" must be 1 (Monday) … 5 (Friday), or 6 for Saturday lessons; the day's name will do too.`,
  teacherNotAssigned: (teacher: string, subject: string, schoolClass: string) =>
    `--teacher ${teacher} does not teach ${subject} in ${schoolClass}: add the assignment first (\`ezurnals assign add\`).`,
  nobodyTeaches: (subject: string, schoolClass: string) => `Nobody teaches ${subject} in ${schoolClass}: add an assignment first (\`ezurnals assign add\`) or name --teacher.`,
  groupLearnsOther: (group: string, given: string) => `Group ${group} learns another subject than ${given}.`,
  /** `teacher`: '' when none was named and the group has none. */
  notGroupTeacher: (teacher: string, group: string) => (teacher ? `${teacher} does not teach group ${group}.` : `Nobody teaches group ${group}.`),
  groupNoClasses: (group: string) => `Group ${group} has no classes yet: \`ezurnals group set ${group} --class …\` or add members.`,
  noGroupSlot: (group: string, weekday: number, number: number, from: string) =>
    `The timetable has no lesson of group ${group} on ${enWeekday(weekday)}, lesson ${number}, on ${from} or later.`,
  noSlot: (schoolClass: string, weekday: number, number: number, from: string) =>
    `The timetable has no lesson in ${schoolClass}, ${enWeekday(weekday)} lesson ${number} on ${from} or later.`,

  // substitution
  substitutionDescription: 'lessons taught by a substitute (§27): set one with `substitution add`, then the substitute records the lesson',
  substitutionAddDescription: 'set who substitutes in one lesson (a deputy, an admin or the class teacher); only then may that teacher record and write in it',
  optLessonSubject: 'the subject of the lesson',
  optDay: 'the day (YYYY-MM-DD or DD.MM.YYYY)',
  optLessonNumber: 'the lesson number',
  optSubstitute: 'the substitute',
  optFor: 'the teacher substituted (default: the one assigned)',
  /** `teacher`, `replaced`: "Anna Kalniņa (T01)", the replaced one in the accusative in Latvian ("aizvieto Annu Kalniņu (T01)"). */
  substitutes: (teacher: string, replaced: string, schoolClass: string, subject: string, number: number, date: string) =>
    `${teacher} substitutes ${replaced} in ${schoolClass} ${subject}, lesson ${number} on ${date}.`,
  substitutionListDescription: 'every substituted lesson in a period, oldest first (the printable version is `report substitutions`)',
  colTaughtBy: 'taught by',
  colReplacing: 'replacing',
  substitutedCount: (n: number) => `${count(n, { one: 'substituted lesson', other: 'substituted lessons' })}.`,

  // services/substitutions.ts
  cannotSubstitute: (teacher: string) => `${teacher} has no teacher role and cannot substitute.`,
  nobodyToSubstitute: (subject: string, schoolClass: string) => `Nobody teaches ${subject} in ${schoolClass}: there is nobody to substitute.`,
  doesNotTeach: (teacher: string, subject: string, schoolClass: string) => `${teacher} does not teach ${subject} in ${schoolClass}.`,
  substitutionExists: (schoolClass: string, number: number, date: string) => `A substitution for ${schoolClass}, lesson ${number} on ${date} is already set.`,

  // inspection
  inspectionDescription: 'journal inspections by a deputy director (regulation §11)',
  colFindings: 'findings',
  colDeadline: 'deadline',
  colBy: 'by',
  wholeSchool: (n: number) => `whole school (${n})`,
  inspectionAddDescription: 'record an inspection of one or more class journals, or of the whole school: deputies and admins',
  optInspectedClass: 'an inspected class (repeat for several)',
  optInspectionDate: 'the day of the inspection (default: today)',
  optFindings: 'what the inspection found',
  optDeadline: 'by when the shortcomings are to be put right',
  askFindings: 'Findings',
  inspectionListDescription: 'list inspections of the year',
  optCoveringClass: 'inspections covering this class',

  // services/inspections.ts
  classOrAll: 'Give either --class (one or more) or --all, not both.',
  nameClasses: 'Name the classes with --class 7.a [--class 7.b …], or --all for the whole school.',
  noClassesToInspect: (year: string) => `${year} has no classes to inspect.`,
  deadlineBefore: (deadline: string, date: string) => `--deadline ${deadline} is before the inspection (${date}).`,
};

const lessons = { one: 'stunda', other: 'stundas', zero: 'stundu' };

const lv: typeof en = {
  timetableDescription: 'nedēļas stundu saraksts: katras klases stundas (noteikumu §17); uztur direktora vietnieki un administratori',
  colWeekday: 'nedēļas diena',
  colOutcome: 'rezultāts',
  groupSuffix: (group: string) => `, grupa ${group}`,
  outcomeCreated: 'izveidota',
  outcomeReplaced: 'aizstāta',
  optGroup: 'grupas stunda klases stundas vietā (grupas klasēs; citām grupām stundas paliek)',
  optWeekday: 'nedēļas diena: 1 pirmdiena … 5 piektdiena (6 sestdiena) vai dienas nosaukums',
  optNumber: 'stundas numurs dienā',
  setDescription: 'ielikt mācību priekšmetu klases stundā no noteiktas dienas; iepriekšējā stunda beidzas dienu iepriekš',
  optTeacher: 'skolotājs (pēc noklusējuma klasei un priekšmetam piesaistītais)',
  optFrom: 'izmaiņas pirmā diena (pēc noklusējuma šodien; pirms mācību gada sākuma — gada pirmā diena)',
  alreadyHad: 'Stundu sarakstā šī stunda jau bija: nekas nav mainīts.',
  clearDescription: 'atbrīvot klases stundu no noteiktas dienas; iepriekšējās dienās stunda paliek',
  optClearFrom: 'pirmā diena bez šīs stundas (pēc noklusējuma šodien)',
  ended: (n: number, removed: number) => `Beigtas: ${count(n, lessons)}${removed > 0 ? `; atceltas vēl nesākušās: ${count(removed, lessons)}` : ''}.`,
  listDescription: 'stundu saraksts, kāds tas ir noteiktā dienā',
  optListClass: 'viena klase',
  optListTeacher: 'viena skolotāja stundas',

  weekdayRequired: '--weekday ir obligāts.',
  badWeekday: (value: string) => `--weekday "${value}" jābūt 1 (pirmdiena) … 5 (piektdiena) vai 6 sestdienas stundām; der arī dienas nosaukums.`,
  teacherNotAssigned: (teacher: string, subject: string, schoolClass: string) =>
    `--teacher ${teacher} nemāca ${subject} ${schoolClass} klasē: vispirms pievienojiet piesaisti (\`ezurnals assign add\`).`,
  nobodyTeaches: (subject: string, schoolClass: string) => `${subject} ${schoolClass} klasē neviens nemāca: vispirms pievienojiet piesaisti (\`ezurnals assign add\`) vai norādiet --teacher.`,
  groupLearnsOther: (group: string, given: string) => `Grupa ${group} apgūst citu mācību priekšmetu, nevis ${given}.`,
  notGroupTeacher: (teacher: string, group: string) => (teacher ? `${teacher} nemāca grupu ${group}.` : `Grupu ${group} neviens nemāca.`),
  groupNoClasses: (group: string) => `Grupai ${group} vēl nav klašu: \`ezurnals group set ${group} --class …\` vai pievienojiet dalībniekus.`,
  noGroupSlot: (group: string, weekday: number, number: number, from: string) =>
    `Stundu sarakstā grupai ${group} nav stundas ${lvOnWeekday(weekday)}, ${number}. stundā, ${from} vai vēlāk.`,
  noSlot: (schoolClass: string, weekday: number, number: number, from: string) =>
    `Stundu sarakstā ${schoolClass} klasei nav stundas ${lvOnWeekday(weekday)}, ${number}. stundā, ${from} vai vēlāk.`,

  substitutionDescription: 'aizvietotās stundas (§27): aizvietošanu nosaka ar `substitution add`, pēc tam aizvietotājs ieraksta stundu',
  substitutionAddDescription: 'noteikt, kas aizvieto vienā stundā (direktora vietnieks, administrators vai klases audzinātājs); tikai tad aizvietotājs drīkst ierakstīt stundu un rakstīt tajā',
  optLessonSubject: 'stundas mācību priekšmets',
  optDay: 'diena (YYYY-MM-DD vai DD.MM.YYYY)',
  optLessonNumber: 'stundas numurs',
  optSubstitute: 'aizvietotājs',
  optFor: 'aizvietotais skolotājs (pēc noklusējuma piesaistītais)',
  substitutes: (teacher: string, replaced: string, schoolClass: string, subject: string, number: number, date: string) =>
    `${teacher} aizvieto ${replaced}: ${schoolClass} ${subject}, ${number}. stunda ${date}.`,
  substitutionListDescription: 'visas aizvietotās stundas periodā, vecākās vispirms (drukājamā versija: `report substitutions`)',
  colTaughtBy: 'vadīja',
  colReplacing: 'aizvietoja',
  substitutedCount: (n: number) => `${count(n, { one: 'aizvietota stunda', other: 'aizvietotas stundas', zero: 'aizvietotu stundu' })}.`,

  cannotSubstitute: (teacher: string) => `${teacher} nav skolotāja lomas un nevar aizvietot.`,
  nobodyToSubstitute: (subject: string, schoolClass: string) => `${subject} ${schoolClass} klasē neviens nemāca: nav neviena, ko aizvietot.`,
  doesNotTeach: (teacher: string, subject: string, schoolClass: string) => `${teacher} nemāca ${subject} ${schoolClass} klasē.`,
  substitutionExists: (schoolClass: string, number: number, date: string) => `${schoolClass} klasei ${date} ${number}. stundā aizvietošana jau ir noteikta.`,

  inspectionDescription: 'žurnālu pārbaudes, ko veic direktora vietnieks (noteikumu §11)',
  colFindings: 'konstatējumi',
  colDeadline: 'termiņš',
  colBy: 'pārbaudīja',
  wholeSchool: (n: number) => `visa skola (${n})`,
  inspectionAddDescription: 'ierakstīt vienas vai vairāku klašu žurnālu vai visas skolas pārbaudi: direktora vietnieki un administratori',
  optInspectedClass: 'pārbaudītā klase (vairākām atkārtojiet)',
  optInspectionDate: 'pārbaudes diena (pēc noklusējuma šodien)',
  optFindings: 'pārbaudē konstatētais',
  optDeadline: 'līdz kuram datumam jānovērš trūkumi',
  askFindings: 'Konstatējumi',
  inspectionListDescription: 'gada pārbaužu saraksts',
  optCoveringClass: 'pārbaudes, kas aptver šo klasi',

  classOrAll: 'Norādiet vai nu --class (vienu vai vairākas), vai --all, ne abus.',
  nameClasses: 'Norādiet klases ar --class 7.a [--class 7.b …] vai visu skolu ar --all.',
  noClassesToInspect: (year: string) => `Mācību gadā ${year} nav klašu, ko pārbaudīt.`,
  deadlineBefore: (deadline: string, date: string) => `--deadline ${deadline} ir pirms pārbaudes (${date}).`,
};

export const catalogue: Catalogue<typeof en> = { en, lv };
export const m = messages(catalogue);
