import { defineColumns, unknownColumnReason, type HeaderMapping } from '../csv/columns.ts';
import { formatProblem, type ImportProblem } from '../csv/errors.ts';
import { m as t } from '../i18n/messages/files-import.ts';

// Names beside codes (issue 18): `export --excel` writes them for the people
// who open the file; the importer knows them and reads nothing from them, as
// the code beside each says who or what is meant.
const SUBJECT_NAME = { en: 'subject_name', lv: 'Priekšmeta nosaukums' } as const;
const STUDENT_NAME = { en: 'student_name', lv: 'Skolēna vārds un uzvārds' } as const;
const TEACHER_NAME = { en: 'teacher_name', lv: 'Skolotāja vārds un uzvārds' } as const;

const NAME_FIELD_LIST = ['subject_name', 'student_name', 'teacher_name', 'class_teacher_name', 'substitute_for_name'] as const;
export type NameField = (typeof NAME_FIELD_LIST)[number];
/** The name columns: in the kinds' columns, written by `export --excel` only. */
export const NAME_FIELDS: ReadonlySet<string> = new Set(NAME_FIELD_LIST);

/**
 * The columns of every importable kind, in the order exports write them
 * (issue 3): each has an English and a Latvian name. Import and export share
 * these, so that an export reads back into an empty database unchanged.
 */
export const KIND_COLUMNS = {
  subjects: defineColumns({
    code: { en: 'code', lv: 'Kods', required: true },
    name: { en: 'name', lv: 'Nosaukums', required: true },
  }),
  staff: defineColumns({
    code: { en: 'code', lv: 'Kods', required: true },
    first_name: { en: 'first_name', lv: 'Vārds', required: true },
    last_name: { en: 'last_name', lv: 'Uzvārds', required: true },
    roles: { en: 'roles', lv: 'Lomas', required: true },
    phone: { en: 'phone', lv: 'Tālrunis' },
    email: { en: 'email', lv: 'E-pasts', aliases: ['e-mail'] },
  }),
  classes: defineColumns({
    code: { en: 'code', lv: 'Klase', aliases: ['class'], required: true },
    level: { en: 'level', lv: 'Līmenis' },
    class_teacher: { en: 'class_teacher', lv: 'Audzinātājs' },
    class_teacher_name: { en: 'class_teacher_name', lv: 'Audzinātāja vārds un uzvārds' },
  }),
  students: defineColumns({
    code: { en: 'code', lv: 'Kods' },
    first_name: { en: 'first_name', lv: 'Vārds', required: true },
    last_name: { en: 'last_name', lv: 'Uzvārds', required: true },
    personal_code: { en: 'personal_code', lv: 'Personas kods' },
    class: { en: 'class', lv: 'Klase' },
    birth_date: { en: 'birth_date', lv: 'Dzimšanas datums' },
    sex: { en: 'sex', lv: 'Dzimums' },
    phone: { en: 'phone', lv: 'Tālrunis' },
    email: { en: 'email', lv: 'E-pasts', aliases: ['e-mail'] },
    address: { en: 'address', lv: 'Adrese' },
  }),
  guardians: defineColumns({
    student: { en: 'student', lv: 'Skolēns', required: true },
    student_name: STUDENT_NAME,
    first_name: { en: 'first_name', lv: 'Vārds', required: true },
    last_name: { en: 'last_name', lv: 'Uzvārds', required: true },
    relation: { en: 'relation', lv: 'Radniecība', required: true },
    phone: { en: 'phone', lv: 'Tālrunis' },
    email: { en: 'email', lv: 'E-pasts', aliases: ['e-mail'] },
    address: { en: 'address', lv: 'Adrese' },
  }),
  assignments: defineColumns({
    class: { en: 'class', lv: 'Klase', required: true },
    subject: { en: 'subject', lv: 'Priekšmets', required: true },
    subject_name: SUBJECT_NAME,
    teacher: { en: 'teacher', lv: 'Skolotājs', required: true },
    teacher_name: TEACHER_NAME,
  }),
  lessons: defineColumns({
    class: { en: 'class', lv: 'Klase', required: true },
    subject: { en: 'subject', lv: 'Priekšmets', required: true },
    subject_name: SUBJECT_NAME,
    date: { en: 'date', lv: 'Datums', required: true },
    number: { en: 'number', lv: 'Stunda', required: true },
    teacher: { en: 'teacher', lv: 'Skolotājs' },
    teacher_name: TEACHER_NAME,
    topic: { en: 'topic', lv: 'Tēma', required: true },
    homework: { en: 'homework', lv: 'Mājasdarbs' },
    substitute_for: { en: 'substitute_for', lv: 'Aizvieto' },
    substitute_for_name: { en: 'substitute_for_name', lv: 'Aizvietotā skolotāja vārds un uzvārds' },
    group: { en: 'group', lv: 'Grupa' },
    entered_at: { en: 'entered_at', lv: 'Ievadīts' },
  }),
  absences: defineColumns({
    class: { en: 'class', lv: 'Klase', required: true },
    subject: { en: 'subject', lv: 'Priekšmets', required: true },
    subject_name: SUBJECT_NAME,
    date: { en: 'date', lv: 'Datums', required: true },
    number: { en: 'number', lv: 'Stunda' },
    student: { en: 'student', lv: 'Skolēns', required: true },
    student_name: STUDENT_NAME,
    code: { en: 'code', lv: 'Atzīme', required: true },
    entered_at: { en: 'entered_at', lv: 'Ievadīts' },
  }),
  grades: defineColumns({
    class: { en: 'class', lv: 'Klase', required: true },
    subject: { en: 'subject', lv: 'Priekšmets', required: true },
    subject_name: SUBJECT_NAME,
    date: { en: 'date', lv: 'Datums' },
    student: { en: 'student', lv: 'Skolēns', required: true },
    student_name: STUDENT_NAME,
    value: { en: 'value', lv: ['Vērtējums', 'Atzīme'], required: true },
    work: { en: 'work', lv: 'Darba veids' },
    note: { en: 'note', lv: 'Piezīmes' },
    entered_at: { en: 'entered_at', lv: 'Ievadīts' },
  }),
  timetable: defineColumns({
    class: { en: 'class', lv: 'Klase', required: true },
    weekday: { en: 'weekday', lv: ['Nedēļas diena', 'Diena'], required: true },
    number: { en: 'number', lv: 'Stunda', required: true },
    subject: { en: 'subject', lv: 'Priekšmets', required: true },
    subject_name: SUBJECT_NAME,
    teacher: { en: 'teacher', lv: 'Skolotājs' },
    teacher_name: TEACHER_NAME,
    from: { en: 'from', lv: ['Spēkā no', 'No'] },
    group: { en: 'group', lv: 'Grupa' },
  }),
  groups: defineColumns({
    code: { en: 'code', lv: ['Grupa', 'Kods'], aliases: ['group'], required: true },
    subject: { en: 'subject', lv: 'Priekšmets', required: true },
    teachers: { en: 'teachers', lv: ['Skolotāji', 'Skolotājs'], aliases: ['teacher'], required: true },
    classes: { en: 'classes', lv: ['Klases', 'Klase'], aliases: ['class'] },
    name: { en: 'name', lv: 'Nosaukums' },
  }),
  group_members: defineColumns({
    group: { en: 'group', lv: 'Grupa', required: true },
    student: { en: 'student', lv: 'Skolēns', required: true },
    from: { en: 'from', lv: 'No' },
    to: { en: 'to', lv: 'Līdz' },
  }),
  holidays: defineColumns({
    from: { en: 'from', lv: 'No', required: true },
    to: { en: 'to', lv: 'Līdz' },
    kind: { en: 'kind', lv: 'Veids' },
    name: { en: 'name', lv: 'Nosaukums', required: true },
  }),
} as const;

