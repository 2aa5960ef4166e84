// The lesson journal's words: `ezurnals lesson` (its help, table, prompts)
// and the lessons service's messages (finding a lesson, recording one, a
// substitute's rules, an entry's historic time).
import { messages, type Catalogue } from '../catalogue.ts';

const en = {
  // --- the table
  colHomework: 'homework',
  substituteFor: (teacher: string, replaced: string) => `${teacher} (for ${replaced})`,
  // --- prompts
  promptSubject: 'Subject',
  promptLesson: 'Lesson',
  promptLessonNumber: 'Lesson number',
  notADate: (answer: string) => `"${answer}" is not a date, e.g. 2026-10-05 or 05.10.2026`,
  notALessonNumber: (answer: string, min: number, max: number) => `"${answer}" is not a lesson number ${min}–${max}`,
  // --- help
  optLesson: 'the lesson id',
  optRefClass: 'or: class …',
  optRefSubject: '… subject …',
  optRefDate: '… and date of the lesson',
  optRefNumber: '… and its number in the day, when there are several',
  optRefGroup: '… and the group, when two groups of the class have it in that lesson',
  family: 'the lesson journal: lessons, topics and homework',
  addDescription: 'record a lesson with its topic and homework',
  addGroup: "a group's lesson (see `group list`): its classes and subject come from the group",
  addDate: 'date of the lesson',
  addNumber: 'lesson number in the day (0–12)',
  addTopic: 'topic (tēma)',
  addHomework: 'homework set (mājasdarbs)',
  addTeacher: 'who taught it (default: you, or the assigned teacher)',
  addSubstituteFor:
    'the assigned teacher this lesson was substituted for: needs a substitution set with `substitution add` (a deputy, an admin or the class teacher may record it directly)',
  addForce: 'record it even on a weekend, holiday or outside the semesters',
  setDescription: "fix a lesson's topic or homework",
  setTopic: 'new topic',
  setHomework: 'new homework ("" clears it)',
  showDescription: 'show one lesson',
  listDescription: 'list lessons',
  listTeacher: 'teacher who taught them',
  // --- the service
  noLesson: (id: number) => `No lesson with id ${id}. See \`ezurnals lesson list\`.`,
  nameTheLesson: 'Name the lesson with --lesson ID, or with --class, --subject and --date (and --number).',
  noLessonOn: (subject: string, classCode: string, date: string, number: number | undefined) =>
    `No ${subject} lesson in ${classCode} on ${date}${number === undefined ? '' : `, lesson ${number}`}.`,
  severalGroups: (classCode: string, subject: string, number: number, date: string) => `${classCode} has ${subject} in lesson ${number} on ${date} in several groups: add --group.`,
  severalLessons: (classCode: string, subject: string, numbers: string, date: string) => `${classCode} has ${subject} in lessons ${numbers} on ${date}: add --number.`,
  groupHasNoSuchLesson: (group: string, numbers: string) => `Group ${group} has no such lesson (it has its lessons in: ${numbers}).`,
  inNoGroup: (who: string, several: number, groups: string) =>
    `${who} ${several === 1 ? 'is' : 'are'} in none of the groups with this lesson (${groups}), or in different ones: name the group with --group.`,
  outsideSemesters: (date: string, year: string, s1: string, s2: string) => `${date} is outside the semesters of ${year} (I: ${s1}, II: ${s2})`,
  notWorkingDay: (date: string, reason: string) => `${date} is not a working day (${reason})`,
  doesNotTeach: (who: string, subject: string, classCode: string) => `--substitute-for ${who}: ${who} does not teach ${subject} in ${classCode}.`,
  noSubstitutionSet: (replaced: string, substitute: string, classCode: string, number: number, date: string) =>
    `No substitution of ${replaced} by ${substitute} is set for ${classCode}, lesson ${number} on ${date}: a deputy, an admin or the class teacher sets it first (\`ezurnals substitution add\`).`,
  nobodyTeaches: (subject: string, classCode: string) => `Nobody teaches ${subject} in ${classCode}: add an assignment first (\`ezurnals assign add\`).`,
  selfSubstitute: 'A teacher cannot substitute for themselves.',
  teacherDoesNotTeach: (subject: string, classCode: string) => `The lesson's teacher does not teach ${subject} in ${classCode}; for a substitute lesson give --substitute-for.`,
  noTeacherRole: (who: string, named: boolean) => `${who} has no teacher role and cannot teach a lesson${named ? '' : '; name the teacher with --teacher'}.`,
  noLessonsThatDay: (reason: string) => `No lessons on that day: ${reason}. Use --force to record it anyway.`,
  nothingToChange: 'Nothing to change: give --topic and/or --homework.',
  enteredAtFormats: 'an ISO timestamp (2026-10-05T17:03:09+03:00) or DD.MM.YYYY HH:MM',
  enteredAtNotATime: (value: string, formats: string) => `entered_at "${value}" is not a time: use ${formats}.`,
  enteredAtFuture: (value: string) => `entered_at ${value} is in the future.`,
};

