// Who may open the journal's database, judged from the modes and owners of
// its file, SQLite's -wal and -shm beside it, and the folder holding them.
//
// Why it matters: a WAL file is part of the database. Whoever may write the
// -wal (or create it before the owner does) writes what the owner reads: a
// crafted frame turned a grade 8 into a 10. And a folder others may write
// lets them put such a file there, or swap the database itself. So the rules
// are about writing; reading by others only earns a warning, since the file
// mode is then the only thing between them and every personas kods.
//
// The I/O (stat of the four paths) is in src/db/connection.ts.
import { m as d } from '../i18n/messages/db.ts';

/** What stat says of one path. */
export interface PathFacts {
  path: string;
  /** st_mode's permission bits (and the sticky bit). */
  mode: number;
  uid: number;
}

export interface DatabaseFiles {
  database: PathFacts;
  /** Absent when the file does not exist. */
  wal?: PathFacts;
  shm?: PathFacts;
  folder: PathFacts;
}

export type FilesVerdict =
  | { refused: string }
  | {
      refused: null;
      /** The current user is not the owner: open read-only, and never create the -wal or -shm. */
      readOnly: boolean;
      warnings: string[];
    };

const GROUP_OR_OTHER_WRITE = 0o022;
const GROUP_OR_OTHER_READ = 0o044;
const STICKY = 0o1000;
const ROOT = 0;

const quoted = (path: string) => `'${path.replace(/'/g, `'\\''`)}'`;

/**
 * The rules, for `currentUid` (the process's uid). The database's owner is
 * the owner of the journal; root is trusted (it can do anything anyway) as the
 * owner of the folder, but is no owner of another user's database.
 */
export function judgeDatabaseFiles(files: DatabaseFiles, currentUid: number): FilesVerdict {
  const owner = files.database.uid;
  for (const [file, facts] of [['database', files.database], ['wal', files.wal], ['shm', files.shm]] as const) {
    const what = d.fileNames[file];
    if (!facts) continue;
    if (facts.uid !== owner) {
      return {
        refused: d.foreignOwner(what, facts.path, facts.uid, owner, `rm ${quoted(facts.path)}`, `chown ${owner} ${quoted(facts.path)}`),
      };
    }
    if (facts.mode & GROUP_OR_OTHER_WRITE) {
      return { refused: d.othersWrite(what, facts.path, octal(facts.mode), `chmod go-w ${quoted(facts.path)}`) };
    }
  }
  const folder = files.folder;
  if (folder.uid !== owner && folder.uid !== ROOT) {
    return { refused: d.folderOwner(folder.path, folder.uid, owner, `chown ${owner} ${quoted(folder.path)}`) };
  }
  // A sticky folder (like /tmp) keeps others from removing or renaming the owner's files; a -wal or -shm they create first is caught above.
  if (folder.mode & GROUP_OR_OTHER_WRITE && !(folder.mode & STICKY)) {
    return { refused: d.folderWrite(folder.path, octal(folder.mode), `chmod go-w ${quoted(folder.path)}`) };
  }
  const warnings: string[] = [];
  if (files.database.mode & GROUP_OR_OTHER_READ) {
    warnings.push(d.othersRead(files.database.path, octal(files.database.mode), `chmod 600 ${quoted(files.database.path)}`));
  }
  if (currentUid === owner) return { refused: null, readOnly: false, warnings };
  // Not the owner: a -wal or -shm created now would be this user's, and the owner's next open would be refused (or, worse, trust it).
  if (!files.wal || !files.shm) {
    return {
      refused: d.notOwner(files.database.path, owner, currentUid, `sudo -u '#${owner}' ezurnals …`),
    };
  }
  return { refused: null, readOnly: true, warnings };
}

function octal(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}
