// Groups of students: `group` (add, set, list, show, member add/remove), the
// groups service and a group's lessons (services/group-lessons.ts).
import { count, messages, type Catalogue } from '../catalogue.ts';
import { language } from '../language.ts';
import { declineName, type NameCase } from '../../domain/latvian-names.ts';

/** A person as a message names them: "Jānis Bērziņš (S028)"; in Latvian in the sentence's case ("Jāni Bērziņu (S028)"). */
export function person(name: string, code: string, nameCase: NameCase = 'nominative'): string {
  return `${language() === 'lv' ? declineName(String(name), nameCase) : name} (${code})`;
}

const en = {
  groupDescription: 'groups of students: a class split (languages, sport, informatics) or across classes',
  colGroup: 'group',
  colTeachers: 'teachers',
  colMembers: 'members',
  membersOf: (code: string) => `Members of ${code}`,
  addDescription: 'add a group to the current (or --year) school year',
  optSubject: 'the subject the group learns',
  optTeacher: "the group's teacher (repeat for several)",
  optClass: 'a class the group draws from (repeat; members add their classes too)',
  optName: 'a name to print, e.g. "Angļu valoda, 1. grupa"',
  setDescription: "change a group's teachers (replaced), classes (added), subject (while it has no lessons) or name",
  optSetSubject: 'the subject',
  optSetTeachers: 'the teachers, all of them (repeat)',
  optSetClass: 'a class to add (repeat)',
  optSetName: 'the name ("" for none)',
  listDescription: 'the groups of the year, with their members today',
  optListClass: 'only groups drawing from this class',
  optListTeacher: 'only groups of this teacher',
  showDescription: 'a group with every membership (from, to)',
  memberDescription: "a group's members",
  memberAddDescription: 'students join the group from a day (default today; before the year begins, its first day)',
  optMemberFrom: 'the first day in the group',
  optMemberTo: 'the last day (default: open)',
  memberRemoveDescription: 'students leave the group: the membership ends on a day (default yesterday), the lessons before keep them',
  optMemberLastDay: 'the last day in the group',
  /** `people`: each from person(name, code, 'accusative'). */
  confirmAdd: (people: string, group: string, from: string) => `Add ${people} to group ${group}${from ? ` from ${from}` : ''}?`,
  /** `people`: each from person(name, code, 'genitive'). */
  confirmRemove: (people: string, group: string, to: string) => `End the membership of ${people} in group ${group}${to ? ` on ${to}` : ''}?`,

  // services/groups.ts
  noGroup: (code: string, year: string) => `No group ${code} in ${year}. See \`ezurnals group list\`.`,
  notTeacher: (teacher: string) => `${teacher} has no teacher role and cannot teach a group.`,
  badGroupCode: (code: string) => `Group code "${code}" should be letters, digits, dots and dashes (up to 40), e.g. 7a-ang1.`,
  groupExists: (code: string, year: string) => `Group ${code} already exists in ${year}.`,
  needsSubject: 'A group needs its subject (--subject).',
  needsTeacher: 'A group needs at least one teacher (--teacher).',
  subjectStays: (code: string) => `Group ${code} already has lessons: its subject stays (make a new group for another subject).`,
  nameStudents: 'Name the students (--student S001, repeat for several).',
  outsideYear: (date: string, year: string, from: string, to: string) => `${date} is outside the school year ${year} (${from} – ${to}).`,
  endsBeforeBegins: (to: string, from: string) => `The membership would end (${to}) before it begins (${from}).`,
  /** `student`: person(name, code). */
  inNoClass: (student: string, year: string, date: string, group: string) => `${student} is in no class of ${year} on ${date}, so cannot join group ${group}.`,
  alreadyMember: (student: string, group: string) => `${student} is already in group ${group} then.`,
  notMemberAfter: (student: string, group: string, date: string) => `${student} is not in group ${group} after ${date}.`,
  entriesAfter: (name: string, code: string, n: number, group: string, date: string) =>
    `${name} (${code}) has ${count(n, { one: 'grade or absence', other: 'grades or absences' })} in lessons of ${group} after ${date}: end the membership later (--to).`,
  /** `students`: a list of person(name, code). */
  notMembersOn: (students: string, n: number, group: string, date: string) =>
    `${students} ${n === 1 ? 'is' : 'are'} not in group ${group} on ${date}: this lesson is the group's (see \`ezurnals group show ${group}\`).`,

  // services/group-lessons.ts
  slotHeld: (schoolClass: string, number: number, date: string, subject: string, group: string | null, id: number) =>
    `${schoolClass} already has lesson ${number} on ${date}: ${subject}${group ? ` of group ${group}` : ''} (id ${id}).`,
  slotHeldSameTeacher: (schoolClass: string, number: number, date: string, subject: string, group: string | null, id: number) =>
    `${schoolClass} already has lesson ${number} on ${date}: ${subject}${group ? ` of group ${group}` : ''} (id ${id}), taught by the same teacher.`,
  slotHeldShared: (schoolClass: string, number: number, date: string, subject: string, group: string | null, id: number, students: string) =>
    `${schoolClass} already has lesson ${number} on ${date}: ${subject}${group ? ` of group ${group}` : ''} (id ${id}), with ${students} in both.`,
  andMore: (n: number) => ` and ${n} more`,
  learnsOther: (group: string, subject: string, given: string) => `Group ${group} learns ${subject}, not ${given}.`,
  substituteNotInGroup: (teacher: string, group: string) => `--substitute-for ${teacher}: ${teacher} does not teach group ${group}.`,
  groupHasNoTeacher: (group: string) => `Group ${group} has no teacher: \`ezurnals group set ${group} --teacher …\`.`,
  selfSubstitute: 'A teacher cannot substitute for themselves.',
  teacherNotInGroup: (group: string) => `The lesson's teacher does not teach group ${group}; for a substitute lesson give --substitute-for.`,
  noMembersOn: (group: string, date: string) => `Group ${group} has no members on ${date}: add them first (\`ezurnals group member add ${group} --student …\`).`,
  cannotTeachLesson: (teacher: string) => `${teacher} has no teacher role and cannot teach a lesson.`,
  noLessonsThatDay: (reason: string) => `No lessons on that day: ${reason}. Use --force to record it anyway.`,
};

