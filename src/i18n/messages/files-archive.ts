// `ezurnals archive …`: its help, its tables and progress, and what export,
// verify and restore say. The archive's own index.html is bilingual already
// (src/archive/index-page.ts); its column descriptions (table-meanings.ts)
// stay English documentation inside the archive.
import { count, messages, type Catalogue } from '../catalogue.ts';

const lvFiles = (n: number) => count(n, { one: 'fails', other: 'faili', zero: 'failu' }, 'lv');
const lvVolumes = (n: number) => count(n, { one: 'sējumā', other: 'sējumos' }, 'lv');

const en = {
  archiveDescription: "the year's archive for the school's records (REFERENCE §6): export to a folder or CD image, verify, restore",
  exportDescription: "write the year's archive: printed documents (PDF), every table (CSV, JSON), a database snapshot, index.html, manifest.json and SHA256SUMS; split into volumes above --volume-size",
  exportOut: 'the archive folder to create',
  exportIso: 'also write an ISO 9660 image (Joliet, Rock Ridge) to burn; one per volume when split (FILE-1.iso …)',
  exportVolumeSize: 'largest volume, K/M/G (binary units)',
  exportForce: 'replace an existing archive folder or image',
  verifyDescription: 'recompute every SHA-256 of an archive folder or ISO image; name missing, changed and extra files (exit 4)',
  restoreDescription: "restore an archive's database snapshot into a new database file (--db), or a new school on a PostgreSQL server (--db postgres://…?school=CODE), after checking its SHA-256",
  columnVolume: 'volume',
  columnFolder: 'folder',
  columnPages: 'pages',
  columnSize: 'size',
  stageTables: 'Tables',
  stageChecksums: 'Checksums',
  isoImage: (file: string, size: string) => `ISO image: ${file} (${size})`,
  wrote: (out: string, files: number, pages: number, size: string, volumes: number) =>
    `Wrote ${out}: ${files} files, ${pages} PDF pages, ${size}${volumes > 1 ? ` in ${volumes} volumes` : ''}. Check it with \`ezurnals archive verify ${out}\`.`,
  verifyMissing: (path: string) => `missing: ${path}`,
  verifyChanged: (path: string) => `changed: ${path}`,
  verifyExtra: (path: string) => `extra:   ${path}`,
  verifyFailed: (path: string, missing: number, changed: number, extra: number) => `${path} does not match its manifest: ${missing} missing, ${changed} changed, ${extra} extra.`,
  verifyOk: (path: string, files: number, size: string, volumes: number) => `OK ${path}: ${files} files, ${size}${volumes > 1 ? ` in ${volumes} volumes` : ''}, every SHA-256 matches.`,
  restoreWhere: 'Say where the restored database goes: --db NEW.db (a file that does not exist yet).',
  restored: (snapshot: string, size: string, db: string) => `Restored ${snapshot} (${size}, SHA-256 checked) into ${db}. Query it with --db ${db}.`,

  // export
  outNotEmpty: (out: string) => `${out} already exists and is not empty; add --force to replace it.`,
  isoExists: (iso: string) => `${iso} already exists; add --force to replace it.`,
  sayWhoYouAre: 'The archive holds the whole journal with its personal data: say who you are (an admin or a deputy director) with --as STAFF_CODE or EZURNALS_USER.',
  volumeOverSize: (volume: number, size: string, limit: string) => `Volume ${volume} came to ${size}, over the volume size of ${limit}: nothing was written.`,
  isoOverSize: (volume: number, size: string, limit: string) =>
    `The ISO image of volume ${volume} came to ${size}, over the volume size of ${limit}: nothing was written. Choose a larger --volume-size, or write the folder without --iso.`,
  badVolumeSize: (text: string) => `--volume-size ${text} is not a size of at least 1M: write it as e.g. 700M, 4.7G or 650000K.`,
  filesTooBig: (files: string, n: number, limit: string) =>
    `${files} alone ${n === 1 ? 'is' : 'are'} larger than a volume of ${limit}: nothing was written. Choose a larger --volume-size (e.g. 4.7G for a DVD).`,
  // ISO images
  isoInstallHint: 'Install xorriso (Debian/Ubuntu: `sudo apt-get install xorriso`) or genisoimage.',
  isoNoTool: (hint: string) => `Writing an ISO image needs xorriso or genisoimage, and neither is installed. ${hint}`,
  isoToolDidNotStart: (tool: string, why: string, hint: string) => `${tool} did not start (${why}). ${hint}`,
  isoToolFailed: (tool: string, what: string, output: string) => `${tool} failed ${what}: ${output}`,
  isoNoReader: (hint: string) => `Reading an ISO image needs xorriso, which is not installed. ${hint}`,
  isoUnreadable: (file: string, output: string) => `${file} could not be read as an ISO image: ${output}`,
  // manifest
  manifestNotJson: (where: string, why: string) => `${where} is not JSON: ${why}`,
  manifestNotOurs: (where: string, format: string) => `${where} is not an ezurnals archive manifest (format is ${format}).`,
  manifestVersion: (where: string, version: string, ours: number) => `${where} has format version ${version}; this ezurnals reads version ${ours}.`,
  manifestShape: (where: string) => `${where} lists its files in an unexpected shape.`,
  // verify
  noArchive: (path: string) => `No archive at ${path}.`,
  noManifest: (root: string, manifest: string) => `${root} holds no ${manifest}, neither itself nor in volume-N folders: it is not an ezurnals archive.`,
  pathsOutside: (manifest: string, paths: string) => `${manifest} lists paths outside its folder: ${paths}.`,
  // restore
  snapshotFolderLink: (where: string) => `${where}: its folder is a symbolic link, which an archive never holds: nothing was restored.`,
  snapshotLink: (where: string) => `${where} is a symbolic link, which an archive never holds: nothing was restored.`,
  snapshotNotFile: (where: string) => `${where} is not a regular file: nothing was restored.`,
  snapshotNotDatabase: (where: string) => `${where} is not an ezurnals database: nothing was restored.`,
  snapshotOtherSchool: (where: string, schools: string, named: string) => `${where} is the database of ${schools || 'no school'}, but the manifest names "${named}": nothing was restored.`,
  snapshotOtherYear: (where: string, year: string, years: string) => `${where} holds no school year ${year}, the manifest's year (it holds ${years || 'none'}): nothing was restored.`,
  snapshotMissing: (where: string) => `The archive's manifest lists ${where}, but the file is missing: nothing was restored.`,
  snapshotChanged: (where: string) => `${where} does not match its SHA-256 in the manifest: the snapshot was changed or damaged, and nothing was restored.`,
  noSnapshot: (path: string) => `The archive lists no database snapshot (${path}) in its manifest.`,
  targetExists: (target: string) => `${target} already exists; restore writes a new database and never overwrites one.`,
  noTargetFolder: (target: string, folder: string) => `Cannot restore into ${target}: the folder ${folder} does not exist.`,
  targetFolderNotFolder: (target: string, folder: string) => `Cannot restore into ${target}: ${folder} is not a folder.`,
  targetAppeared: (target: string) => `${target} appeared while restoring; nothing was overwritten.`,
};

