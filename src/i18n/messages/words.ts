// The shared vocabulary: the short words, table column headers, option
// descriptions and prompt labels that several areas use. Each lives here once,
// so that a word has one Latvian translation everywhere (E-klase's terms, see
// the translators' vocabulary): a copy per area was a chance to translate the
// same word two ways ("iemesls" / "pamatojums", "stāvoklis" / "statuss").
// Whole sentences stay in their area's file; a word comes here only where it
// means the same thing in the same role. Where one English word carries two
// meanings, there are two keys named by the meaning (name: a person's / a
// thing's; reason: a cause / a decision's ground).
import { messages, type Catalogue } from '../catalogue.ts';

const en = {
  // --- people, classes, subjects (column headers and option descriptions)
  id: 'id',
  class: 'class',
  classes: 'classes',
  theClass: 'the class',
  student: 'student',
  students: 'students',
  subject: 'subject',
  teacher: 'teacher',
  classTeacher: 'class teacher',
  guardian: 'guardian',
  school: 'school',
  /** A school year ("2026/2027"). */
  year: 'year',
  /** A person's name: "vārds, uzvārds". */
  personName: 'name',
  /** The name of a thing (a school, a subject, a group, a holiday): "nosaukums". */
  thingName: 'name',
  code: 'code',
  firstName: 'first name',
  lastName: 'last name',
  email: 'e-mail',
  phone: 'phone',
  phoneOption: 'phone, +371XXXXXXXX',
  address: 'address',
  // --- dates and who did what
  date: 'date',
  from: 'from',
  /** The end of a period (a date): "līdz", not the recipient of a message. */
  to: 'to',
  until: 'until',
  when: 'when',
  who: 'who',
  /** Who recorded an entry (a grade, a note, a conversation). */
  recordedBy: 'by',
  kind: 'kind',
  text: 'text',
  note: 'note',
  topic: 'topic',
  /** A lesson's number in the day. */
  lessonNumber: 'no.',
  /** An assessment (a number, "i"/"ni", a percentage): "vērtējums". */
  grade: 'grade',
  grades: 'grades',
  /**
   * The cause of something: an absence, a holiday, a grade's change, an admin's
   * change of a closed year. E-klase: "iemesls".
   */
  reason: 'reason',
  /**
   * The ground a decision rests on (the teachers' council's promotion decision):
   * "pamatojums". Separate from `reason` because the Latvian differs in meaning;
   * the English word is the same.
   */
  justification: 'reason',
  /** A record's status (a profile's, an absence note's): "statuss", as E-klase's tables show it. */
  status: 'status',
  /** Sent (a message, a note): feminine, as "ziņa" and "zīme" are. */
  sent: 'sent',
  change: 'change',
  before: 'before',
  after: 'after',
  briefed: 'briefed',
  /** A conversation's other side. */
  with: 'with',
  summary: 'summary',
  agreed: 'agreed',
  command: 'command',
  rows: 'rows',
  file: 'file',
  files: 'files',
  unchanged: 'unchanged',
  printing: 'Printing',
  // --- option descriptions
  fromDate: 'from date',
  toDate: 'to date',
  firstDay: 'first day',
  lastDayDefaultFrom: 'last day (default: --from)',
  firstDayTyped: 'first day (YYYY-MM-DD or DD.MM.YYYY)',
  lastDayTyped: 'last day (YYYY-MM-DD or DD.MM.YYYY)',
  theDay: 'the day',
  theDayDefaultToday: 'the day (default: today)',
  classExample: 'class, e.g. 7.a',
  subjectCode: 'subject code',
  classRepeatable: 'a class (repeatable)',
  studentRepeatable: 'student (repeatable)',
  studentsRepeat: 'a student (repeat for several)',
  everyClassOfYear: 'every class of the year',
  onlyClass: 'only this class',
  onlySubject: 'only this subject',
  overwriteOut: 'overwrite an existing --out file (a symbolic link there is replaced, never written through)',
  // --- a CSV row's problem, and a lookup's empty list of allowed codes
  valueRequired: 'a value is required here',
  noneDefinedYet: 'none defined yet',
  // --- prompt labels
  askStudent: 'Student',
  askStudentCode: 'Student code',
  askClass: 'Class',
  askFirstName: 'First name',
  askLastName: 'Last name',
  askDate: 'Date (YYYY-MM-DD)',
  askTopic: 'Topic',
  askReason: 'Reason',
};

