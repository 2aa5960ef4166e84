// How the journal's messages name a student (issue 18 §4): by name and code,
// "Jānis Bērziņš (S001)", in Latvian in the case the sentence needs
// ("Atzīme ielikta Jānim Bērziņam (S001)"). Never by the code alone.
import { declineName, type NameCase } from '../../domain/latvian-names.ts';
import { shownStudentCode } from '../../domain/personal-code.ts';
import { language } from '../language.ts';
import { listOf, messages, type Catalogue } from '../catalogue.ts';

/** What a message needs of a student: a Student row (first and last name), or a view's full name. */
export type Named = { code: string; first_name: string; last_name: string } | { code: string; name: string };

/** "Jānis Bērziņš (S001)"; in Latvian declined into `nameCase` (the code never is). */
export function named(student: Named, nameCase: NameCase = 'nominative'): string {
  const name = 'name' in student ? student.name : `${student.first_name} ${student.last_name}`;
  return `${language() === 'lv' ? declineName(name, nameCase) : name} (${shownStudentCode(student.code)})`;
}

/** Several students, "A (S001), B (S002) and C (S003)", each in `nameCase`, each once. */
export function namedList(students: readonly Named[], nameCase: NameCase = 'nominative'): string {
  return listOf([...new Set(students.map((s) => named(s, nameCase)))]);
}

const en = {
  namedTwice: (who: string) => `${who} is named twice.`,
  notInGroup: (who: string, several: number, group: string, date: string) =>
    `${who} ${several === 1 ? 'is' : 'are'} not in group ${group} on ${date}: this lesson is the group's (see \`ezurnals group show ${group}\`).`,
};

const lv: typeof en = {
  namedTwice: (who: string) => `Divreiz norādīts: ${who}.`,
  notInGroup: (who: string, _several: number, group: string, date: string) =>
    `${date} grupā ${group} nav: ${who}; šī ir grupas stunda (skatiet \`ezurnals group show ${group}\`).`,
};

export const catalogue: Catalogue<typeof en> = { en, lv };
export const m = messages(catalogue);
