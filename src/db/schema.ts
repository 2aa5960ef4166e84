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
  /** Working days allowed for entering a test's grades (§22); null: the default 5. */
  test_deadline_days: ColumnType<number | null, number | null | undefined, number | null>;
  /** The language the tool speaks to the school's staff: null is Latvian (issue 18). */
  language: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** When the homework was first given; the topic's entry time is `created_at`. */
  homework_entered_at: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
  /** The group whose lesson this is (one row per class the group draws from); null: the whole class. */
  group_id: ColumnType<number | null, number | null | undefined, number | null>;
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

/** `switch`: the class teacher changed a justification between ns and nc (§19). */
export type AbsenceAction = 'mark' | 'remark' | 'justify' | 'switch' | 'remove' | 'restore';

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
  /** Set when the change is an improvement (§23): the day the student improved the grade. */
  improved_on: ColumnType<string | null, string | null | undefined, string | null>;
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

/** A guest's read access to one class until a day (regulation §32). */
export interface GuestGrantTable {
  id: Id;
  staff_id: number;
  class_id: number;
  until: string;
  granted_by: number;
  granted_at: string;
}

/** A substitution set in advance: who teaches one lesson of a class instead of whom. */
export interface SubstitutionTable {
  id: Id;
  class_id: number;
  subject_id: number;
  date: string;
  number: number;
  substitute_id: number;
  replaced_id: number;
  set_by: number;
  set_at: string;
}