export type TransferKind = keyof typeof KIND_COLUMNS;
export const TRANSFER_KINDS = Object.keys(KIND_COLUMNS) as TransferKind[];

/** Dependency order: a bundle imports, and an export folder is read back, in this order. */
export const IMPORT_ORDER: readonly TransferKind[] = ['holidays', 'subjects', 'staff', 'classes', 'students', 'guardians', 'assignments', 'groups', 'group_members', 'timetable', 'lessons', 'absences', 'grades'];

/**
 * The columns of a file that no field takes (issue 14: "Pers. kods",
 * "Telefons", "Māte" went missing without a word): each is a warning, or
 * with `strict` a problem that refuses the import.
 */
export function reportUnknownColumns(
  mapping: HeaderMapping<string>,
  kind: TransferKind,
  line: number,
  options: { strict?: boolean; warn?: (message: string) => void },
  sink: ImportProblem[],
): void {
  for (const column of mapping.unknown) {
    const reason = unknownColumnReason(column, KIND_COLUMNS[kind] as never, mapping.language);
    const problem: ImportProblem = { file: mapping.file, line, column, reason: options.strict ? t.unknownColumnStrict(reason) : t.unknownColumnIgnored(reason) };
    if (options.strict) sink.push(problem);
    else options.warn?.(formatProblem(problem));
  }
}