const lv: typeof en = {
  id: 'ID',
  class: 'klase',
  classes: 'klases',
  theClass: 'klase',
  student: 'skolēns',
  students: 'skolēni',
  subject: 'mācību priekšmets',
  teacher: 'skolotājs',
  classTeacher: 'klases audzinātājs',
  guardian: 'likumiskais pārstāvis',
  school: 'skola',
  year: 'mācību gads',
  personName: 'vārds, uzvārds',
  thingName: 'nosaukums',
  code: 'kods',
  firstName: 'vārds',
  lastName: 'uzvārds',
  email: 'e-pasts',
  phone: 'tālrunis',
  phoneOption: 'tālrunis, +371XXXXXXXX',
  address: 'adrese',
  date: 'datums',
  from: 'no',
  to: 'līdz',
  until: 'līdz',
  when: 'kad',
  who: 'kas',
  recordedBy: 'ierakstīja',
  kind: 'veids',
  text: 'teksts',
  note: 'piezīme',
  topic: 'tēma',
  lessonNumber: 'nr.',
  grade: 'vērtējums',
  grades: 'atzīmes',
  reason: 'iemesls',
  justification: 'pamatojums',
  status: 'statuss',
  sent: 'nosūtīta',
  change: 'izmaiņa',
  before: 'bija',
  after: 'kļuva',
  briefed: 'instruēti',
  with: 'ar ko',
  summary: 'kopsavilkums',
  agreed: 'vienošanās',
  command: 'komanda',
  rows: 'rindas',
  file: 'fails',
  files: 'faili',
  unchanged: 'bez izmaiņām',
  printing: 'Drukā',
  fromDate: 'no datuma',
  toDate: 'līdz datumam',
  firstDay: 'pirmā diena',
  lastDayDefaultFrom: 'pēdējā diena (pēc noklusējuma tā pati, kas pirmā)',
  firstDayTyped: 'pirmā diena (YYYY-MM-DD vai DD.MM.YYYY)',
  lastDayTyped: 'pēdējā diena (YYYY-MM-DD vai DD.MM.YYYY)',
  theDay: 'diena',
  theDayDefaultToday: 'diena (pēc noklusējuma šodien)',
  classExample: 'klase, piemēram, 7.a',
  subjectCode: 'mācību priekšmeta kods',
  classRepeatable: 'klase (var atkārtot)',
  studentRepeatable: 'skolēns (var atkārtot)',
  studentsRepeat: 'skolēns (vairākiem atkārtojiet)',
  everyClassOfYear: 'visas gada klases',
  onlyClass: 'tikai šī klase',
  onlySubject: 'tikai šis mācību priekšmets',
  overwriteOut: 'pārrakstīt esošu --out failu (simbolisko saiti aizstāj, nekad neraksta caur saiti)',
  valueRequired: 'šeit vajadzīga vērtība',
  noneDefinedYet: 'vēl nav neviena',
  askStudent: 'Skolēns',
  askStudentCode: 'Skolēna kods',
  askClass: 'Klase',
  askFirstName: 'Vārds',
  askLastName: 'Uzvārds',
  askDate: 'Datums (YYYY-MM-DD)',
  askTopic: 'Tēma',
  askReason: 'Iemesls',
};

export const catalogue: Catalogue<typeof en> = { en, lv };
export const m = messages(catalogue);