/** A lesson of the weekly timetable (§17), in force from valid_from to valid_to (inclusive; null: open). */
export interface TimetableSlotTable {
  id: Id;
  school_id: number;
  class_id: number;
  /** 1 = Monday … 5 = Friday; 6 = Saturday in schools that teach then. */
  weekday: number;
  number: number;
  subject_id: number;
  teacher_id: number;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
  created_by: number;
  /** A group's lesson (one row per class of the group); null: the whole class. */
  group_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A deputy's inspection of class journals (§11); the classes it covered are in inspection_class. */
export interface InspectionTable {
  id: Id;
  school_id: number;
  school_year_id: number;
  date: string;
  findings: string;
  deadline: string | null;
  whole_school: Flag;
  created_at: string;
  created_by: number;
}

export interface InspectionClassTable {
  inspection_id: number;
  class_id: number;
}

export type IndividualWorkKind = 'consultation' | 'nurse' | 'social-pedagogue' | 'other';

/** An entry of the individual work journal (§24–25): only its author, deputies and admins read it. */
export interface IndividualWorkTable {
  id: Id;
  school_id: number;
  kind: IndividualWorkKind;
  date: string;
  text: string;
  created_at: string;
  created_by: number;
}

export interface IndividualWorkStudentTable {
  individual_work_id: number;
  student_id: number;
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

/** One seal over a range of audit entries: one write transaction's, sealed at its commit (src/domain/audit-chain.ts). */
export interface AuditSealTable {
  id: Id;
  first_id: number;
  last_id: number;
  /** The staff code of --as; null: the system operator (os_user). */
  actor: string | null;
  os_user: string;
  command: string;
  digest: string;
  prev_hash: string;
  hash: string;
}

/** A group of students (a split class or across classes) with its subject; its code is unique in the year. */
export interface StudyGroupTable {
  id: Id;
  school_id: number;
  school_year_id: number;
  code: string;
  name: string | null;
  subject_id: number;
  created_at: string;
  created_by: number;
  updated_at: string;
}

export interface StudyGroupTeacherTable {
  group_id: number;
  teacher_id: number;
}

export interface StudyGroupClassTable {
  group_id: number;
  class_id: number;
}

/** A student's membership of a group from a day through a day (null: open). */
export interface StudyGroupMemberTable {
  id: Id;
  group_id: number;
  student_id: number;
  from_date: string;
  to_date: string | null;
  created_at: string;
  created_by: number;
}

export type StudyGroup = Selectable<StudyGroupTable>;
export type StudyGroupMember = Selectable<StudyGroupMemberTable>;

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
  study_group: StudyGroupTable;
  study_group_teacher: StudyGroupTeacherTable;
  study_group_class: StudyGroupClassTable;
  study_group_member: StudyGroupMemberTable;
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
  guest_grant: GuestGrantTable;
  substitution: SubstitutionTable;
  timetable_slot: TimetableSlotTable;
  inspection: InspectionTable;
  inspection_class: InspectionClassTable;
  account: AccountTable;
  sms_outbox: SmsOutboxTable;
  promotion_decision: PromotionDecisionTable;
  year_closure: YearClosureTable;
  year_lock_bypass: YearLockBypassTable;
  year_lock_override: YearLockOverrideTable;
  individual_work: IndividualWorkTable;
  individual_work_student: IndividualWorkStudentTable;
  audit_log: AuditLogTable;
  audit_seal: AuditSealTable;
  web_session: WebSessionTable;
  absence_note: AbsenceNoteTable;
  absence_note_absence: AbsenceNoteAbsenceTable;
  extract_online_ack: ExtractOnlineAckTable;
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
export type AuditSeal = Selectable<AuditSealTable>;
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
export type TimetableSlot = Selectable<TimetableSlotTable>;
export type Inspection = Selectable<InspectionTable>;

export type AccountKind = 'student' | 'guardian' | 'staff';

export interface AccountTable {
  id: Id;
  school_id: number;
  kind: AccountKind;
  person_id: number;
  username: string;
  password_hash: string | null;
  phone: string | null;
  disabled: Flag;
  failed_attempts: ColumnType<number, number | undefined, number>;
  locked_until: string | null;
  password_set_at: string | null;
  /** When the owner chose the password; null while it is the one sent by SMS. */
  password_chosen_at: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

export type SmsState = 'queued' | 'sent' | 'failed' | 'cancelled';

export interface SmsOutboxTable {
  id: Id;
  school_id: number;
  account_id: number | null;
  phone: string;
  body: string;
  secret_from: number | null;
  secret_length: number | null;
  state: SmsState;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  transport: string | null;
  sending_since: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export type Account = Selectable<AccountTable>;
export type SmsMessage = Selectable<SmsOutboxTable>;

/** A recorded promotion decision (REFERENCE §7); a replaced one stays, with who replaced it and when. */
export interface PromotionDecisionTable {
  id: Id;
  school_id: number;
  school_year_id: number;
  student_id: number;
  /** The student's class at the year's end. */
  class_id: number;
  kind: 'promoted' | 'makeup' | 'not-promoted' | 'completed' | 'certificate';
  /** The whole RecordedDecision as JSON: next level, stage, make-up or failing subjects. */
  decision: string;
  basis: 'proposal' | 'council';
  reason: string | null;
  decided_by: number;
  decided_at: string;
  replaced_at: string | null;
  replaced_by: number | null;
}

/** A closed school year: archived, verified, and locked against writes. */
export interface YearClosureTable {
  school_year_id: number;
  closed_at: string;
  closed_by: number;
  archive_path: string;
  archive_files: number;
  archive_bytes: number;
  archive_exported_at: string | null;
  /** The audit chain's head (POSITION:HASH) when the year was closed; null for years closed before it was kept. */
  audit_head: string | null;
  /** The head the archive's manifest records: the chain as of the archive's snapshot. */
  archive_audit_head: string | null;
}

/** Holds a row only inside the transaction of an admin's override of the lock. */
export interface YearLockBypassTable {
  school_year_id: number;
  writes: ColumnType<number, number | undefined, number>;
}

/** An admin's write into a closed year, and why. */
export interface YearLockOverrideTable {
  id: Id;
  school_year_id: number;
  staff_id: number;
  reason: string;
  command: string;
  rows_written: number;
  created_at: string;
}

export type PromotionDecisionRow = Selectable<PromotionDecisionTable>;
export type YearClosure = Selectable<YearClosureTable>;
export type YearLockOverride = Selectable<YearLockOverrideTable>;

/** A signed-in browser (the web diary): only a hash of its token is kept. */
export interface WebSessionTable {
  id: Id;
  school_id: number;
  account_id: number;
  token_hash: string;
  client: string | null;
  created_at: string;
  last_seen_at: string;
  ended_at: string | null;
  ended_reason: string | null;
}

export type AbsenceNoteStatus = 'pending' | 'accepted' | 'declined';

/** A guardian's absence note (zīme) for a range of days; accepting it justifies the absences. */
export interface AbsenceNoteTable {
  id: Id;
  school_id: number;
  student_id: number;
  guardian_id: number;
  from_date: string;
  to_date: string;
  reason: 'illness' | 'other';
  text: string | null;
  status: AbsenceNoteStatus;
  created_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface AbsenceNoteAbsenceTable {
  absence_note_id: number;
  absence_id: number;
}

/** A guardian's "Iepazinos" for a month's grade extract, given in the web diary. */
export interface ExtractOnlineAckTable {
  id: Id;
  school_id: number;
  student_id: number;
  month: string;
  guardian_id: number;
  acknowledged_at: string;
}

export type WebSession = Selectable<WebSessionTable>;
export type AbsenceNote = Selectable<AbsenceNoteTable>;
