import { asciiSlug, classSlug, uniqueNames } from './file-names.ts';
import type { ReportDocument, ReportLang } from './publish.ts';
import type { TrustedHtml } from './template.ts';

export interface DocumentStudent {
  code: string;
  first_name: string;
  last_name: string;
  class: string;
}

/**
 * Per-student documents (extracts, report cards): one file per student, named
 * `PREFIX_7a_berzins-janis`, and per class one file with all its students,
 * each on a new page, for printing in one go. Without `classFiles` (some
 * students of a class were asked for, not the class) there is no class file:
 * it would have the whole class's name and only these students in it.
 */
export function studentDocuments<S extends DocumentStudent>(
  students: readonly S[],
  render: (student: S) => TrustedHtml,
  options: { prefix: string; lang: ReportLang; title: (who: string) => string; classFiles?: boolean },
): ReportDocument[] {
  const { prefix, lang, title } = options;
  const classFiles = options.classFiles ?? true;
  const names = uniqueNames(students, (s) => `${prefix}_${classSlug(s.class)}_${asciiSlug(`${s.last_name} ${s.first_name}`)}`, (s) => s.code);
  const bodies = students.map(render);
  const classes = [...new Set(students.map((s) => s.class))];
  const classFile = (schoolClass: string) => `${prefix}_${classSlug(schoolClass)}_${lang === 'lv' ? 'visa-klase' : 'whole-class'}`;
  // Where each student is in their class's file: their PDF is cut out of it.
  const seats = new Map<string, number>();
  const documents: ReportDocument[] = students.map((s, i) => {
    const section = seats.get(s.class) ?? 0;
    seats.set(s.class, section + 1);
    return {
      name: names[i]!,
      label: `${s.class} ${s.first_name} ${s.last_name} (${s.code})`,
      title: title(`${s.first_name} ${s.last_name}, ${s.class}`),
      bodies: [bodies[i]!],
      ...(classFiles ? { partOf: { document: classFile(s.class), section } } : {}),
    };
  });
  if (!classFiles) return documents;
  for (const schoolClass of classes) {
    const members = students.flatMap((s, i) => (s.class === schoolClass ? [bodies[i]!] : []));
    documents.push({
      name: classFile(schoolClass),
      label: `${schoolClass} (${members.length} ${lang === 'lv' ? 'skolēni' : 'students'})`,
      title: title(schoolClass),
      bodies: members,
    });
  }
  return documents;
}
