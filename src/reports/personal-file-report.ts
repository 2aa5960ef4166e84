import { rosterInPeriod } from '../db/repositories/report-data.ts';
import { localDateOf } from '../domain/dates.ts';
import { byKeys } from '../domain/latvian-order.ts';
import type { ServiceContext } from '../services/context.ts';
import { resolveYear } from '../services/lookup.ts';
import { personalFile, type PersonalFile } from '../services/personal-file.ts';
import { resolveAudience, type AudienceInput } from './audience.ts';
import { asciiSlug, classSlug } from './file-names.ts';
import { documentHeader, formatDate, schoolYearTitle, type DocumentHeader } from './labels.ts';
import type { ReportDocument, ReportLang } from './publish.ts';
import { renderTemplate } from './templates.ts';

/** The printable personal file (personas lieta, §9, §13): what `student show` holds, on paper, one per student. */
export interface PersonalFileReportData {
  school: { name: string; registration_number: string | null };
  year: string;
  printed_on: string;
  students: PersonalFile[];
}

/** Every chosen student's personal file, read with the reader's rights (the class teacher, deputies, admins). */
export async function loadPersonalFileReportData(ctx: ServiceContext, input: AudienceInput): Promise<PersonalFileReportData> {
  const year = await resolveYear(ctx);
  const audience = await resolveAudience(ctx, year, input);
  const roster = await rosterInPeriod(ctx.db, audience.classes.map((c) => c.id), year.starts_on, year.ends_on);
  const chosen = [...new Map(roster.filter((r) => !audience.studentIds || audience.studentIds.has(r.student_id)).map((r) => [r.student_id, r])).values()];
  chosen.sort(byKeys((r) => r.last_name, (r) => r.first_name, (r) => r.code));
  const students: PersonalFile[] = [];
  for (const r of chosen) students.push(await personalFile(ctx, r.code));
  return { school: { name: ctx.school.name, registration_number: ctx.school.registration_number }, year: year.code, printed_on: localDateOf(ctx.now), students };
}

const TEXT = {
  lv: {
    title: 'Skolēna personas lieta',
    name: 'Vārds, uzvārds', code: 'Kods', personalCode: 'Personas kods', birthDate: 'Dzimšanas datums', sex: 'Dzimums', address: 'Adrese', phone: 'Tālrunis', email: 'E-pasts', class: 'Klase',
    guardians: 'Vecāki (aizbildņi)', relation: 'Radniecība', classes: 'Klases', from: 'No', to: 'Līdz',
    grades: 'Mācību sasniegumi', subject: 'Mācību priekšmets', lessonGrades: 'Vērtējumi', average: 'Vidējais', sem1: 'I sem.', sem2: 'II sem.', annual: 'Gada', exam: 'Eks.', makeup: 'Pēcp.',
    absences: 'Kavējumi', behavior: 'Uzvedība', none: '—', classTeacher: 'Klases audzinātājs(-a)', signature: 'paraksts', printed: 'Sagatavots',
  },
  en: {
    title: "Student's personal file",
    name: 'Name', code: 'Code', personalCode: 'Personal code', birthDate: 'Date of birth', sex: 'Sex', address: 'Address', phone: 'Phone', email: 'E-mail', class: 'Class',
    guardians: 'Parents (guardians)', relation: 'Relation', classes: 'Classes', from: 'From', to: 'Until',
    grades: 'Achievements', subject: 'Subject', lessonGrades: 'Grades', average: 'Average', sem1: 'Sem. I', sem2: 'Sem. II', annual: 'Annual', exam: 'Exam', makeup: 'Make-up',
    absences: 'Absences', behavior: 'Behaviour', none: '—', classTeacher: 'Class teacher', signature: 'signature', printed: 'Printed',
  },
} as const;

export interface PersonalFileView {
  header: DocumentHeader;
  text: (typeof TEXT)[ReportLang];
  facts: { label: string; value: string }[];
  guardians: { name: string; relation: string; phone: string; email: string; address: string }[];
  classes: { class: string; year: string; from: string; to: string }[];
  grades: { subject: string; values: string; average: string; sem1: string; sem2: string; annual: string; exam: string; makeup: string }[];
  absences: { code: string; count: number }[];
  behavior: { date: string; kind: string; text: string }[];
  printed: string;
}

/** Pure: one student's personal file as the template shows it. */
export function personalFileView(data: PersonalFileReportData, file: PersonalFile, lang: ReportLang): PersonalFileView {
  const text = TEXT[lang];
  const or = (v: string | null | undefined) => v ?? '';
  return {
    header: documentHeader(data.school, text.title, lang, schoolYearTitle(data.year, lang)),
    text,
    facts: [
      { label: text.name, value: `${file.first_name} ${file.last_name}` },
      { label: text.code, value: file.code },
      { label: text.personalCode, value: or(file.personal_code) },
      { label: text.birthDate, value: file.birth_date ? formatDate(file.birth_date) : '' },
      { label: text.sex, value: or(file.sex) },
      { label: text.class, value: or(file.class) },
      { label: text.address, value: or(file.address) },
      { label: text.phone, value: or(file.phone) },
      { label: text.email, value: or(file.email) },
    ],
    guardians: file.guardians.map((g) => ({
      name: `${g.first_name} ${g.last_name}`,
      relation: g.students.find((s) => s.student === file.code)?.relation ?? '',
      phone: or(g.phone),
      email: or(g.email),
      address: or(g.address),
    })),
    classes: file.classes.map((c) => ({ class: c.class, year: c.year, from: formatDate(c.from_date), to: c.to_date ? formatDate(c.to_date) : '' })),
    grades: file.grades.map((s) => ({
      subject: s.subject_name,
      values: s.grades.map((g) => g.value).join(' '),
      average: s.average === null ? '' : String(s.average).replace('.', lang === 'lv' ? ',' : '.'),
      sem1: or(s.term.semester1),
      sem2: or(s.term.semester2),
      annual: or(s.term.annual),
      exam: or(s.term.state_exam),
      makeup: or(s.term.makeup),
    })),
    absences: (['n', 'ns', 'nc', 'k'] as const).map((code) => ({ code, count: file.absences[code] ?? 0 })),
    behavior: file.behavior.map((b) => ({ date: formatDate(b.date), kind: b.kind === 'positive' ? '+' : '−', text: b.text })),
    printed: `${text.printed} ${formatDate(data.printed_on)}`,
  };
}

/** One file per student: `2026-2027_7a_berzins-janis_personas-lieta.pdf`. */
export function personalFileDocuments(data: PersonalFileReportData, lang: ReportLang): ReportDocument[] {
  return data.students.map((file) => {
    const who = `${file.first_name} ${file.last_name}`;
    return {
      name: `${asciiSlug(data.year)}_${file.class ? `${classSlug(file.class)}_` : ''}${asciiSlug(who)}_${asciiSlug(file.code)}_${lang === 'lv' ? 'personas-lieta' : 'personal-file'}`,
      label: `${who} (${file.code})`,
      title: `${TEXT[lang].title} — ${who}`,
      bodies: [renderTemplate('personal-file', personalFileView(data, file, lang))],
    };
  });
}
