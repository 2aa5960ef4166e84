import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types for Kysely. Dates are ISO `YYYY-MM-DD` text, timestamps ISO 8601
 * with the school's offset, flags are 0/1 integers: all of it reads the same in
 * SQLite and PostgreSQL.
 */
type Id = Generated<number>;
type Flag = ColumnType<number, number | undefined, number>;

export interface SchoolTable {
  id: Id;
  name: string;
  registration_number: string | null;
  director: string | null;
  created_at: string;
}

export interface SchoolYearTable {
  id: Id;
  school_id: number;
  code: string;
  starts_on: string;
  ends_on: string;
  semester1_from: string;
  semester1_to: string;
  semester2_from: string;
  semester2_to: string;
  is_current: Flag;
  created_at: string;
}

export type CalendarEntryKind = 'holiday' | 'school-break' | 'working-day';

export interface HolidayTable {
  id: Id;
  school_id: number;
  school_year_id: number | null;
  starts_on: string;
  ends_on: string;
  kind: CalendarEntryKind;
  name: string;
  created_at: string;
  created_by: number | null;
}

export interface StaffTable {
  id: Id;
  school_id: number;
  code: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  email: string | null;
  active: Flag;
  created_at: string;
  updated_at: string;
}

export interface StaffRoleTable {
  staff_id: number;
  role: string;
}

export interface SubjectTable {
  id: Id;
  school_id: number;
  code: string;
  name: string;
  created_at: string;
}

export interface SchoolClassTable {
  id: Id;
  school_id: number;
  school_year_id: number;
  code: string;
  level: number;
  class_teacher_id: number | null;
  created_at: string;
}

export interface StudentTable {
  id: Id;
  school_id: number;
  code: string;
  first_name: string;
  last_name: string;
  personal_code: string | null;
  birth_date: string | null;
  sex: 'M' | 'F' | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  created_at: string;
  updated_at: string;
}

export interface EnrollmentTable {
  id: Id;
  student_id: number;
  class_id: number;
  from_date: string;
  to_date: string | null;
  created_at: string;
  created_by: number | null;
}

export interface GuardianTable {
  id: Id;
  school_id: number;
  first_name: string;
  last_name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  created_at: string;
  updated_at: string;
}

export interface StudentGuardianTable {
  student_id: number;
  guardian_id: number;
  relation: string;
}

export interface AssignmentTable {
  id: Id;
  school_id: number;
  class_id: number;
  subject_id: number;
  teacher_id: number;
  created_at: string;
}

export interface LessonTable {
  id: Id;
  school_id: number;
  class_id: number;
  subject_id: number;
  teacher_id: number;
  substitute_for_id: number | null;
  date: string;
  number: number;
  topic: string;
  homework: string | null;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
}

export type AbsenceCode = 'n' | 'k' | 'ns' | 'nc';

export interface AbsenceTable {
  id: Id;
  school_id: number;
  lesson_id: number;
  student_id: number;
  marked_code: AbsenceCode;
  code: AbsenceCode;
  marked_by: number;
  marked_at: string;
  decided_by: number | null;
  decided_at: string | null;
  note: string | null;
  removed: Flag;
  updated_at: string;
  updated_by: number;
}

export type AbsenceAction = 'mark' | 'remark' | 'justify' | 'remove' | 'restore';

export interface AbsenceChangeTable {
  id: Id;
  absence_id: number;
  action: AbsenceAction;
  code_before: AbsenceCode | null;
  code_after: AbsenceCode | null;
  reason: string | null;
  changed_by: number;
  changed_at: string;
}

export interface GradeTable {
  id: Id;
  school_id: number;
  school_year_id: number;
  student_id: number;
  class_id: number;
  subject_id: number;
  lesson_id: number | null;
  date: string;
  work: string;
  value: string;
  note: string | null;
  exempt_certificate: string | null;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
}

/** Corrections of a grade; its entry is the grade row itself (see listGradeChanges). */
export interface GradeChangeTable {
  id: Id;
  grade_id: number;
  value_before: string | null;
  value_after: string;
  reason: string | null;
  changed_by: number;
  changed_at: string;
}

export type BehaviorKind = 'positive' | 'negative';

/** A remark in the behaviour journal (regulation §28); a removed one stays, marked with who, when and why. */
export interface BehaviorEntryTable {
  id: Id;
  school_id: number;
  student_id: number;
  /** The student's class on the day: lists and reports group by it. */
  class_id: number;
  date: string;
  kind: BehaviorKind;
  text: string;
  created_at: string;
  created_by: number;
  removed_at: string | null;
  removed_by: number | null;
  removed_reason: string | null;
}

