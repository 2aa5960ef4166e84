// What the CSV reader says about a file it cannot read as asked: read by the
// administrator who fixes the sheet in Excel, so the place comes first
// (`FILE:LINE:` in English, `FILE, 3. rinda:` in Latvian — Excel's row
// number), then the column, the value, and what to do.
import { count, messages, type Catalogue } from '../catalogue.ts';

const en = {
  // One problem's place: `FILE:LINE: column "X": value "Y" — reason`.
  where: (file: string, line: number) => `${file}:${line}:`,
  column: (name: string) => `column "${name}"`,
  value: (value: string) => `value "${value}"`,
  partsJoin: ': ',
  more: (n: number) => `… and ${n} more`,

  saveAsCsv: 'in Excel use File → Save As → CSV UTF-8',
  unknownEncoding: (name: string, supported: string) => `unknown encoding "${name}": use one of ${supported} (aliases such as utf8, cp1257, win1257, latin-7 work too)`,
  notUtf8Forced: (hex: string) => `not valid UTF-8 (byte 0x${hex}): the file is probably Windows-1257 (Latvian Excel's plain "CSV"); try --encoding windows-1257`,
  badUtf8Byte: (hex: string) =>
    `the file is UTF-8 but has an invalid byte 0x${hex} here (a damaged file, or one pieced together from different encodings): re-save it as "CSV UTF-8", or force an encoding with --encoding`,
  mixedEncodings: (hex: string, utf8Line: number) =>
    `this line is not UTF-8 (byte 0x${hex}, a Windows-1257 letter?) but line ${utf8Line} is: the file mixes two encodings; re-save it as "CSV UTF-8" from one spreadsheet`,
  xlsx: (save: string) => `this is an Excel workbook (.xlsx), not CSV: ${save}`,
  zip: (save: string) => `this is a ZIP archive, not CSV: unzip it first (if it is an Excel workbook, ${save})`,
  xls: (save: string) => `this is an old Excel workbook (.xls), not CSV: ${save}`,
  binaryNul: (save: string) => `this is a binary file, not CSV text (it contains NUL bytes): ${save}`,
  binaryControl: (control: number, chars: number, save: string) => `this is a binary file, not CSV text (${control} control characters in the first ${chars} characters): ${save}`,
  badDelimiter: (file: string, delimiter: string) => `${file}: unusable delimiter "${delimiter}": give one character such as ";" or ",", or "tab"`,
  unclosedQuote: 'a quoted value starts on this line and is never closed: a closing " is missing',
  recordTooLong: (max: number) => `the record starting here is longer than ${max.toLocaleString('en')} characters: most likely a quote that is never closed`,
  textAfterQuote: 'text follows the closing quote of a quoted value: a " inside a quoted value must be written twice ("")',
  cannotRead: (why: string) => `cannot read the CSV here: ${why}`,
  noHeader: 'the file has no header line (it holds only empty lines)',
  tooManyLines: (lines: number, max: number) =>
    `${lines.toLocaleString('en')} lines are more than the ${max.toLocaleString('en')} this kind is read with; a file this long is a mistake (blank lines, or a file of another kind), and nothing was imported`,
  rowWidth: (width: number, columns: number, delimiter: string) =>
    `the row has ${width} values but the header has ${columns} columns: a value containing ${delimiter === '\t' ? 'a tab' : `"${delimiter}"`} must be in double quotes`,
  noSuchFile: (file: string) => `${file}: no such file`,
  isDirectory: 'this is a directory, not a CSV file',
  cutUtf8: 'the file ends in the middle of a UTF-8 character: it was cut off or is damaged',
  columnTwice: (earlier: string, name: string, meaning: string) => `the file has this column twice: "${earlier}" and "${name}" both mean ${meaning}; keep one`,
  requiredMissing: (others: string, found: string, nothingMatched: boolean) =>
    `required column missing (also accepted as ${others}); columns found: ${found}${nothingMatched ? ' (the first line must be the header)' : ''}`,
  noneFound: '(none)',
  guardianColumn:
    "not a known column: a parent's or guardian's details go in a guardians file (Skolēns, Vārds, Uzvārds, Radniecība, Tālrunis, E-pasts), imported as guardians",
  unknownColumn: (like: string, known: string) => `not a known column${like ? `: did you mean "${like}"?` : ''} (known: ${known})`,
};

