// The calendar: `holiday` (add, remove, list), `calendar <date>`, the
// holidays service and the working-day rules' reasons (domain/calendar.ts).
import { count, messages, type Catalogue } from '../catalogue.ts';

const en = {
  holidayDescription: 'the editable calendar: school breaks, one-off public holidays, moved working days',
  kindSchoolBreak: 'school-break',
  kindHoliday: 'holiday',
  kindWorkingDay: 'working-day',
  kindPublic: 'public',
  addDescription: 'add a school break, a one-off public holiday, or a Saturday made a working day',
  optName: 'name, e.g. "Rudens brīvlaiks"',
  optKind: 'school-break | holiday | working-day',
  askFirstDay: 'First day (YYYY-MM-DD)',
  askName: 'Name',
  removeDescription: 'remove an entry of the editable calendar',
  confirmRemove: (id: string) => `Remove calendar entry ${id}?`,
  listDescription: 'list calendar entries',
  optPublic: 'include the built-in Latvian public holidays',
  calendarDescription: 'is this a working day? (weekends, public holidays, school breaks); --add N gives the N-th working day after it',
  optAdd: 'working days to add',
  colWorkingDay: 'working day',
  colPlus: (days: number) => `+${count(days, { one: 'working day', other: 'working days' })}`,

  // services/holidays.ts
  badKind: (kind: string, kinds: string) => `--kind "${kind}" must be one of ${kinds}.`,
  toBeforeFrom: (to: string, from: string) => `--to ${to} is before --from ${from}.`,
  workingDaySingle: 'A moved working day is a single date: give --from only.',
  alreadyWorkingDay: (date: string) => `${date} is already a working day (a weekday): a moved working day falls on a Saturday or Sunday.`,
  breakOutsideYear: (year: string, from: string, to: string) => `A school break must lie within ${year} (${from} – ${to}).`,
  noEntry: (id: number) => `No calendar entry with id ${id}. See \`ezurnals holiday list\`.`,

  // domain/calendar.ts: why a day is not a working day
  publicHoliday: (name: string) => `public holiday: ${name}`,
  oneOffHoliday: (name: string) => `holiday: ${name}`,
  schoolBreak: (name: string) => `school break: ${name}`,
  saturday: 'Saturday',
  sunday: 'Sunday',
};

const lv: typeof en = {
  holidayDescription: 'rediģējamais kalendārs: brīvlaiki, vienreizējas svētku dienas, pārceltas darba dienas',
  kindSchoolBreak: 'brīvlaiks',
  kindHoliday: 'svētku diena',
  kindWorkingDay: 'darba diena',
  kindPublic: 'valsts svētki',
  addDescription: 'pievienot brīvlaiku, vienreizēju svētku dienu vai sestdienu, kas pārcelta par darba dienu',
  optName: 'nosaukums, piemēram, "Rudens brīvlaiks"',
  optKind: 'school-break (brīvlaiks) | holiday (svētku diena) | working-day (darba diena)',
  askFirstDay: 'Pirmā diena (YYYY-MM-DD)',
  askName: 'Nosaukums',
  removeDescription: 'dzēst rediģējamā kalendāra ierakstu',
  confirmRemove: (id: string) => `Dzēst kalendāra ierakstu ${id}?`,
  listDescription: 'kalendāra ierakstu saraksts',
  optPublic: 'iekļaut iebūvētās Latvijas svētku dienas',
  calendarDescription: 'vai šī ir darba diena? (brīvdienas, svētku dienas, brīvlaiki); --add N dod N. darba dienu pēc tās',
  optAdd: 'cik darba dienu pieskaitīt',
  colWorkingDay: 'darba diena',
  colPlus: (days: number) => `+${count(days, { one: 'darba diena', other: 'darba dienas', zero: 'darba dienu' })}`,

  badKind: (kind: string, kinds: string) => `--kind "${kind}" jābūt vienam no: ${kinds}.`,
  toBeforeFrom: (to: string, from: string) => `--to ${to} ir pirms --from ${from}.`,
  workingDaySingle: 'Pārcelta darba diena ir viens datums: norādiet tikai --from.',
  alreadyWorkingDay: (date: string) => `${date} jau ir darba diena (darbdiena): pārcelta darba diena iekrīt sestdienā vai svētdienā.`,
  breakOutsideYear: (year: string, from: string, to: string) => `Brīvlaikam jābūt mācību gada ${year} robežās (${from} – ${to}).`,
  noEntry: (id: number) => `Nav kalendāra ieraksta ar ID ${id}. Skatiet \`ezurnals holiday list\`.`,

  publicHoliday: (name: string) => `valsts svētku diena: ${name}`,
  oneOffHoliday: (name: string) => `svētku diena: ${name}`,
  schoolBreak: (name: string) => `brīvlaiks: ${name}`,
  saturday: 'sestdiena',
  sunday: 'svētdiena',
};

export const catalogue: Catalogue<typeof en> = { en, lv };
export const m = messages(catalogue);
