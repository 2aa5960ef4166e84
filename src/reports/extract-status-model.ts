import type { IsoDate } from '../domain/dates.ts';
import { EXTRACT_PRINT_DAY, SLIP_RETURN_DAYS } from '../domain/extract-slip.ts';
import { PRINTED_ON, dayCount, documentHeader, formatDate, monthTitle, type DocumentHeader } from './labels.ts';
import type { ReportLang } from './publish.ts';

/** Who has returned the month's extract slip, per class: what `report extract-status --json` prints. */
export interface ExtractStatusData {
  school: { name: string; registration_number: string | null };
  year: string;
  month: string;
  from: IsoDate;
  to: IsoDate;
  /** The slips' due date (see domain/extract-slip.ts). */
  due_on: IsoDate;
  /** Lateness of missing slips is counted up to this day: the day the report is made. */
  as_of: IsoDate;
  classes: ExtractStatusClass[];
  totals: SlipTotals;
}

export interface ExtractStatusClass {
  code: string;
  class_teacher: string | null;
  students: ExtractStatusStudent[];
  totals: SlipTotals;
}

export interface ExtractStatusStudent {
  code: string;
  first_name: string;
  last_name: string;
  /** The extract was acknowledged: its paper slip returned, or "Iepazinos" pressed in the web diary. */
  returned: boolean;
  /** How: the paper slip, online in the web diary, or both; null while not acknowledged. */
  channel: 'paper' | 'online' | 'both' | null;
  /** The paper slip's return day, else the day of the online acknowledgement. */
  returned_on: IsoDate | null;
  guardian: string | null;
  /** The online acknowledgement: the day, and the guardian who gave it. */
  online_on: IsoDate | null;
  online_guardian: string | null;
  note: string | null;
  /** Returned slips: days after the due date (0 on time); null when missing. */
  days_late: number | null;
  /** Missing slips: days past the due date as of `as_of` (0 while not yet due); null when returned. */
  days_overdue: number | null;
}

export interface SlipTotals {
  students: number;
  returned: number;
  /** Returned after the due date. */
  late: number;
  missing: number;
  /** Missing and past the due date. */
  overdue: number;
}

export function slipTotals(students: readonly ExtractStatusStudent[]): SlipTotals {
  const returned = students.filter((s) => s.returned);
  const missing = students.filter((s) => !s.returned);
  return {
    students: students.length,
    returned: returned.length,
    late: returned.filter((s) => (s.days_late ?? 0) > 0).length,
    missing: missing.length,
    overdue: missing.filter((s) => (s.days_overdue ?? 0) > 0).length,
  };
}

export function sumTotals(totals: readonly SlipTotals[]): SlipTotals {
  const sum = (key: keyof SlipTotals) => totals.reduce((n, t) => n + t[key], 0);
  return { students: sum('students'), returned: sum('returned'), late: sum('late'), missing: sum('missing'), overdue: sum('overdue') };
}

const TEXT = {
  lv: {
    channels: { paper: 'papīrā', online: 'e-žurnālā', both: 'papīrā un e-žurnālā' },
    title: 'Pārskats par sekmju izrakstu atgriešanu',
    month: 'Mēnesis',
    schoolYear: 'Mācību gads',
    due: 'Atgriešanas termiņš',
    asOf: 'Stāvoklis uz',
    class: 'Klase',
    classTitle: (code: string) => `${code} klase`,
    classTeacher: 'Klases audzinātājs(-a)',
    number: 'Nr.',
    student: 'Skolēns',
    returned: 'Atgriezts',
    date: 'Datums',
    guardian: 'Parakstīja',
    lateness: 'Kavējums',
    note: 'Piezīme',
    yes: 'jā',
    no: 'nē',
    onTime: 'laikā',
    notYetDue: 'termiņš vēl nav beidzies',
    late: (days: string) => `${days} pēc termiņa`,
    overdue: (days: string) => `kavējas ${days}`,
    students: 'Skolēni',
    returnedTotal: 'Atgriezti',
    lateTotal: 'no tiem pēc termiņa',
    missingTotal: 'Nav atgriezti',
    overdueTotal: 'no tiem termiņš nokavēts',
    total: 'Kopā',
    summary: 'Kopsavilkums pa klasēm',
    noStudents: 'Šajā mēnesī klasē skolēnu nebija.',
    checkedBy: 'Pārbaudīja direktora vietnieks(-ce)',
    signature: 'paraksts',
    legend: (due: string, asOf: string) =>
      `Sekmju izrakstu par mēnesi izsniedz līdz nākamā mēneša ${EXTRACT_PRINT_DAY}. datumam; vecāka parakstītais talons jāatdod klases audzinātājam nedēļas laikā, t. i., ${SLIP_RETURN_DAYS} kalendārās dienas pēc ${EXTRACT_PRINT_DAY}. datuma — līdz ${due}. Kavējums skaitīts kalendārajās dienās, neatgrieztajiem taloniem — līdz ${asOf}.`,
  },
  en: {
    channels: { paper: 'on paper', online: 'online', both: 'on paper and online' },
    title: 'Return of monthly grade extract slips',
    month: 'Month',
    schoolYear: 'School year',
    due: 'Due back by',
    asOf: 'As of',
    class: 'Class',
    classTitle: (code: string) => `Class ${code}`,
    classTeacher: 'Class teacher',
    number: 'No.',
    student: 'Student',
    returned: 'Returned',
    date: 'Date',
    guardian: 'Signed by',
    lateness: 'Lateness',
    note: 'Note',
    yes: 'yes',
    no: 'no',
    onTime: 'on time',
    notYetDue: 'not yet due',
    late: (days: string) => `${days} late`,
    overdue: (days: string) => `overdue by ${days}`,
    students: 'Students',
    returnedTotal: 'Returned',
    lateTotal: 'of them late',
    missingTotal: 'Missing',
    overdueTotal: 'of them overdue',
    total: 'Total',
    summary: 'Summary by class',
    noStudents: 'No students were in this class this month.',
    checkedBy: 'Checked by the deputy director',
    signature: 'signature',
    legend: (due: string, asOf: string) =>
      `Extracts for a month are handed out by the ${EXTRACT_PRINT_DAY}th of the following month; the slip signed by a parent is due back to the class teacher within a week, i.e. ${SLIP_RETURN_DAYS} calendar days after the ${EXTRACT_PRINT_DAY}th — by ${due}. Lateness is counted in calendar days, for missing slips up to ${asOf}.`,
  },
} as const;

