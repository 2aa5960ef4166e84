import { daysBetween, type IsoDate } from '../domain/dates.ts';
import { PRINTED_ON, documentHeader, formatDate, formatPeriod, staffLabel, type DocumentHeader } from './labels.ts';
import type { ReportLang } from './publish.ts';

/** An absence still `n` this many calendar days after its lesson is overdue for the class teacher's decision. */
export const JUSTIFICATION_WAIT_DAYS = 7;

/** Whether an absence still `n` has waited longer than JUSTIFICATION_WAIT_DAYS for a decision. */
export function waitedTooLong(lessonDate: IsoDate, today: IsoDate): boolean {
  return daysBetween(lessonDate, today) > JUSTIFICATION_WAIT_DAYS;
}

export interface StaffRef {
  code: string;
  name: string;
}

/** The figures an inspector looks at in one class journal. */
export interface ClassFigures {
  lessons_expected: number;
  lessons_entered: number;
  lessons_missing: number;
  lessons_without_topic: number;
  grades_late: number;
  absences_n_over_7_days: number;
}

export interface InspectedClass extends ClassFigures {
  class: string;
  class_teacher: StaffRef | null;
}

export interface InspectionRecord {
  date: IsoDate;
  classes: string[];
  whole_school: boolean;
  findings: string;
  deadline: IsoDate | null;
  author: StaffRef;
}

/** The data of the inspection report (§11): what `--json` prints. */
export interface InspectionsReportData {
  school: { name: string; registration_number: string | null };
  from: IsoDate;
  to: IsoDate;
  /** The last day the lesson figures count (days ahead are not missing yet); null when the period lies wholly ahead. */
  through: IsoDate | null;
  printed_on: IsoDate;
  whole_school: boolean;
  inspections: InspectionRecord[];
  classes: InspectedClass[];
  totals: ClassFigures;
}

const FIGURES: readonly (keyof ClassFigures)[] = ['lessons_expected', 'lessons_entered', 'lessons_missing', 'lessons_without_topic', 'grades_late', 'absences_n_over_7_days'];

export function sumFigures(classes: readonly ClassFigures[]): ClassFigures {
  const totals = Object.fromEntries(FIGURES.map((f) => [f, 0])) as unknown as ClassFigures;
  for (const c of classes) for (const f of FIGURES) totals[f] += c[f];
  return totals;
}

const TEXT = {
  lv: {
    title: 'Žurnālu pārbaudes',
    period: 'Periods',
    classes: 'Klases',
    wholeSchool: 'visa skola',
    through: 'Stundas skaitītas līdz',
    notYet: 'periods vēl nav sācies',
    inspections: 'Pārbaudes periodā',
    date: 'Datums',
    findings: 'Konstatēts',
    deadline: 'Novērst līdz',
    author: 'Pārbaudīja',
    noInspections: 'Šajā periodā pārbaudes nav reģistrētas.',
    figures: 'Rādītāji pa klasēm',
    class: 'Klase',
    classTeacher: 'Audzinātājs(-a)',
    expected: 'Stundas pēc saraksta',
    entered: 'Ierakstītas stundas',
    missing: 'Neierakstītas',
    withoutTopic: 'Bez tēmas',
    gradesLate: 'Vērtējumi ievadīti novēloti',
    absences: 'n kavējumi > 7 dienas',
    total: 'Kopā',
    legend: 'Vērtējumu termiņi: ieskaite 3, pārbaudes darbs 5, lielais darbs 7 darba dienas (§22). "n kavējumi > 7 dienas": kavējumi bez attaisnojuma, kas nav izvērtēti vairāk nekā 7 dienas pēc stundas.',
    deputy: 'Direktora vietnieks(-ce)',
    signature: 'paraksts',
  },
  en: {
    title: 'Journal inspections',
    period: 'Period',
    classes: 'Classes',
    wholeSchool: 'whole school',
    through: 'Lessons counted through',
    notYet: 'the period has not begun',
    inspections: 'Inspections in the period',
    date: 'Date',
    findings: 'Findings',
    deadline: 'To be put right by',
    author: 'Inspected by',
    noInspections: 'No inspections were recorded in this period.',
    figures: 'Figures per class',
    class: 'Class',
    classTeacher: 'Class teacher',
    expected: 'Lessons in the timetable',
    entered: 'Lessons entered',
    missing: 'Not entered',
    withoutTopic: 'Without topic',
    gradesLate: 'Grades entered late',
    absences: 'n absences > 7 days',
    total: 'Total',
    legend: 'Grade deadlines: credit 3, test 5, large work 7 working days (§22). "n absences > 7 days": absences still without a decision more than 7 days after the lesson.',
    deputy: 'Deputy director',
    signature: 'signature',
  },
} as const;

type FigureCells = { expected: number; entered: number; missing: number; withoutTopic: number; gradesLate: number; absences: number };

export interface InspectionsView {
  header: DocumentHeader;
  facts: { label: string; value: string }[];
  text: (typeof TEXT)[ReportLang];
  inspections: { date: string; classes: string; findings: string; deadline: string; author: string }[];
  rows: ({ class: string; classTeacher: string } & FigureCells)[];
  totals: FigureCells;
  printed: string;
}

function cells(f: ClassFigures): FigureCells {
  return {
    expected: f.lessons_expected,
    entered: f.lessons_entered,
    missing: f.lessons_missing,
    withoutTopic: f.lessons_without_topic,
    gradesLate: f.grades_late,
    absences: f.absences_n_over_7_days,
  };
}

/** Pure: the report as the template shows it. */
export function inspectionsView(data: InspectionsReportData, lang: ReportLang): InspectionsView {
  const text = TEXT[lang];
  const period = formatPeriod(data.from, data.to);
  return {
    header: documentHeader(data.school, text.title, lang, period),
    facts: [
      { label: text.period, value: period },
      { label: text.classes, value: data.whole_school ? text.wholeSchool : data.classes.map((c) => c.class).join(', ') },
      { label: text.through, value: data.through ? formatDate(data.through) : text.notYet },
    ],
    text,
    inspections: data.inspections.map((i) => ({
      date: formatDate(i.date),
      classes: i.whole_school ? text.wholeSchool : i.classes.join(', '),
      findings: i.findings,
      deadline: i.deadline ? formatDate(i.deadline) : '',
      author: staffLabel(i.author),
    })),
    rows: data.classes.map((c) => ({ class: c.class, classTeacher: c.class_teacher ? staffLabel(c.class_teacher) : '', ...cells(c) })),
    totals: cells(data.totals),
    printed: `${PRINTED_ON[lang]} ${formatDate(data.printed_on)}`,
  };
}