const lv: typeof en = {
  groupDescription: 'skolēnu grupas: klases dalījums (valodas, sports, informātika) vai vairāku klašu grupa',
  colGroup: 'grupa',
  colTeachers: 'skolotāji',
  colMembers: 'dalībnieki',
  membersOf: (code: string) => `Grupas ${code} dalībnieki`,
  addDescription: 'pievienot grupu pašreizējam (vai --year) mācību gadam',
  optSubject: 'mācību priekšmets, ko grupa apgūst',
  optTeacher: 'grupas skolotājs (vairākiem atkārtojiet)',
  optClass: 'klase, no kuras nāk grupas skolēni (var atkārtot; dalībnieku klases pievienojas arī pašas)',
  optName: 'drukājamais nosaukums, piemēram, "Angļu valoda, 1. grupa"',
  setDescription: 'mainīt grupas skolotājus (aizstāj), klases (pievieno), mācību priekšmetu (kamēr grupai nav stundu) vai nosaukumu',
  optSetSubject: 'mācību priekšmets',
  optSetTeachers: 'visi grupas skolotāji (atkārtojiet)',
  optSetClass: 'pievienojamā klase (var atkārtot)',
  optSetName: 'nosaukums ("" — bez nosaukuma)',
  listDescription: 'gada grupas ar šodienas dalībniekiem',
  optListClass: 'tikai grupas ar šīs klases skolēniem',
  optListTeacher: 'tikai šī skolotāja grupas',
  showDescription: 'grupa ar visām dalībām (no, līdz)',
  memberDescription: 'grupas dalībnieki',
  memberAddDescription: 'skolēni pievienojas grupai no noteiktas dienas (pēc noklusējuma šodien; pirms mācību gada sākuma — gada pirmajā dienā)',
  optMemberFrom: 'pirmā diena grupā',
  optMemberTo: 'pēdējā diena (pēc noklusējuma bez beigām)',
  memberRemoveDescription: 'skolēni atstāj grupu: dalība beidzas noteiktā dienā (pēc noklusējuma vakar), iepriekšējās stundās viņi paliek',
  optMemberLastDay: 'pēdējā diena grupā',
  confirmAdd: (people: string, group: string, from: string) => `Pievienot ${people} grupai ${group}${from ? ` no ${from}` : ''}?`,
  confirmRemove: (people: string, group: string, to: string) => `Beigt ${people} dalību grupā ${group}${to ? ` ar ${to}` : ''}?`,

  noGroup: (code: string, year: string) => `Mācību gadā ${year} nav grupas ${code}. Skatiet \`ezurnals group list\`.`,
  notTeacher: (teacher: string) => `${teacher} nav skolotāja lomas un nevar mācīt grupu.`,
  badGroupCode: (code: string) => `Grupas kodā "${code}" drīkst būt burti, cipari, punkti un domuzīmes (līdz 40), piemēram, 7a-ang1.`,
  groupExists: (code: string, year: string) => `Grupa ${code} mācību gadā ${year} jau ir.`,
  needsSubject: 'Grupai jānorāda mācību priekšmets (--subject).',
  needsTeacher: 'Grupai jānorāda vismaz viens skolotājs (--teacher).',
  subjectStays: (code: string) => `Grupai ${code} jau ir stundas: tās mācību priekšmets paliek (citam priekšmetam izveidojiet jaunu grupu).`,
  nameStudents: 'Norādiet skolēnus (--student S001, vairākiem atkārtojiet).',
  outsideYear: (date: string, year: string, from: string, to: string) => `${date} ir ārpus mācību gada ${year} (${from} – ${to}).`,
  endsBeforeBegins: (to: string, from: string) => `Dalība beigtos (${to}) pirms sākuma (${from}).`,
  inNoClass: (student: string, year: string, date: string, group: string) => `${student} ${date} nav nevienā mācību gada ${year} klasē, tāpēc nevar pievienoties grupai ${group}.`,
  alreadyMember: (student: string, group: string) => `${student} tajā laikā jau ir grupā ${group}.`,
  notMemberAfter: (student: string, group: string, date: string) => `${student} pēc ${date} nav grupā ${group}.`,
  entriesAfter: (name: string, code: string, n: number, group: string, date: string) =>
    `${declineName(String(name), 'dative')} (${code}) grupas ${group} stundās pēc ${date} ir ${count(n, { one: 'atzīme vai kavējums', other: 'atzīmes vai kavējumi', zero: 'atzīmju vai kavējumu' })}: beidziet dalību vēlāk (--to).`,
  notMembersOn: (students: string, n: number, group: string, date: string) =>
    `${students} ${date} nav grupā ${group}: šī ir grupas stunda (skatiet \`ezurnals group show ${group}\`).`,

  slotHeld: (schoolClass: string, number: number, date: string, subject: string, group: string | null, id: number) =>
    `${schoolClass} klasei ${date} jau ir ${number}. stunda: ${subject}${group ? `, grupa ${group}` : ''} (ID ${id}).`,
  slotHeldSameTeacher: (schoolClass: string, number: number, date: string, subject: string, group: string | null, id: number) =>
    `${schoolClass} klasei ${date} jau ir ${number}. stunda: ${subject}${group ? `, grupa ${group}` : ''} (ID ${id}), un to vada tas pats skolotājs.`,
  slotHeldShared: (schoolClass: string, number: number, date: string, subject: string, group: string | null, id: number, students: string) =>
    `${schoolClass} klasei ${date} jau ir ${number}. stunda: ${subject}${group ? `, grupa ${group}` : ''} (ID ${id}), un ${students} būtu abās stundās.`,
  andMore: (n: number) => ` un vēl ${n}`,
  learnsOther: (group: string, subject: string, given: string) => `Grupa ${group} apgūst ${subject}, nevis ${given}.`,
  substituteNotInGroup: (teacher: string, group: string) => `--substitute-for ${teacher}: ${teacher} nemāca grupu ${group}.`,
  groupHasNoTeacher: (group: string) => `Grupai ${group} nav skolotāja: \`ezurnals group set ${group} --teacher …\`.`,
  selfSubstitute: 'Skolotājs nevar aizvietot pats sevi.',
  teacherNotInGroup: (group: string) => `Stundas skolotājs nemāca grupu ${group}; aizvietošanas stundai norādiet --substitute-for.`,
  noMembersOn: (group: string, date: string) => `Grupai ${group} ${date} nav dalībnieku: vispirms pievienojiet tos (\`ezurnals group member add ${group} --student …\`).`,
  cannotTeachLesson: (teacher: string) => `${teacher} nav skolotāja lomas un nevar vadīt stundu.`,
  noLessonsThatDay: (reason: string) => `Šajā dienā stundu nav: ${reason}. Lai tomēr ierakstītu, lietojiet --force.`,
};

export const catalogue: Catalogue<typeof en> = { en, lv };
export const m = messages(catalogue);
