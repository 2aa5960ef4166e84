import { renderTemplate } from '../reports/templates.ts';
import type { ArchiveManifest } from './manifest.ts';
import { FOLDER_ORDER } from './nomenclature.ts';
import { formatBytes } from './volumes.ts';

/** Link text for a file, where one is better than its name (a PDF's document title). */
export type FileLabels = ReadonlyMap<string, string>;

/** A relative link that works from a CD without a server: each path segment percent-encoded (ā, š …). */
export function relativeHref(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * The volume's index.html: every file of its manifest, linked relatively and
 * grouped by the nomenclature's folders, readable in any browser without
 * JavaScript (the archivist of twenty years from now has no ezurnals).
 */
export function indexPage(manifest: ArchiveManifest, labels: FileLabels): string {
  const folderOf = (path: string) => path.split('/')[0]!;
  const known = new Set(FOLDER_ORDER.map((f) => f.name));
  const sections = [...FOLDER_ORDER, ...[...new Set(manifest.files.map((f) => folderOf(f.path)))].filter((name) => !known.has(name)).map((name) => ({ name, lv: name, en: name }))];
  const folders = sections
    .map((folder) => ({
      lv: folder.lv,
      en: folder.en,
      entries: manifest.files
        .filter((f) => folderOf(f.path) === folder.name)
        .map((f) => ({ href: relativeHref(f.path), label: labels.get(f.path) ?? f.path.slice(folder.name.length + 1), name: f.path, size: formatBytes(f.size) })),
    }))
    .filter((folder) => folder.entries.length > 0);
  const title = `Elektroniskā žurnāla arhīvs ${manifest.schoolYear}`;
  return renderTemplate('archive-index', {
    title,
    school: manifest.school.name,
    registration: manifest.school.registrationNumber,
    year: manifest.schoolYear,
    exportedAt: manifest.exportedAt,
    software: `${manifest.software.name} ${manifest.software.version}`,
    volumeLine: manifest.volume ? `Sējums ${manifest.volume} no ${manifest.volumes} / volume ${manifest.volume} of ${manifest.volumes}` : null,
    folders,
  }).trustedHtml;
}