const lv: typeof en = {
  archiveDescription: 'mācību gada arhīvs skolas lietvedībai (REFERENCE §6): eksportēt uz mapi vai CD attēlu, pārbaudīt, atjaunot',
  exportDescription:
    'ierakstīt gada arhīvu: izdrukātos dokumentus (PDF), visas tabulas (CSV, JSON), datubāzes momentuzņēmumu, index.html, manifest.json un SHA256SUMS; virs --volume-size sadalīts sējumos',
  exportOut: 'arhīva mape, ko izveidot',
  exportIso: 'ierakstīt arī ISO 9660 attēlu (Joliet, Rock Ridge) dedzināšanai; sadalītam arhīvam pa vienam katram sējumam (FILE-1.iso …)',
  exportVolumeSize: 'lielākais sējums, K/M/G (binārās vienības)',
  exportForce: 'aizstāt esošu arhīva mapi vai attēlu',
  verifyDescription: 'pārrēķināt katru arhīva mapes vai ISO attēla SHA-256; nosaukt trūkstošos, mainītos un liekos failus (izejas kods 4)',
  restoreDescription: 'atjaunot arhīva datubāzes momentuzņēmumu jaunā datubāzes failā (--db) vai kā jaunu skolu PostgreSQL serverī (--db postgres://…?school=KODS), pārbaudot tā SHA-256',
  columnVolume: 'sējums',
  columnFolder: 'mape',
  columnPages: 'lappuses',
  columnSize: 'izmērs',
  stageTables: 'Tabulas',
  stageChecksums: 'Kontrolsummas',
  isoImage: (file: string, size: string) => `ISO attēls: ${file} (${size})`,
  wrote: (out: string, files: number, pages: number, size: string, volumes: number) =>
    `Ierakstīts ${out}: ${lvFiles(files)}, ${count(pages, { one: 'PDF lappuse', other: 'PDF lappuses', zero: 'PDF lappušu' })}, ${size}${volumes > 1 ? ` ${lvVolumes(volumes)}` : ''}. Pārbaudiet to ar \`ezurnals archive verify ${out}\`.`,
  verifyMissing: (path: string) => `trūkst:   ${path}`,
  verifyChanged: (path: string) => `mainīts:  ${path}`,
  verifyExtra: (path: string) => `lieks:    ${path}`,
  verifyFailed: (path: string, missing: number, changed: number, extra: number) =>
    `${path} neatbilst savam manifestam: trūkst ${lvFiles(missing)}, mainīti ${lvFiles(changed)}, lieki ${lvFiles(extra)}.`,
  verifyOk: (path: string, files: number, size: string, volumes: number) =>
    `OK ${path}: ${lvFiles(files)}, ${size}${volumes > 1 ? ` ${lvVolumes(volumes)}` : ''}, visi SHA-256 sakrīt.`,
  restoreWhere: 'Norādiet, kur likt atjaunoto datubāzi: --db JAUNA.db (fails, kura vēl nav).',
  restored: (snapshot: string, size: string, db: string) => `${snapshot} (${size}, SHA-256 pārbaudīts) atjaunots failā ${db}. Lasiet to ar --db ${db}.`,

  outNotEmpty: (out: string) => `${out} jau ir un nav tukšs; pievienojiet --force, lai to aizstātu.`,
  isoExists: (iso: string) => `${iso} jau ir; pievienojiet --force, lai to aizstātu.`,
  sayWhoYouAre: 'Arhīvā ir viss žurnāls ar personas datiem: norādiet, kas jūs esat (administrators vai direktora vietnieks), ar --as DARBINIEKA_KODS vai EZURNALS_USER.',
  volumeOverSize: (volume: number, size: string, limit: string) => `${volume}. sējums sanāca ${size}, vairāk par sējuma izmēru ${limit}: nekas nav ierakstīts.`,
  isoOverSize: (volume: number, size: string, limit: string) =>
    `${volume}. sējuma ISO attēls sanāca ${size}, vairāk par sējuma izmēru ${limit}: nekas nav ierakstīts. Izvēlieties lielāku --volume-size vai rakstiet mapi bez --iso.`,
  badVolumeSize: (text: string) => `--volume-size ${text} nav izmērs, kas ir vismaz 1M: rakstiet, piemēram, 700M, 4.7G vai 650000K.`,
  filesTooBig: (files: string, n: number, limit: string) =>
    `${files} ${n === 1 ? 'viens pats ir lielāks' : 'katrs pats ir lielāks'} par sējumu ${limit}: nekas nav ierakstīts. Izvēlieties lielāku --volume-size (piemēram, 4.7G DVD diskam).`,
  isoInstallHint: 'Uzstādiet xorriso (Debian/Ubuntu: `sudo apt-get install xorriso`) vai genisoimage.',
  isoNoTool: (hint: string) => `ISO attēla rakstīšanai vajag xorriso vai genisoimage, bet neviens nav uzstādīts. ${hint}`,
  isoToolDidNotStart: (tool: string, why: string, hint: string) => `${tool} nepalaidās (${why}). ${hint}`,
  isoToolFailed: (tool: string, what: string, output: string) => `${tool} kļūda (${what}): ${output}`,
  isoNoReader: (hint: string) => `ISO attēla lasīšanai vajag xorriso, bet tas nav uzstādīts. ${hint}`,
  isoUnreadable: (file: string, output: string) => `${file} neizdevās nolasīt kā ISO attēlu: ${output}`,
  manifestNotJson: (where: string, why: string) => `${where} nav JSON: ${why}`,
  manifestNotOurs: (where: string, format: string) => `${where} nav ezurnals arhīva manifests (formāts ir ${format}).`,
  manifestVersion: (where: string, version: string, ours: number) => `${where} formāta versija ir ${version}; šī ezurnals versija lasa versiju ${ours}.`,
  manifestShape: (where: string) => `${where} failu saraksts ir negaidītā formā.`,
  noArchive: (path: string) => `${path} nav arhīva.`,
  noManifest: (root: string, manifest: string) => `${root} nav ${manifest} ne pašā mapē, ne volume-N mapēs: tas nav ezurnals arhīvs.`,
  pathsOutside: (manifest: string, paths: string) => `${manifest} min ceļus ārpus savas mapes: ${paths}.`,
  snapshotFolderLink: (where: string) => `${where}: tā mape ir simboliskā saite, kādas arhīvā nekad nav: nekas nav atjaunots.`,
  snapshotLink: (where: string) => `${where} ir simboliskā saite, kādas arhīvā nekad nav: nekas nav atjaunots.`,
  snapshotNotFile: (where: string) => `${where} nav parasts fails: nekas nav atjaunots.`,
  snapshotNotDatabase: (where: string) => `${where} nav ezurnals datubāze: nekas nav atjaunots.`,
  snapshotOtherSchool: (where: string, schools: string, named: string) =>
    `${where} ir ${schools ? `skolas ${schools} datubāze` : 'datubāze bez skolas'}, bet manifestā nosaukta "${named}": nekas nav atjaunots.`,
  snapshotOtherYear: (where: string, year: string, years: string) =>
    `${where} nav manifestā nosauktā mācību gada ${year} (tajā ir ${years || 'neviena'}): nekas nav atjaunots.`,
  snapshotMissing: (where: string) => `Arhīva manifestā ir ${where}, bet šī faila nav: nekas nav atjaunots.`,
  snapshotChanged: (where: string) => `${where} neatbilst savam SHA-256 manifestā: momentuzņēmums ir mainīts vai bojāts, un nekas nav atjaunots.`,
  noSnapshot: (path: string) => `Arhīva manifestā nav datubāzes momentuzņēmuma (${path}).`,
  targetExists: (target: string) => `${target} jau ir; atjaunošana raksta jaunu datubāzi un nekad nepārraksta esošu.`,
  noTargetFolder: (target: string, folder: string) => `Nevar atjaunot failā ${target}: mapes ${folder} nav.`,
  targetFolderNotFolder: (target: string, folder: string) => `Nevar atjaunot failā ${target}: ${folder} nav mape.`,
  targetAppeared: (target: string) => `${target} parādījās atjaunošanas laikā; nekas nav pārrakstīts.`,
};

export const catalogue: Catalogue<typeof en> = { en, lv };
export const m = messages(catalogue);