const lv: typeof en = {
  colHomework: 'mājasdarbs',
  substituteFor: (teacher: string, replaced: string) => `${teacher} (aizvieto ${replaced})`,
  promptSubject: 'Mācību priekšmets',
  promptLesson: 'Stunda',
  promptLessonNumber: 'Stundas numurs',
  notADate: (answer: string) => `"${answer}" nav datums; piemēram, 2026-10-05 vai 05.10.2026`,
  notALessonNumber: (answer: string, min: number, max: number) => `"${answer}" nav stundas numurs ${min}–${max}`,
  optLesson: 'stundas ID',
  optRefClass: 'vai: klase …',
  optRefSubject: '… mācību priekšmets …',
  optRefDate: '… un stundas datums',
  optRefNumber: '… un tās numurs dienā, ja stundu ir vairākas',
  optRefGroup: '… un grupa, ja klases divām grupām šajā laikā ir šī stunda',
  family: 'stundu žurnāls: stundas, tēmas un mājasdarbi',
  addDescription: 'ierakstīt stundu ar tēmu un mājasdarbu',
  addGroup: 'grupas stunda (skatiet `group list`): klases un mācību priekšmetu nosaka grupa',
  addDate: 'stundas datums',
  addNumber: 'stundas numurs dienā (0–12)',
  addTopic: 'tēma',
  addHomework: 'uzdotais mājasdarbs',
  addTeacher: 'kas vadīja stundu (pēc noklusējuma jūs vai norīkotais skolotājs)',
  addSubstituteFor:
    'norīkotais skolotājs, kuru šajā stundā aizvietoja: vajadzīga aizvietošana, kas noteikta ar `substitution add` (direktora vietnieks, administrators vai klases audzinātājs var ierakstīt stundu uzreiz)',
  addForce: 'ierakstīt arī brīvdienā, svētku dienā vai ārpus semestriem',
  setDescription: 'labot stundas tēmu vai mājasdarbu',
  setTopic: 'jaunā tēma',
  setHomework: 'jaunais mājasdarbs ("" dzēš mājasdarbu)',
  showDescription: 'parādīt vienu stundu',
  listDescription: 'stundu saraksts',
  listTeacher: 'skolotājs, kas vadīja stundas',
  noLesson: (id: number) => `Nav stundas ar ID ${id}. Skatiet \`ezurnals lesson list\`.`,
  nameTheLesson: 'Norādiet stundu ar --lesson ID vai ar --class, --subject un --date (un --number).',
  noLessonOn: (subject: string, classCode: string, date: string, number: number | undefined) =>
    `${classCode} klasei ${date} nav ${subject} stundas${number === undefined ? '' : ` (${number}. stunda)`}.`,
  severalGroups: (classCode: string, subject: string, number: number, date: string) =>
    `${classCode} klasei ${date} ${number}. stundā ${subject} ir vairākām grupām: pievienojiet --group.`,
  severalLessons: (classCode: string, subject: string, numbers: string, date: string) => `${classCode} klasei ${date} ${subject} ir stundās ${numbers}: pievienojiet --number.`,
  groupHasNoSuchLesson: (group: string, numbers: string) => `Grupai ${group} nav šādas stundas (tās stundas ir: ${numbers}).`,
  inNoGroup: (who: string, _several: number, groups: string) =>
    `${who} nav nevienā no grupām, kurām ir šī stunda (${groups}), vai ir dažādās: norādiet grupu ar --group.`,
  outsideSemesters: (date: string, year: string, s1: string, s2: string) => `${date} ir ārpus ${year} mācību gada semestriem (I: ${s1}, II: ${s2})`,
  notWorkingDay: (date: string, reason: string) => `${date} nav darba diena (${reason})`,
  doesNotTeach: (who: string, subject: string, classCode: string) => `--substitute-for ${who}: ${who} nemāca ${subject} ${classCode} klasē.`,
  noSubstitutionSet: (replaced: string, substitute: string, classCode: string, number: number, date: string) =>
    `${classCode} klasei ${date} ${number}. stundā nav noteikta aizvietošana, kurā ${substitute} aizvieto ${replaced}: vispirms to nosaka direktora vietnieks, administrators vai klases audzinātājs (\`ezurnals substitution add\`).`,
  nobodyTeaches: (subject: string, classCode: string) => `Neviens nemāca ${subject} ${classCode} klasē: vispirms pievienojiet norīkojumu (\`ezurnals assign add\`).`,
  selfSubstitute: 'Skolotājs nevar aizvietot pats sevi.',
  teacherDoesNotTeach: (subject: string, classCode: string) =>
    `Stundas skolotājs nemāca ${subject} ${classCode} klasē; aizvietošanas stundai norādiet --substitute-for.`,
  noTeacherRole: (who: string, named: boolean) => `${who} nav skolotāja lomas un nevar vadīt stundu${named ? '' : '; norādiet skolotāju ar --teacher'}.`,
  noLessonsThatDay: (reason: string) => `Šajā dienā stundu nav: ${reason}. Lai tomēr ierakstītu, lietojiet --force.`,
  nothingToChange: 'Nav ko mainīt: norādiet --topic un/vai --homework.',
  enteredAtFormats: 'ISO laika zīmogu (2026-10-05T17:03:09+03:00) vai DD.MM.YYYY HH:MM',
  enteredAtNotATime: (value: string, formats: string) => `entered_at "${value}" nav laiks: lietojiet ${formats}.`,
  enteredAtFuture: (value: string) => `entered_at ${value} ir nākotnē.`,
};

export const catalogue: Catalogue<typeof en> = { en, lv };
export const m = messages(catalogue);
