import type { Kysely, Migration } from 'kysely';
import { checkPersonalCode, looksLikePersonalCode } from '../../domain/personal-code.ts';
import { studentCodeGenerator } from '../../domain/student-code.ts';

/**
 * Older imports made a student's personas kods their code when the file had
 * no code column (issue 14), and the code shows in every list, message and
 * JSON. Each such student gets a generated code (S001, …, as the import now
 * makes them); the personas kods moves to its own column when that is empty,
 * the value is a valid one and no other student of the school has it (the
 * column is unique per school). Usernames of profiles stay as they are.
 * Rows are found by their shape in TypeScript, so the SQL stays dialect-neutral.
 */
export const studentCodesNotPersonasKods: Migration = {
  async up(db: Kysely<any>) {
    const students = (await db.selectFrom('student').select(['id', 'school_id', 'code', 'personal_code']).orderBy('id').execute()) as {
      id: number;
      school_id: number;
      code: string;
      personal_code: string | null;
    }[];
    for (const schoolId of new Set(students.map((s) => s.school_id))) {
      const ofSchool = students.filter((s) => s.school_id === schoolId);
      const nextCode = studentCodeGenerator(ofSchool.map((s) => s.code));
      const personalCodes = new Set(ofSchool.map((s) => s.personal_code).filter((c) => c));
      for (const student of ofSchool.filter((s) => looksLikePersonalCode(s.code))) {
        const changes: { code: string; personal_code?: string } = { code: nextCode() };
        const check = checkPersonalCode(student.code);
        if (!student.personal_code && check.ok && !personalCodes.has(check.normalized)) {
          changes.personal_code = check.normalized;
          personalCodes.add(check.normalized);
        }
        await db.updateTable('student').set(changes).where('id', '=', student.id).execute();
      }
    }
  },
  // The old codes are not kept (that was the point); the audit log holds them.
  async down() {},
};
