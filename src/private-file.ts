import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The journal's database, exports and reports hold children's personal data:
 * their files are readable by the owner alone. Set explicitly after writing,
 * because a create mode is filtered by the umask and an overwritten file keeps
 * its old mode.
 */
export const PRIVATE_FILE_MODE = 0o600;

export function writePrivateFile(path: string, content: string | Uint8Array): void {
  try {
    writeFileSync(path, content, { mode: PRIVATE_FILE_MODE });
    chmodSync(path, PRIVATE_FILE_MODE);
  } catch (error) {
    // A failed write(2) (a full disk) names no file: the message must.
    const errno = error as NodeJS.ErrnoException;
    if (errno.path === undefined) errno.path = path;
    throw error;
  }
}

/** Folders holding such files: the owner's only, so that nobody else may even list them. */
export const PRIVATE_DIR_MODE = 0o700;

/** Creates a folder (and any missing parents' last level) readable by the owner alone, whatever the umask. */
export function makePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(path, PRIVATE_DIR_MODE);
}

/** Every folder under `root` (itself included) 0700, every file 0600: for a tree built by several writers. */
export function makeTreePrivate(root: string): void {
  chmodSync(root, PRIVATE_DIR_MODE);
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) makeTreePrivate(path);
    else if (entry.isFile()) chmodSync(path, PRIVATE_FILE_MODE);
  }
}