type Text = (typeof TEXT)[ReportLang];

interface TotalsView {
  label: string;
  students: number;
  returned: number;
  late: number | '';
  missing: number;
  overdue: number | '';
}

export interface ExtractStatusView {
  header: DocumentHeader;
  facts: { label: string; value: string }[];
  text: Text;
  summary: boolean;
  /** Summary page: one row per class and the school's total. */
  classes: (TotalsView & { classTeacher: string })[];
  /** A class page: one row per student. */
  rows: { number: number; name: string; returned: string; date: string; guardian: string; lateness: string; note: string; overdue: boolean }[];
  totals: TotalsView;
  legend: string;
  classTeacher: string;
  printed: string;
}

/** How late a slip is, as the table shows it. */
export function latenessText(student: Pick<ExtractStatusStudent, 'returned' | 'days_late' | 'days_overdue'>, lang: ReportLang): string {
  const text = TEXT[lang];
  if (student.returned) return student.days_late ? text.late(dayCount(student.days_late, lang)) : text.onTime;
  return student.days_overdue ? text.overdue(dayCount(student.days_overdue, lang)) : text.notYetDue;
}

function totalsView(label: string, totals: SlipTotals): TotalsView {
  const blankZero = (n: number): number | '' => (n === 0 ? '' : n);
  return { label, students: totals.students, returned: totals.returned, late: blankZero(totals.late), missing: totals.missing, overdue: blankZero(totals.overdue) };
}

function commonView(data: ExtractStatusData, lang: ReportLang, subtitle: string): Pick<ExtractStatusView, 'header' | 'facts' | 'text' | 'legend' | 'printed'> {
  const text = TEXT[lang];
  return {
    header: documentHeader(data.school, text.title, lang, subtitle),
    facts: [
      { label: text.month, value: monthTitle(data.month, lang) },
      { label: text.schoolYear, value: data.year },
      { label: text.due, value: formatDate(data.due_on) },
      { label: text.asOf, value: formatDate(data.as_of) },
    ],
    text,
    legend: text.legend(formatDate(data.due_on), formatDate(data.as_of)),
    printed: `${PRINTED_ON[lang]} ${formatDate(data.as_of)}`,
  };
}

/** Pure: one class's page. */
export function extractStatusClassView(data: ExtractStatusData, schoolClass: ExtractStatusClass, lang: ReportLang): ExtractStatusView {
  const text = TEXT[lang];
  const common = commonView(data, lang, `${text.classTitle(schoolClass.code)} — ${monthTitle(data.month, lang)}`);
  return {
    ...common,
    facts: [{ label: text.class, value: schoolClass.code }, { label: text.classTeacher, value: schoolClass.class_teacher ?? '' }, ...common.facts],
    summary: false,
    classes: [],
    rows: schoolClass.students.map((s, i) => ({
      number: i + 1,
      name: `${s.last_name} ${s.first_name}`,
      // A paper slip is the usual case: only an online acknowledgement is named.
      returned: s.returned ? (s.channel && s.channel !== 'paper' ? `${text.yes} (${text.channels[s.channel]})` : text.yes) : text.no,
      date: s.returned_on ? formatDate(s.returned_on) : '',
      guardian: s.guardian ?? '',
      lateness: latenessText(s, lang),
      note: s.note ?? '',
      overdue: !s.returned && (s.days_overdue ?? 0) > 0,
    })),
    totals: totalsView(text.total, schoolClass.totals),
    classTeacher: schoolClass.class_teacher ?? '',
  };
}

/** Pure: the deputy's summary page over several classes. */
export function extractStatusSummaryView(data: ExtractStatusData, lang: ReportLang): ExtractStatusView {
  const common = commonView(data, lang, monthTitle(data.month, lang));
  const text = common.text;
  return {
    ...common,
    summary: true,
    classes: data.classes.map((c) => ({ ...totalsView(c.code, c.totals), classTeacher: c.class_teacher ?? '' })),
    rows: [],
    totals: totalsView(text.total, data.totals),
    classTeacher: '',
  };
}