/** "Piezīmes vecāku ievērībai" (§16): for one student or a whole class, from a day until a day (or open). */
export interface ParentNoteTable {
  id: Id;
  school_id: number;
  /** null: a note to the whole class. */
  student_id: number | null;
  /** The class it is filed under: the student's class on `valid_from`, or the class addressed. */
  class_id: number;
  text: string;
  valid_from: string;
  valid_until: string | null;
  created_at: string;
  created_by: number;
  removed_at: string | null;
  removed_by: number | null;
}

/** A safety briefing (instruktāža, §15.1) of a class; who was briefed is in briefing_student. */
export interface BriefingTable {
  id: Id;
  school_id: number;
  class_id: number;
  date: string;
  topic: string;
  created_at: string;
  created_by: number;
}

export interface BriefingStudentTable {
  briefing_id: number;
  student_id: number;
}

/** An individual conversation with a student's parent or guardian (§15.2). */
export interface ParentConversationTable {
  id: Id;
  school_id: number;
  student_id: number;
  class_id: number;
  guardian_id: number;
  date: string;
  summary: string;
  agreed: string | null;
  created_at: string;
  created_by: number;
}

export type AuditOperation = 'insert' | 'update' | 'delete' | 'redact';

/** One written record (src/db/audit/): filled by a trigger, sealed into the hash chain by the tool. */
export interface AuditLogTable {
  id: Id;
  table_name: string;
  operation: AuditOperation;
  /** The record's primary key: the id as text, or a JSON array for a composite key. */
  record_key: string | null;
  /** The student the record is about, when its table references students. */
  student_id: number | null;
  /** json_object of the row before / after the write; secret columns read "[redacted]". */
  before_values: string | null;
  after_values: string | null;
  /** UTC, ISO 8601, set by the trigger. */
  at: string;
  actor: string | null;
  os_user: string | null;
  command: string | null;
  nonce: string | null;
  values_digest: string | null;
  prev_hash: string | null;
  hash: string | null;
  redacted_at: string | null;
}

export interface Database {
  school: SchoolTable;
  school_year: SchoolYearTable;
  holiday: HolidayTable;
  staff: StaffTable;
  staff_role: StaffRoleTable;
  subject: SubjectTable;
  school_class: SchoolClassTable;
  student: StudentTable;
  enrollment: EnrollmentTable;
  guardian: GuardianTable;
  student_guardian: StudentGuardianTable;
  assignment: AssignmentTable;
  lesson: LessonTable;
  absence: AbsenceTable;
  absence_change: AbsenceChangeTable;
  grade: GradeTable;
  grade_change: GradeChangeTable;
  extract_ack: ExtractAckTable;
  behavior_entry: BehaviorEntryTable;
  parent_note: ParentNoteTable;
  briefing: BriefingTable;
  briefing_student: BriefingStudentTable;
  parent_conversation: ParentConversationTable;
  audit_log: AuditLogTable;
}

export type School = Selectable<SchoolTable>;
export type SchoolYear = Selectable<SchoolYearTable>;
export type Holiday = Selectable<HolidayTable>;
export type Staff = Selectable<StaffTable>;
export type Subject = Selectable<SubjectTable>;
export type SchoolClass = Selectable<SchoolClassTable>;
export type Student = Selectable<StudentTable>;
export type NewStudent = Insertable<StudentTable>;
export type StudentUpdate = Updateable<StudentTable>;
export type Guardian = Selectable<GuardianTable>;
export type Assignment = Selectable<AssignmentTable>;
export type Lesson = Selectable<LessonTable>;
export type Absence = Selectable<AbsenceTable>;
export type AbsenceChange = Selectable<AbsenceChangeTable>;
export type Grade = Selectable<GradeTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type GradeChange = Selectable<GradeChangeTable>;

/** A returned, parent-signed slip of a monthly grade extract (REFERENCE §6). */
export interface ExtractAckTable {
  id: Id;
  school_id: number;
  student_id: number;
  /** YYYY-MM: the month the extract covers. */
  month: string;
  returned_on: string;
  guardian_id: number | null;
  note: string | null;
  recorded_by: number;
  recorded_at: string;
}

export type ExtractAck = Selectable<ExtractAckTable>;
export type BehaviorEntry = Selectable<BehaviorEntryTable>;
export type ParentNote = Selectable<ParentNoteTable>;
export type Briefing = Selectable<BriefingTable>;
export type ParentConversation = Selectable<ParentConversationTable>;
