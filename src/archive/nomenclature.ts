/**
 * The school's file nomenclature for the year's archive (REFERENCE §6,
 * regulation §10): numbered folders, named in Latvian as the school files them.
 * The README's "Archive" section describes the same folders; the index page
 * shows them in this order.
 */
export interface ArchiveFolder {
  name: string;
  /** What the folder holds, in Latvian and in English, for the index page. */
  lv: string;
  en: string;
}

export const FOLDERS = {
  classJournals: { name: '01_žurnāli', lv: 'Klašu žurnāli', en: 'Class journals' },
  summaryJournals: { name: '02_kopsavilkuma_žurnāli', lv: 'Mācību sasniegumu kopsavilkuma žurnāli', en: 'Learning achievements summary journals' },
  reportCards: { name: '03_liecības', lv: 'Liecības (I, II semestris, gads)', en: 'Report cards (semester I, II, annual)' },
  classSummaries: { name: '04_klašu_kopsavilkumi', lv: 'Klašu sekmju kopsavilkumi', en: 'Class grades summaries' },
  extractReturns: { name: '05_izrakstu_atdeve', lv: 'Sekmju izrakstu atdeve pa mēnešiem', en: 'Monthly extract slip returns' },
  tables: { name: '06_tabulas', lv: 'Datubāzes tabulas (CSV, JSON) un kolonnu apraksts', en: 'Database tables (CSV, JSON) and column descriptions' },
  database: { name: '07_datubāze', lv: 'Datubāzes momentuzņēmums (SQLite)', en: 'Database snapshot (SQLite)' },
} as const satisfies Record<string, ArchiveFolder>;

export const FOLDER_ORDER: readonly ArchiveFolder[] = Object.values(FOLDERS);

/** The snapshot's file name inside FOLDERS.database. */
export const SNAPSHOT_FILE = 'ezurnals.sqlite';
export const INDEX_FILE = 'index.html';