const lv: typeof en = {
  where: (file: string, line: number) => `${file}, ${line}. rinda:`,
  column: (name: string) => `kolonna "${name}"`,
  value: (value: string) => `vērtība "${value}"`,
  partsJoin: ', ',
  more: (n: number) => `… un vēl ${n}`,

  saveAsCsv: 'Excel programmā izvēlieties File → Save As → CSV UTF-8 (Fails → Saglabāt kā → CSV UTF-8)',
  unknownEncoding: (name: string, supported: string) =>
    `nezināms kodējums "${name}": norādiet vienu no ${supported} (der arī tādi sinonīmi kā utf8, cp1257, win1257, latin-7)`,
  notUtf8Forced: (hex: string) => `nav derīgs UTF-8 (baits 0x${hex}): fails droši vien ir Windows-1257 (Latvijas Excel parastais "CSV"); mēģiniet --encoding windows-1257`,
  badUtf8Byte: (hex: string) =>
    `fails ir UTF-8, bet šeit ir nederīgs baits 0x${hex} (bojāts fails vai salikts no dažādiem kodējumiem): saglabājiet to vēlreiz kā "CSV UTF-8" vai norādiet kodējumu ar --encoding`,
  mixedEncodings: (hex: string, utf8Line: number) =>
    `šī rinda nav UTF-8 (baits 0x${hex}, Windows-1257 burts?), bet ${utf8Line}. rinda ir: failā sajaukti divi kodējumi; saglabājiet to vēlreiz kā "CSV UTF-8" no vienas izklājlapas`,
  xlsx: (save: string) => `šī ir Excel darbgrāmata (.xlsx), nevis CSV: ${save}`,
  zip: (save: string) => `šis ir ZIP arhīvs, nevis CSV: vispirms atarhivējiet to (ja tā ir Excel darbgrāmata, ${save})`,
  xls: (save: string) => `šī ir veca Excel darbgrāmata (.xls), nevis CSV: ${save}`,
  binaryNul: (save: string) => `šis ir binārs fails, nevis CSV teksts (tajā ir NUL baiti): ${save}`,
  binaryControl: (control: number, chars: number, save: string) =>
    `šis ir binārs fails, nevis CSV teksts (pirmajās ${chars} rakstzīmēs ${count(control, { one: 'vadības rakstzīme', other: 'vadības rakstzīmes', zero: 'vadības rakstzīmju' })}): ${save}`,
  badDelimiter: (file: string, delimiter: string) => `${file}: neder atdalītājs "${delimiter}": norādiet vienu rakstzīmi, piemēram, ";" vai ",", vai "tab"`,
  unclosedQuote: 'vērtība pēdiņās sākas šajā rindā un netiek aizvērta: trūkst noslēdzošās "',
  recordTooLong: (max: number) => `ieraksts, kas sākas šeit, ir garāks par ${max.toLocaleString('lv')} rakstzīmēm: visticamāk, pēdiņas netiek aizvērtas`,
  textAfterQuote: 'aiz vērtības noslēdzošajām pēdiņām ir teksts: pēdiņas " vērtības iekšpusē jāraksta divreiz ("")',
  cannotRead: (why: string) => `šeit CSV nevar nolasīt: ${why}`,
  noHeader: 'failā nav virsrakstu rindas (tajā ir tikai tukšas rindas)',
  tooManyLines: (lines: number, max: number) =>
    `${lines.toLocaleString('lv')} rindas ir vairāk nekā ${max.toLocaleString('lv')}, ko šim veidam lasa; tik garš fails ir kļūda (tukšas rindas vai cita veida fails), un nekas nav importēts`,
  rowWidth: (width: number, columns: number, delimiter: string) =>
    `rindā ir ${count(width, { one: 'vērtība', other: 'vērtības', zero: 'vērtību' })}, bet virsrakstā ${count(columns, { one: 'kolonna', other: 'kolonnas', zero: 'kolonnu' })}: vērtībai, kurā ir ${delimiter === '\t' ? 'tabulācija' : `"${delimiter}"`}, jābūt pēdiņās`,
  noSuchFile: (file: string) => `${file}: šāda faila nav`,
  isDirectory: 'šī ir mape, nevis CSV fails',
  cutUtf8: 'fails beidzas UTF-8 rakstzīmes vidū: tas ir nogriezts vai bojāts',
  columnTwice: (earlier: string, name: string, meaning: string) => `failā šī kolonna ir divreiz: "${earlier}" un "${name}" abas nozīmē ${meaning}; atstājiet vienu`,
  requiredMissing: (others: string, found: string, nothingMatched: boolean) =>
    `trūkst obligātās kolonnas (der arī ${others}); atrastās kolonnas: ${found}${nothingMatched ? ' (pirmajai rindai jābūt virsrakstu rindai)' : ''}`,
  noneFound: '(nav nevienas)',
  guardianColumn:
    'nezināma kolonna: vecāku vai aizbildņu dati jāliek likumisko pārstāvju failā (Skolēns, Vārds, Uzvārds, Radniecība, Tālrunis, E-pasts), ko importē kā guardians',
  unknownColumn: (like: string, known: string) => `nezināma kolonna${like ? `: vai domājāt "${like}"?` : ''} (zināmās: ${known})`,
};

export const catalogue: Catalogue<typeof en> = { en, lv };
export const m = messages(catalogue);
