import { chmodSync, writeFileSync } from 'node:fs';

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
